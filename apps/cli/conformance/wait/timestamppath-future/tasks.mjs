const day = 24 * 60 * 60 * 1000;
export default {
  // A timestamp `days` after the start: far enough to wait for, within the one-year limit of an execution.
  "arn:aws:states:us-east-1:123456789012:activity:Plan": async (input) => ({ expirydate: new Date(Date.parse(input.start) + input.days * day).toISOString() }),
  "arn:aws:states:us-east-1:123456789012:activity:Check": async (input) => ({ resumedAtTarget: Date.parse(input.now) === Date.parse(input.target) }),
};
