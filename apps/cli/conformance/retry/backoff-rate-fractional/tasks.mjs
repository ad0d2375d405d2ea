class NamedError extends Error { constructor(name, message) { super(message); this.name = name; } }
const seconds = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
let attempts = 0;
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Fail": async () => { attempts += 1; throw new NamedError("Broken", "always"); },
  "arn:aws:states:us-east-1:123456789012:activity:Report": async (input) => ({ attempts, error: input.error, elapsedSeconds: seconds(input.start, input.now) }),
};
