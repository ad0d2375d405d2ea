let counted = 0;
let flaky = 0;
export default {
  "arn:aws:states:us-east-1:123456789012:activity:Count": async () => { counted += 1; return counted; },
  "arn:aws:states:us-east-1:123456789012:activity:Flaky": async () => {
    flaky += 1;
    if (flaky < 3) { const error = new Error("try again"); error.name = "Flaky"; throw error; }
    return "flaky ok";
  },
};
