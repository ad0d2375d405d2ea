/**
 * SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: the callback pattern
 * (`.waitForTaskToken`), routed through the engine's shared TaskTokenBroker.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
 */
import type { JsonValue } from "@statecraft/asl";
import type { Operation } from "../context.js";
import { ApiError, apiError } from "../errors.js";
import { parseRequest } from "../request-validation.js";
import { SendTaskFailureRequest, SendTaskHeartbeatRequest, SendTaskSuccessRequest } from "../schemas.js";

const brokerErrors = new Set(["TaskDoesNotExist", "InvalidToken", "TaskTimedOut"]);

/** Runs a broker call, answering its TaskDoesNotExist / InvalidToken / TaskTimedOut as API errors. */
function viaBroker(call: () => void): object {
  try {
    call();
  } catch (error) {
    if (error instanceof Error && brokerErrors.has(error.name)) throw new ApiError(error.name, error.message);
    throw error;
  }
  return {};
}

const sendTaskSuccess: Operation = (context, body) => {
  const request = parseRequest(SendTaskSuccessRequest, body);
  let output: JsonValue;
  try {
    output = JSON.parse(request.output) as JsonValue;
  } catch (error) {
    throw apiError("InvalidOutput", `Invalid Output: '${error instanceof Error ? error.message : String(error)}'`);
  }
  return viaBroker(() => context.runner.broker.sendTaskSuccess(request.taskToken, output));
};

const sendTaskFailure: Operation = (context, body) => {
  const request = parseRequest(SendTaskFailureRequest, body);
  return viaBroker(() => context.runner.broker.sendTaskFailure(request.taskToken, request.error, request.cause));
};

const sendTaskHeartbeat: Operation = (context, body) => {
  const request = parseRequest(SendTaskHeartbeatRequest, body);
  return viaBroker(() => context.runner.broker.sendTaskHeartbeat(request.taskToken));
};

export const taskOperations: Readonly<Record<string, Operation>> = {
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
};
