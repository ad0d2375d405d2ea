/**
 * JSONata-mode Task: `Arguments` (default: the state input) → invoke (with Retry) → `Output` (default:
 * `$states.result`) and `Assign`, with Catch around it all. `TimeoutSeconds`/`HeartbeatSeconds` may be
 * expressions. A `lambda:invoke` task takes `FunctionName`/`Payload` from `Arguments` and its result is the whole
 * invocation envelope, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { JsonValue } from "@statecraft/asl";
import { type RawState, retriers, type StateCompileContext, transition } from "../../compile/common.js";
import { QueryEvaluationError } from "../../errors.js";
import type { CompiledState } from "../../runtime/compiled.js";
import { withCatch, withRetry } from "../../runtime/error-handling.js";
import { attemptTask } from "../../runtime/task-attempt.js";
import type { AttemptLimits } from "../../runtime/task-events.js";
import { TaskTokenBroker } from "../../runtime/task-tokens.js";
import { compileTaskTarget } from "../task.js";
import { checkedOutput, compileExit, evaluateExit, jsonataCatchers } from "./common.js";
import { numberField, optionalJsonataField } from "./fields.js";

const maxSeconds = 99_999_999;

export function compileJsonataTask(state: RawState, ctx: StateCompileContext): CompiledState {
  const args = optionalJsonataField(state, "Arguments", ctx.pointer, ctx.problems);
  const timeout = optionalJsonataField(state, "TimeoutSeconds", ctx.pointer, ctx.problems);
  const heartbeat = optionalJsonataField(state, "HeartbeatSeconds", ctx.pointer, ctx.problems);
  const exit = compileExit(state, ctx.pointer, ctx);
  const retry = retriers(state, ctx);
  const catchList = jsonataCatchers(state, ctx);
  const next = transition(state, ctx);
  const target = compileTaskTarget(state, ctx);
  const { waitsForToken } = target;
  const name = ctx.name;

  return {
    name,
    type: "Task",
    eventPrefix: "Task",
    run(scope, visit, input) {
      const runtime = scope.runtime;
      const body = async () => {
        const timeoutSeconds = await numberField(timeout, "TimeoutSeconds", scope, input, { min: 1, max: maxSeconds, integer: true });
        const heartbeatSeconds = await numberField(heartbeat, "HeartbeatSeconds", scope, input, { min: 1, max: maxSeconds, integer: true });
        if (timeoutSeconds !== undefined && heartbeatSeconds !== undefined && heartbeatSeconds >= timeoutSeconds) {
          throw new QueryEvaluationError(`The HeartbeatSeconds (${heartbeatSeconds}) of the state '${name}' must be smaller than its TimeoutSeconds (${timeoutSeconds}).`);
        }
        const limits: AttemptLimits = { timeoutSeconds, heartbeatSeconds };
        const attempt = async (): Promise<JsonValue> => {
          if (waitsForToken) visit.taskToken = TaskTokenBroker.createToken(runtime.executionArn, name, runtime.uuid());
          // Evaluated per attempt: `$states.context.State.RetryCount` and the task token change between attempts.
          const payload = args === undefined ? input : await args(scope, input);
          return attemptTask(scope, visit, target, payload, limits);
        };
        const result = await withRetry(scope, visit, retry, attempt);
        const { output, assigned } = await evaluateExit(exit, scope, input, result, { result });
        return { output: checkedOutput(output, scope, name), next, assigned };
      };
      return withCatch(catchList, input, body, undefined, scope);
    },
  };
}
