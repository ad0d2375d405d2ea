const log = [];
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Work": async (ms) => { log.push(`start ${ms}`); await new Promise((r) => setTimeout(r, ms)); log.push(`end ${ms}`); return ms * 2; },
  "arn:aws:states:us-east-1:123456789012:activity:Report": async (input) => ({ results: input.results, log }),
};
