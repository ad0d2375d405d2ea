// The topic's subscriber reads the token from the message and answers SendTaskSuccess with output "{}".
export default {
  "arn:aws:states:::sns:publish.waitForTaskToken": (input, context) => {
    setTimeout(() => context.taskTokens.sendTaskSuccess(input.Message.TaskToken, {}), 5);
    return { MessageId: "0b6e6b1a-8a5c-4b9e-9d0e-1f2a3b4c5d6e" };
  },
};
