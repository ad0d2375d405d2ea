/**
 * One attempt of a Task: schedule, call the handler (or wait for a task token), enforce `TimeoutSeconds` and
 * `HeartbeatSeconds`, and record the attempt's events. Synchronous handlers without time limits take a path free
 * of promises and timers.
 *
 * @see https://states-language.net/spec.html#task-state
 */
import type { JsonValue } from "@statecraft/asl";
import { DataLimitExceeded, HeartbeatTimeout, PartialTaskError, StatesError, StatesTimeout, TaskError } from "../errors.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import { Cancellation } from "./abort.js";
import { anchorTime, holdClock, startDeadline } from "./clock.js";
import { isPromise, type Later, laterAsPromise, type Receiver } from "./compiled.js";
import { type AttemptContext, HandlerContext, type LateSettler } from "./handler-context.js";
import { TaskTokenBroker } from "./task-tokens.js";
import { type ParsedResource, parseResource } from "./resources.js";
import type { Scope, Visit } from "./scope.js";
import { BindingCache, type BoundHandler, bindHandler } from "./task-handlers.js";
import { type AttemptLimits, type AttemptRecord, type TaskEvents, taskEventsFor } from "./task-events.js";

/** What a Task state invokes. */
export interface TaskTarget {
  readonly stateName: string;
  readonly resource: string;
  readonly parsed: ParsedResource;
  readonly events: TaskEvents;
  readonly waitsForToken: boolean;
  /** The handler this state bound last (see {@link BindingCache}). */
  readonly binding: BindingCache;
  /** How a result over the payload quota is named, and the error it raises. */
  readonly resultLabel: string;
  readonly resultTooLarge: () => StatesError;
}

const noHeartbeat = () => {};
const noDeadline = () => {};
/** The abort reason handed to a handler's signal once its task is over (shared: errors capture stacks). */
const taskFinished = new StatesError("States.TaskFailed", "The task has finished.");

function resultOf(scope: Scope, target: TaskTarget, attempt: AttemptRecord, handler: BoundHandler | undefined, raw: unknown): JsonValue {
  let result: JsonValue;
  try {
    const json = ensureJsonPayload(raw, scope.runtime.maxPayloadBytes, target.resultLabel, target.resultTooLarge);
    result = handler === undefined ? json : handler.wrap(json);
  } catch (error) {
    if (error instanceof StatesError) target.events.failed(scope, error.name, error.cause);
    throw error;
  }
  target.events.succeeded(scope, attempt, result);
  return result;
}

/**
 * A task result over the payload quota: a task failure a Catch can handle, with the cause Step Functions records.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-task-executions
 */
export function taskResultTooLarge(resource: string): DataLimitExceeded {
  return new DataLimitExceeded(`The state/task '${resource}' returned a result with a size exceeding the maximum number of bytes service limit.`, false);
}

function failure(scope: Scope, target: TaskTarget, handler: BoundHandler | undefined, thrown: unknown): never {
  // Stops and sibling failures pass through untouched: they are not task errors.
  if (scope.isAbortReason(thrown)) throw thrown;
  const error = handler === undefined ? (thrown instanceof StatesError ? thrown : new TaskError("States.TaskFailed", String(thrown))) : handler.errorOf(thrown);
  if (error instanceof StatesTimeout) target.events.timedOut(scope, error.name, error.cause === "" ? undefined : error.cause);
  else target.events.failed(scope, error.name, error.cause);
  throw error;
}

/** Keeps the context's hidden class alive between executions (see `shapeAnchors` in `start-execution.ts`). */
export const handlerContextAnchor: HandlerContext = new HandlerContext("", { executionArn: "", broker: new TaskTokenBroker() }, new Cancellation(), noHeartbeat, anchorTime);

/** An awaited attempt and an attempt record kept alive for their hidden classes (see `shapeAnchors` in `start-execution.ts`). */
export function attemptAnchors(scope: Scope): object[] {
  const resource = "arn:aws:states:::local:anchor";
  const parsed = parseResource(resource);
  const target: TaskTarget = {
    stateName: "",
    resource,
    parsed,
    events: taskEventsFor(resource, parsed),
    waitsForToken: false,
    binding: new BindingCache(),
    resultLabel: "",
    resultTooLarge: () => taskFinished,
  };
  const handler: BoundHandler = { context: () => handlerContextAnchor, call: () => null, errorOf: () => taskFinished, wrap: (value) => value };
  const attempt = target.events.begin(scope, null, { timeoutSeconds: undefined, heartbeatSeconds: undefined }, anchorTime);
  attempt.resultTime = anchorTime;
  const context = handler.context("", scope.runtime, scope.cancellation, noHeartbeat, anchorTime);
  return [attempt, new AwaitedAttempt(scope, target, attempt, handler, Promise.resolve(null), context, keepResult, null)];
}

/** What follows an attempt's result in the same step (and, when the handler is awaited, in the same promise). */
export interface AttemptContinuation<T> {
  afterResult(scope: Scope, input: JsonValue, result: JsonValue): T;
}

const keepResult: AttemptContinuation<JsonValue> = { afterResult: (_scope, _input, result) => result };

/**
 * Runs one attempt; synchronous when the handler is and no time limit applies. The first attempt starts at the
 * time its state was entered (nothing but the state's own input processing ran in between); a retry reads the clock.
 */
export function attemptTask(scope: Scope, visit: Visit, target: TaskTarget, payload: JsonValue, limits: AttemptLimits): JsonValue | Promise<JsonValue> {
  return laterAsPromise(attemptTaskThen(scope, visit, target, payload, limits, keepResult, null));
}

/**
 * {@link attemptTask}, then `continuation.afterResult(scope, input, result)`: a Task state's output step runs when
 * the handler's promise settles, and what it returns goes straight to the graph walk (a {@link Later}).
 */
export function attemptTaskThen<T>(
  scope: Scope,
  visit: Visit,
  target: TaskTarget,
  payload: JsonValue,
  limits: AttemptLimits,
  continuation: AttemptContinuation<T>,
  input: JsonValue,
): T | Promise<T> | Later<T> {
  const runtime = scope.runtime;
  const handler = bindHandler(runtime, target.resource, target.parsed, payload, target.binding);
  const time = visit.retryCount === 0 ? visit.enteredTime : runtime.clock.now();
  const attempt = target.events.begin(scope, payload, limits, time);
  if (!target.waitsForToken && limits.timeoutSeconds === undefined && limits.heartbeatSeconds === undefined && handler !== undefined) {
    const context = handler.context(target.stateName, runtime, scope.cancellation, noHeartbeat, time);
    let raw: unknown;
    try {
      raw = handler.call(payload, context, runtime);
    } catch (thrown) {
      failure(scope, target, handler, thrown);
    }
    if (!isPromise(raw)) return continuation.afterResult(scope, input, resultOf(scope, target, attempt, handler, raw));
    return new AwaitedAttempt(scope, target, attempt, handler, raw as Promise<unknown>, context, continuation, input);
  }
  return attemptWithLimits(scope, visit, target, attempt, handler, payload, limits, time).then((result) => continuation.afterResult(scope, input, result));
}

/**
 * An attempt awaiting its handler's promise. The first of its settling, a legacy Lambda callback and the scope's
 * cancellation (a stop, a failed sibling) decides the attempt; the continuation's value goes to the receiver.
 */
class AwaitedAttempt<T> implements Later<T>, LateSettler {
  private settled = false;
  private receiver: Receiver<T> | undefined = undefined;
  private releaseClock = noDeadline;
  private readonly onValue = (value: unknown): void => this.settle(false, value);
  /** Also the cancellation listener: an abort reason passes through {@link failure} untouched. */
  private readonly onError = (thrown: unknown): void => this.settle(true, thrown);

  constructor(
    private readonly scope: Scope,
    private readonly target: TaskTarget,
    private readonly attempt: AttemptRecord,
    private readonly handler: BoundHandler,
    private readonly raw: Promise<unknown>,
    private readonly context: AttemptContext,
    private readonly continuation: AttemptContinuation<T>,
    private readonly input: JsonValue,
  ) {}

  deliverTo(receiver: Receiver<T>): void {
    this.receiver = receiver;
    // The handler's work takes no virtual time (see VirtualClock).
    this.releaseClock = holdClock(this.scope.runtime.clock);
    this.context.lateSettler = this;
    this.raw.then(this.onValue, this.onError);
    this.scope.cancellation.addAbortListener(this.onError);
  }

  settleLate(error: unknown, result?: unknown): void {
    if (error !== null && error !== undefined) this.settle(true, error);
    else this.settle(false, result);
  }

  private settle(failed: boolean, value: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.releaseClock();
    const { scope, target, handler } = this;
    scope.cancellation.offAbort(this.onError);
    const receiver = this.receiver as Receiver<T>;
    let result: T;
    try {
      result = failed ? failure(scope, target, handler, value) : this.continuation.afterResult(scope, this.input, resultOf(scope, target, this.attempt, handler, value));
    } catch (thrown) {
      receiver.reject(thrown);
      return;
    }
    receiver.accept(result);
  }
}

async function attemptWithLimits(
  scope: Scope,
  visit: Visit,
  target: TaskTarget,
  attempt: AttemptRecord,
  handler: BoundHandler | undefined,
  payload: JsonValue,
  limits: AttemptLimits,
  startedAt: number,
): Promise<JsonValue> {
  const runtime = scope.runtime;
  const { cancellation, release } = scope.cancellation.child();
  const token = target.waitsForToken ? visit.taskToken : undefined;
  let cancelTimeout = noDeadline;
  let cancelHeartbeat = noDeadline;
  let unregister = () => {};
  // A handler's work and a token wait take no virtual time (see VirtualClock); the deadlines still apply.
  const releaseClock = holdClock(runtime.clock);
  const outcome = new Promise<unknown>((resolve, reject) => {
    const stop = (error: StatesError) => {
      cancellation.abort(error);
      reject(error);
    };
    if (limits.timeoutSeconds !== undefined) {
      // Step Functions records a task timeout as States.Timeout with no cause.
      cancelTimeout = startDeadline(runtime.clock, limits.timeoutSeconds * 1000, () => stop(new StatesTimeout()));
    }
    const heartbeat = () => {
      if (limits.heartbeatSeconds === undefined) return;
      cancelHeartbeat();
      cancelHeartbeat = startDeadline(runtime.clock, limits.heartbeatSeconds * 1000, () => stop(new HeartbeatTimeout()));
    };
    heartbeat();
    cancellation.onAbort(reject);
    if (token !== undefined) {
      unregister = runtime.broker.register(token, {
        succeed: resolve,
        fail: (error, cause) => reject(new PartialTaskError(error, cause)),
        heartbeat,
      });
    }
    if (handler === undefined) return;
    const context = handler.context(target.stateName, runtime, cancellation, heartbeat, startedAt);
    if (token !== undefined) context.taskToken = token;
    const onValue = (value: unknown): void => {
      if (token === undefined) {
        resolve(value);
        return;
      }
      // With a token the call only submits the work; its response is recorded and the task keeps waiting.
      try {
        target.events.submitted(scope, handler.wrap(ensureJsonPayload(value, runtime.maxPayloadBytes, "The submitted task response")));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (thrown: unknown): void => reject(handler.errorOf(thrown));
    context.lateSettler = { settleLate: (error, result) => (error === null || error === undefined ? onValue(result) : onError(error)) };
    Promise.resolve()
      .then(() => handler.call(payload, context, runtime))
      .then(onValue, onError);
  });
  let raw: unknown;
  try {
    raw = await outcome;
  } catch (thrown) {
    if (token !== undefined && thrown instanceof StatesTimeout) runtime.broker.expire(token);
    return failure(scope, target, handler === undefined ? undefined : { ...handler, errorOf: (error) => (error instanceof StatesError ? error : handler.errorOf(error)) }, thrown);
  } finally {
    cancelTimeout();
    cancelHeartbeat();
    releaseClock();
    unregister();
    release();
    cancellation.abort(taskFinished);
  }
  // Outside the try: a result over the quota records its own failure once.
  return resultOf(scope, target, attempt, token === undefined ? handler : undefined, raw);
}
