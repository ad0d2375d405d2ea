export default { "arn:aws:states:us-east-1:123456789012:activity:Sleep": (ms) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)) };
