class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
let attempts = 0;
export default { "arn:aws:states:us-east-1:123456789012:activity:Fail": async () => { attempts += 1; throw new NamedError("MyCustomError", `failed ${attempts} times`); } };
