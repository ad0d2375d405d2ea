class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
export default { "arn:aws:states:us-east-1:123456789012:activity:Boom": async () => { throw new NamedError("Deep.Inner.Error", "deep down"); } };
