export default {
  "arn:aws:lambda:us-east-1:123456789012:function:Identity": async (input) => input,
};
