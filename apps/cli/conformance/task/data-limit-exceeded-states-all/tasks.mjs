export default { "arn:aws:lambda:us-east-1:123456789012:function:LargeOutput": async () => "x".repeat(300000) };
