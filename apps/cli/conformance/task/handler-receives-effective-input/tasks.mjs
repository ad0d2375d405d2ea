export default { "arn:aws:states:us-east-1:123456789012:activity:Echo": async (input) => ({ received: input, ignored: 1 }) };
