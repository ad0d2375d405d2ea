// The worker sends SendTaskHeartbeat several times, then SendTaskSuccess with the message text as output.
export default {
  "arn:aws:states:::sqs:sendMessage.waitForTaskToken": (input, context) => {
    const { Message, TaskToken } = input.MessageBody;
    let beats = 0;
    const beat = () => {
      if (beats++ < 10) {
        context.taskTokens.sendTaskHeartbeat(TaskToken);
        setTimeout(beat, 1);
      } else {
        context.taskTokens.sendTaskSuccess(TaskToken, Message);
      }
    };
    setTimeout(beat, 1);
    return { MessageId: "6f1c7b1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f" };
  },
};
