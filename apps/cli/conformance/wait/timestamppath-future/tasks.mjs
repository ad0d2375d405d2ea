export default { "arn:aws:states:us-east-1:123456789012:activity:Check": async (input) => ({ resumedAtTarget: Date.parse(input.now) === Date.parse(input.target) }) };
