// The message is sent; no worker ever answers the token.
export default {
  "arn:aws:states:::sqs:sendMessage.waitForTaskToken": () => ({ MessageId: "6f1c7b1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f" }),
};
