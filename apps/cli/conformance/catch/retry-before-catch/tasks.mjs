const seconds = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
class NamedError extends Error {
  constructor(name, message) { super(message); this.name = name; }
}
const sequence = ["ErrorA","ErrorB"];
let attempts = 0;
export default {
  "arn:aws:lambda:us-east-1:123456789012:function:FailFunction": async () => {
    attempts += 1;
    const error = sequence[attempts - 1];
    if (error !== undefined) throw new NamedError(error, "This is a custom error!");
    return { attempts };
  },
  "arn:aws:states:us-east-1:123456789012:activity:Report": async (input) => ({ attempts, error: input.error, elapsedSeconds: seconds(input.start, input.now) }),
};
