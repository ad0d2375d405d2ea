export default {
  "arn:aws:states:::test:echo": async (input) => input,
};
