export default { "arn:aws:lambda:us-east-1:123456789012:function:FailFunction": async () => { const e = new Error("This is a custom error!"); e.name = "CustomError"; throw e; } };
