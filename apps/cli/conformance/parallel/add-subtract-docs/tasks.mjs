export default {
  "arn:aws:states:us-east-1:123456789012:activity:Add": async ([a, b]) => a + b,
  "arn:aws:states:us-east-1:123456789012:activity:Subtract": async ([a, b]) => a - b,
};
