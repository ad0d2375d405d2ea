/**
 * Starting an execution: identity and defaults, the top-level run with its terminal events, stop and timeout,
 * resume, and the live event stream.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import { schemas } from "./event-schemas.js";
import type { JsonValue } from "@statecraft/asl";
import { StatesError, StatesTimeout } from "../errors.js";
import { defaultMaxPayloadBytes, ensureJsonPayload } from "../io/payload-size.js";
import { FailStateError } from "../states/fail.js";
import type { Execution, ExecutionResult, HistoryEvent, LambdaContext, RunOptions } from "../types.js";
import { resolveClock, startDeadline, VirtualClock } from "./clock.js";
import type { CompiledMachine } from "./compiled.js";
import { ExecutionHalted, ExecutionRuntime } from "./execution-runtime.js";
import { HistoryRecorder } from "./history.js";
import { runGraph } from "./run-graph.js";
import { Scope } from "./scope.js";
import { handlerContextAnchor } from "./task-attempt.js";
import { lambdaContextAnchor } from "./task-handlers.js";

/** Names given to the machine when it was loaded. */
export interface MachineIdentity {
  name: string | undefined;
  arn: string | undefined;
}

const defaultHistoryLimit = 25_000;

/** Builds the {@link shapeAnchors}: one instance of each class an execution creates on its hot path. */
function anchorShapes(): { scope: Scope; result: ExecutionResult; lambdaContext: LambdaContext; execution: Execution } {
  const runtime = new ExecutionRuntime({
    clock: resolveClock(undefined),
    history: new HistoryRecorder([], defaultHistoryLimit),
    executionArn: "",
    executionName: "",
    stateMachineArn: "",
    stateMachineName: "",
    roleArn: "",
    region: "",
    account: "",
    executionInput: {},
    startTime: 0,
    tasks: {},
    lambdas: {},
    broker: undefined,
    random: Math.random,
    uuid: () => "",
    maxPayloadBytes: defaultMaxPayloadBytes,
  });
  const scope = new Scope(runtime, undefined, 0);
  scope.record("ExecutionStarted", schemas.executionStarted, {}, "");
  runtime.finish();
  const result = new FinishedExecution({ status: "SUCCEEDED", output: {} }, runtime, 0, 0, runtime.history);
  const execution = new RunningExecution(runtime);
  execution.finished = true;
  return { scope, result, lambdaContext: lambdaContextAnchor(runtime, handlerContextAnchor), execution };
}

function inputOfStartEvent(history: readonly HistoryEvent[]): JsonValue {
  const details = history[0]?.executionStartedEventDetails as { input?: unknown } | undefined;
  return typeof details?.input === "string" ? (JSON.parse(details.input) as JsonValue) : null;
}

type Ending = Omit<ExecutionResult, "history" | "executionArn" | "startDate" | "stopDate">;

/**
 * A finished execution. The history is materialized on first read (a getter on the prototype, so every result
 * shares one hidden class): runs whose history nobody looks at never pay for JSON strings and Dates.
 */
class FinishedExecution implements ExecutionResult {
  readonly status: ExecutionResult["status"];
  declare output?: JsonValue;
  declare error?: string;
  declare cause?: string;
  readonly startDate: Date;
  readonly stopDate: Date;
  #history: HistoryRecorder | HistoryEvent[];
  readonly #identity: { readonly executionArn: string };

  constructor(ending: Ending, identity: { readonly executionArn: string }, startTime: number, stopTime: number, history: HistoryRecorder) {
    this.status = ending.status;
    if (ending.output !== undefined) this.output = ending.output;
    if (ending.error !== undefined) this.error = ending.error;
    if (ending.cause !== undefined) this.cause = ending.cause;
    this.#identity = identity;
    this.startDate = new Date(startTime);
    this.stopDate = new Date(stopTime);
    this.#history = history;
  }

  /** The execution's ARN (its name is made on first read unless one was given). */
  get executionArn(): string {
    return this.#identity.executionArn;
  }

  get history(): HistoryEvent[] {
    const source = this.#history;
    if (Array.isArray(source)) return source;
    const events = source.toArray();
    this.#history = events;
    return events;
  }

  /** The result as a plain object, history included (for `JSON.stringify`). */
  toJSON(): ExecutionResult {
    const plain: ExecutionResult = { status: this.status, history: this.history, executionArn: this.executionArn, startDate: this.startDate, stopDate: this.stopDate };
    if (this.output !== undefined) plain.output = this.output;
    if (this.error !== undefined) plain.error = this.error;
    if (this.cause !== undefined) plain.cause = this.cause;
    return plain;
  }
}

const noHandlers: Readonly<Record<string, never>> = Object.freeze({});
const randomUuid = (): string => crypto.randomUUID();

/** Starts `machine` on `input`. */
export function startExecution(machine: CompiledMachine, input: JsonValue, options: RunOptions, identity: MachineIdentity): Execution {
  const clock = resolveClock(options.clock);
  const region = options.region ?? "us-east-1";
  const account = options.account ?? "123456789012";
  const uuid = options.uuid ?? randomUuid;
  const stateMachineName = options.stateMachineName ?? identity.name ?? "StateMachine";
  const stateMachineArn = options.stateMachineArn ?? identity.arn ?? `arn:aws:states:${region}:${account}:stateMachine:${stateMachineName}`;
  const resume = options.resume;
  const history = new HistoryRecorder(resume?.history, options.maxHistoryEvents ?? defaultHistoryLimit);
  if (options.onEvent !== undefined) history.listen(options.onEvent);
  const runtime = new ExecutionRuntime({
    clock,
    history,
    executionArn: options.executionArn,
    executionName: options.executionName,
    stateMachineArn,
    stateMachineName,
    roleArn: options.roleArn ?? `arn:aws:iam::${account}:role/StatecraftExecutionRole`,
    region,
    account,
    executionInput: resume === undefined ? input : (resume.executionInput ?? inputOfStartEvent(resume.history)),
    startTime: resume?.startDate.getTime() ?? clock.now(),
    tasks: options.tasks ?? noHandlers,
    lambdas: options.lambdas ?? noHandlers,
    broker: options.taskTokens,
    random: options.random ?? Math.random,
    uuid,
    maxPayloadBytes: options.maxPayloadBytes ?? defaultMaxPayloadBytes,
    objectStore: options.objectStore,
  });
  const execution = new RunningExecution(runtime);
  execution.done = runToEnd(execution, machine, runtime, input, options);
  return execution;
}

const notStarted: Promise<ExecutionResult> = new Promise(() => {});

/** An execution in progress: its run, `stop()` and the live event stream. */
class RunningExecution implements Execution {
  /** Set right after construction (the run needs the execution object). */
  done: Promise<ExecutionResult> = notStarted;
  finished = false;

  constructor(private readonly runtime: ExecutionRuntime) {}

  get executionArn(): string {
    return this.runtime.executionArn;
  }

  stop(error = "", cause = ""): void {
    if (!this.finished) this.runtime.halt({ status: "ABORTED", error, cause });
  }

  get events(): AsyncIterable<HistoryEvent> {
    return { [Symbol.asyncIterator]: () => streamEvents(this, this.runtime.history) };
  }
}

async function* streamEvents(execution: RunningExecution, history: HistoryRecorder): AsyncGenerator<HistoryEvent> {
  let index = 0;
  for (;;) {
    while (index < history.length) yield history.get(index++);
    if (execution.finished) return;
    await history.nextEvent();
  }
}

/**
 * Runs the machine from its start (or resume) state to a terminal event. Events recorded in one synchronous step
 * share one clock reading: the start, and the end at the time of the last state's exit.
 */
async function runToEnd(execution: RunningExecution, machine: CompiledMachine, runtime: ExecutionRuntime, input: JsonValue, options: RunOptions): Promise<ExecutionResult> {
  const { history, clock } = runtime;
  const resume = options.resume;
  const scope = new Scope(runtime, undefined, history.lastId);
  let cancelDeadline: (() => void) | undefined;
  const signal = options.signal;
  const onAbort = signal === undefined ? undefined : () => runtime.halt({ status: "ABORTED", error: "", cause: "The execution was aborted by its signal." });
  if (signal !== undefined && onAbort !== undefined) signal.addEventListener("abort", onAbort, { once: true });
  let ending: Ending;
  let stopTime: number;
  try {
    let startInput = resume === undefined ? input : resume.input;
    if (resume === undefined) {
      startInput = ensureJsonPayload(input, runtime.maxPayloadBytes, "The execution input");
      scope.recordAt(runtime.startTime, "ExecutionStarted", schemas.executionStarted, startInput, runtime.roleArn);
    }
    if (signal?.aborted) onAbort?.();
    const limitSeconds = machine.timeoutSeconds ?? (clock instanceof VirtualClock ? maxStandardExecutionSeconds : undefined);
    if (limitSeconds !== undefined) {
      runtime.deadline = runtime.startTime + limitSeconds * 1000;
      cancelDeadline = startDeadline(clock, runtime.deadline - clock.now(), () => runtime.halt({ ...timeoutReason }));
    }
    const output = await runGraph(scope, machine, resume?.stateName ?? machine.startAt, startInput, resume === undefined ? runtime.startTime : undefined);
    stopTime = scope.lastEventTime;
    scope.recordAt(stopTime, "ExecutionSucceeded", schemas.executionSucceeded, output);
    ending = { status: "SUCCEEDED", output };
  } catch (error) {
    scope.lastEventId = history.lastId;
    stopTime = clock.now();
    const halted = runtime.halted ?? (error instanceof ExecutionHalted ? error.reason : undefined);
    if (halted !== undefined) {
      const aborted = halted.status === "ABORTED";
      scope.recordAt(stopTime, aborted ? "ExecutionAborted" : "ExecutionTimedOut", aborted ? schemas.executionAborted : schemas.executionTimedOut, halted.error || undefined, halted.cause || undefined);
      ending = { status: halted.status };
      // DescribeExecution of a timed-out execution has neither error nor cause (recorded against Step Functions:
      // localstack test_timeouts.snapshot.json, test_global_timeout); a stop keeps the ones StopExecution gave.
      if (aborted && halted.error !== "") ending.error = halted.error;
      if (aborted && halted.cause !== "") ending.cause = halted.cause;
    } else {
      const failure = error instanceof StatesError ? error : new StatesError("States.Runtime", `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      const given = failure instanceof FailStateError ? failure.given : { error: true, cause: true };
      // A timeout has no cause (an empty one here), as Step Functions records it.
      const causeless = failure instanceof StatesTimeout && failure.cause === "";
      const details = { error: given.error ? failure.name : undefined, cause: given.cause && !causeless ? failure.cause : undefined };
      scope.recordAt(stopTime, "ExecutionFailed", schemas.executionFailed, details.error, details.cause);
      ending = { status: "FAILED" };
      if (details.error !== undefined) ending.error = details.error;
      if (details.cause !== undefined) ending.cause = details.cause;
    }
  } finally {
    cancelDeadline?.();
    if (signal !== undefined && onAbort !== undefined) signal.removeEventListener("abort", onAbort);
    execution.finished = true;
    history.release();
    runtime.finish();
  }
  return new FinishedExecution(ending, runtime, runtime.startTime, stopTime, history);
}

/**
 * A Standard workflow's execution lasts at most a year, then times out. Applied on the virtual clock only, where it
 * is reached at once when an execution can never finish (a handler that never settles, with no task timeout);
 * with real time nobody waits that long.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-state-machine-executions
 */
const maxStandardExecutionSeconds = 365 * 24 * 60 * 60;

/** The `ExecutionTimedOut` event carries States.Timeout and, like every Step Functions timeout, no cause. */
const timeoutReason = { status: "TIMED_OUT", error: "States.Timeout", cause: "" } as const;

/**
 * One idle execution (runtime, history with an event, scope, variables, result) kept for the life of the process. V8
 * collects the hidden classes of class instances (built by field-adding transitions) once no instance is alive,
 * and deoptimizes every function specialized on them ("weak objects"): without this, each full GC between
 * executions (an idle server, a benchmark's `gc()`) sent the engine's hot path back to the interpreter.
 */
export const shapeAnchors: { scope: Scope; result: ExecutionResult; lambdaContext: LambdaContext; execution: Execution } = anchorShapes();
