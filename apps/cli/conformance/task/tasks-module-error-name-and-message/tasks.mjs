class CustomError extends Error {
  constructor(message) { super(message); this.name = "CustomError"; }
}
export default { "arn:aws:lambda:us-east-1:123456789012:function:ErrorFunction": async () => { throw new CustomError("This is a custom error!"); } };
