/**
 * Task: InputPath → Parameters → invoke (with Retry) → ResultSelector → ResultPath → OutputPath, with Catch around
 * it all.
 *
 * @see https://states-language.net/spec.html#task-state
 */
import type { JsonValue } from "@statecraft/asl";
import {
  catchers,
  filterPath,
  objectField,
  type RawState,
  resultPath,
  retriers,
  type StateCompileContext,
  transition,
} from "../compile/common.js";
import { type CompiledAssign, compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { type StatesError, StatesRuntimeError } from "../errors.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import { type PathEnv, selectPath } from "../io/path-env.js";
import { type FilterPath, placeResult, type ResultPathSpec, selectInputPath, selectOutputPath } from "../io/pipeline.js";
import { compileTemplate } from "../io/template.js";
import { stateOutputTooLarge } from "./output-limit.js";
import { type CompiledState, isPromise, type Outcome } from "../runtime/compiled.js";
import type { Scope } from "../runtime/scope.js";
import { withCatch, withRetry } from "../runtime/error-handling.js";
import { parseResource } from "../runtime/resources.js";
import { type AttemptLimits, taskEventsFor } from "../runtime/task-events.js";
import { type AttemptContinuation, attemptTask, attemptTaskThen, type TaskTarget, taskResultTooLarge } from "../runtime/task-attempt.js";
import { BindingCache } from "../runtime/task-handlers.js";
import { TaskTokenBroker } from "../runtime/task-tokens.js";

type Seconds = (input: JsonValue, env: PathEnv) => number | undefined;

/** The limits of a task without TimeoutSeconds/HeartbeatSeconds (shared, it never changes). */
const noLimits: AttemptLimits = { timeoutSeconds: undefined, heartbeatSeconds: undefined };

/** `TimeoutSeconds`/`TimeoutSecondsPath` (or the Heartbeat pair): a positive integer, fixed or read from the input. */
function compileSeconds(state: RawState, field: "TimeoutSeconds" | "HeartbeatSeconds", ctx: StateCompileContext): Seconds {
  const pathField = `${field}Path`;
  if (field in state && pathField in state) ctx.problems.add(ctx.pointer, `has both '${field}' and '${pathField}'`);
  if (field in state) {
    const value = state[field];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) ctx.problems.add(pointerTo(ctx.pointer, field), "must be a positive integer");
    const seconds = typeof value === "number" ? value : undefined;
    return () => seconds;
  }
  if (!(pathField in state)) return () => undefined;
  const path = ctx.problems.path(pointerTo(ctx.pointer, pathField), state[pathField]);
  return (input, env) => {
    const value = path === undefined ? undefined : selectPath(path, input, env);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new StatesRuntimeError(`The ${pathField} '${path?.text ?? ""}' must select a positive integer; it selected ${JSON.stringify(value ?? null)}`);
    }
    return value;
  };
}

/** The Task's `Resource`: what it calls, which history events it records, whether it waits for a task token. */
export function compileTaskTarget(state: RawState, ctx: StateCompileContext): TaskTarget {
  const resource = typeof state.Resource === "string" ? state.Resource : "";
  if (resource === "") ctx.problems.add(pointerTo(ctx.pointer, "Resource"), "must be a non-empty string (a resource ARN)");
  const parsed = parseResource(resource);
  const waitsForToken = (parsed.kind === "service" || parsed.kind === "lambda-invoke") && parsed.pattern === "waitForTaskToken";
  return {
    stateName: ctx.name,
    resource,
    parsed,
    events: taskEventsFor(resource, parsed),
    waitsForToken,
    binding: new BindingCache(),
    resultLabel: `The task '${ctx.name}' result`,
    resultTooLarge: () => taskResultTooLarge(resource),
  };
}

/** How a Task turns its result into the state's output: ResultPath → OutputPath, the payload quota, `Next`, `Assign`. */
class TaskOutput implements AttemptContinuation<Outcome> {
  constructor(
    private readonly placement: ResultPathSpec,
    private readonly outputPath: FilterPath,
    /** The task's own result was checked when it arrived (an Invoke envelope or a ResultSelector output was not). */
    private readonly resultChecked: boolean,
    private readonly label: string,
    /** The failure of an output over the payload quota. */
    private readonly tooLarge: () => StatesError,
    private readonly next: string | undefined,
    private readonly assign: CompiledAssign | undefined,
  ) {}

  afterResult(scope: Scope, input: JsonValue, selected: JsonValue): Outcome {
    const output = selectOutputPath(placeResult(input, selected, this.placement), this.outputPath, scope);
    return {
      output: output === selected && this.resultChecked ? output : ensureJsonPayload(output, scope.runtime.maxPayloadBytes, this.label, this.tooLarge),
      next: this.next,
      // `$` in Assign is the result after ResultSelector.
      assigned: this.assign?.(selected, scope),
    };
  }
}

export function compileTask(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  const placement = resultPath(state, ctx);
  const parametersField = objectField(state, "Parameters", ctx);
  const parameters = parametersField === undefined ? undefined : compileTemplate(parametersField, pointerTo(ctx.pointer, "Parameters"), ctx.problems);
  const selectorField = objectField(state, "ResultSelector", ctx);
  const selector = selectorField === undefined ? undefined : compileTemplate(selectorField, pointerTo(ctx.pointer, "ResultSelector"), ctx.problems);
  const timeout = compileSeconds(state, "TimeoutSeconds", ctx);
  const heartbeat = compileSeconds(state, "HeartbeatSeconds", ctx);
  if (typeof state.TimeoutSeconds === "number" && typeof state.HeartbeatSeconds === "number" && state.HeartbeatSeconds >= state.TimeoutSeconds) {
    ctx.problems.add(pointerTo(ctx.pointer, "HeartbeatSeconds"), "must be smaller than TimeoutSeconds");
  }
  const assign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const retry = retriers(state, ctx);
  const catchList = catchers(state, ctx);
  const target = compileTaskTarget(state, ctx);
  const { waitsForToken } = target;
  const name = ctx.name;
  const taskOutput = new TaskOutput(placement, outputPath, selector === undefined && target.parsed.kind !== "lambda-invoke", `The state '${name}' output`, stateOutputTooLarge(name), transition(state, ctx), assign);
  const timeLimited = ["TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"].some((field) => field in state);

  // Most Tasks call a handler once, with no time limit, result selector, Retry or Catch: no closure per visit.
  if (!timeLimited && !waitsForToken && selector === undefined && retry.length === 0 && catchList.length === 0) {
    return {
      name,
      type: "Task",
      eventPrefix: "Task",
      run(scope, visit, input) {
        const effective = selectInputPath(input, inputPath, scope);
        return attemptTaskThen(scope, visit, target, parameters === undefined ? effective : parameters(effective, scope), noLimits, taskOutput, input);
      },
    };
  }

  return {
    name,
    type: "Task",
    eventPrefix: "Task",
    run(scope, visit, input) {
      const runtime = scope.runtime;
      const body = () => {
        const effective = selectInputPath(input, inputPath, scope);
        const timeoutSeconds = timeout(effective, scope);
        const heartbeatSeconds = heartbeat(effective, scope);
        const limits: AttemptLimits = timeoutSeconds === undefined && heartbeatSeconds === undefined ? noLimits : { timeoutSeconds, heartbeatSeconds };
        const attempt = (): JsonValue | Promise<JsonValue> => {
          if (waitsForToken) visit.taskToken = TaskTokenBroker.createToken(runtime.executionArn, name, runtime.uuid());
          const payload = parameters === undefined ? effective : parameters(effective, scope);
          const result = attemptTask(scope, visit, target, payload, limits);
          if (selector === undefined) return result;
          return isPromise(result) ? result.then((value) => selector(value, scope)) : selector(result, scope);
        };
        const selected = retry.length === 0 ? attempt() : withRetry(scope, visit, retry, attempt);
        return isPromise(selected) ? selected.then((value) => taskOutput.afterResult(scope, input, value)) : taskOutput.afterResult(scope, input, selected);
      };
      return catchList.length === 0 ? body() : withCatch(catchList, input, body, undefined, scope);
    },
  };
}
