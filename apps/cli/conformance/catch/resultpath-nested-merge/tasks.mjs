class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
export default { "arn:aws:states:us-east-1:123456789012:activity:Fail": async () => { throw new NamedError("Nope", "cannot do it"); } };
