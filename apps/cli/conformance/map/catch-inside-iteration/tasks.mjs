class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Work": async ({ item }) => { if (item === 2) throw new NamedError("BadItem", `item ${item} is bad`); return { item, ok: true }; },
};
