// The worker (sqs_success_on_task_token) answers each message with SendTaskSuccess(Output = the message's Message).
// Each task gets its own token; a token answered once is gone, so the second task cannot be answered by the first's.
export default {
  "arn:aws:states:::sqs:sendMessage.waitForTaskToken": (input, context) => {
    const { Message, TaskToken } = input.MessageBody;
    setTimeout(() => context.taskTokens.sendTaskSuccess(TaskToken, Message), 5);
    return { MessageId: "6f1c7b1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f" };
  },
};
