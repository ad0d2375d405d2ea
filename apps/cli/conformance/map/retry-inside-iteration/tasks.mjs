class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
const calls = {};
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Work": async (item) => { calls[item] = (calls[item] ?? 0) + 1; if (item === "b" && calls[item] < 3) throw new NamedError("Flaky", "not yet"); return `${item}:${calls[item]}`; },
  "arn:aws:states:us-east-1:123456789012:activity:Report": async (input) => ({ results: input.results, calls }),
};
