export default { "arn:aws:states:us-east-1:123456789012:activity:Process": async () => "processed" };
