// The worker reading the queue answers with SendTaskFailure(Error "Failure error", Cause "Failure cause").
export default {
  "arn:aws:states:::sqs:sendMessage.waitForTaskToken": (input, context) => {
    setTimeout(() => context.taskTokens.sendTaskFailure(input.MessageBody.TaskToken, "Failure error", "Failure cause"), 5);
    return { MessageId: "6f1c7b1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f" };
  },
};
