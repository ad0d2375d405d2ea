const seconds = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Report": async (input) => ({ error: input.error, elapsedSeconds: seconds(input.start, input.now) }),
};
