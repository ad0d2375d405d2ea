/**
 * Starting an execution: identity and defaults, the top-level run with its terminal events, stop and timeout,
 * resume, and the live event stream.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import { schemas } from "./event-schemas.js";
import type { JsonValue } from "@statecraft/asl";
import { PartialTaskError, StatesError, StatesTimeout } from "../errors.js";
import { defaultMaxPayloadBytes, ensureJsonPayload } from "../io/payload-size.js";
import type { Execution, ExecutionResult, HistoryEvent, LambdaContext, RunOptions } from "../types.js";
import { resolveClock, startDeadline, VirtualClock } from "./clock.js";
import type { CompiledMachine, Receiver } from "./compiled.js";
import { ExecutionHalted, ExecutionRuntime } from "./execution-runtime.js";
import { type Ending, FinishedExecution } from "./finished-execution.js";
import { type EventRecord, firstStatePreviousEventId, HistoryRecorder, RawEvent } from "./history.js";
import { graphWalkAnchors, runGraphInto } from "./run-graph.js";
import { Scope } from "./scope.js";
import { anchorTime } from "./clock.js";
import { attemptAnchors, handlerContextAnchor } from "./task-attempt.js";
import { lambdaContextAnchor } from "./task-handlers.js";

/** Names given to the machine when it was loaded. */
export interface MachineIdentity {
  name: string | undefined;
  arn: string | undefined;
}

const defaultHistoryLimit = 25_000;

/** One instance of each class an execution creates on its hot path. */
interface ShapeAnchors {
  scope: Scope;
  result: ExecutionResult;
  lambdaContext: LambdaContext;
  handlerContext: object;
  execution: Execution;
  run: object;
  walk: object[];
  attempt: object[];
}

/**
 * Builds the {@link shapeAnchors}: one instance of each class an execution creates on its hot path. Their time
 * fields hold clock readings (doubles) as in a real execution: a field first holding a small integer and later a
 * double changes the object's hidden class, and an anchor left on the old one keeps nothing alive.
 */
function anchorShapes(): ShapeAnchors {
  const time = anchorTime;
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
    startTime: time,
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
  const result = new FinishedExecution({ status: "SUCCEEDED", output: {} }, runtime, time, time, runtime.history);
  const execution = new RunningExecution(runtime);
  execution.finished = true;
  return {
    scope,
    result,
    lambdaContext: lambdaContextAnchor(runtime),
    handlerContext: handlerContextAnchor,
    execution,
    run: TopLevelRun.anchor(execution, runtime),
    walk: graphWalkAnchors(scope),
    attempt: attemptAnchors(scope),
  };
}

function inputOfStartEvent(history: readonly HistoryEvent[]): JsonValue {
  const details = history[0]?.executionStartedEventDetails as { input?: unknown } | undefined;
  return typeof details?.input === "string" ? (JSON.parse(details.input) as JsonValue) : null;
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
  const resume = options.resume;
  const history = new HistoryRecorder(resume?.history, options.maxHistoryEvents ?? defaultHistoryLimit);
  if (options.onEvent !== undefined) history.listen(options.onEvent);
  const runtime = new ExecutionRuntime({
    clock,
    history,
    executionArn: options.executionArn,
    executionName: options.executionName,
    stateMachineArn: options.stateMachineArn ?? identity.arn,
    stateMachineName,
    roleArn: options.roleArn,
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
 * share one clock reading: the start, and the end at the time of the last state's exit. A run whose states all
 * finish synchronously ends before this returns (its result is a resolved promise).
 */
function runToEnd(execution: RunningExecution, machine: CompiledMachine, runtime: ExecutionRuntime, input: JsonValue, options: RunOptions): Promise<ExecutionResult> {
  const run = new TopLevelRun(execution, runtime, options.signal);
  try {
    run.begin(machine, input, options.resume);
  } catch (error) {
    run.reject(error);
  }
  const result = run.result;
  if (result !== undefined) return Promise.resolve(result);
  return new Promise<ExecutionResult>((resolve) => {
    run.resolve = resolve;
  });
}

/**
 * The top-level run of an execution: its start, its terminal event and result, and what is undone at the end. It
 * receives the machine's output (or what ended it) from the graph walk, and is the record of the
 * `ExecutionStarted` and `ExecutionSucceeded` events (see {@link EventRecord}).
 */
class TopLevelRun implements EventRecord, Receiver<JsonValue> {
  readonly scope: Scope;
  private startedId = 0;
  private startInput: JsonValue = null;
  private succeededPrev = 0;
  private stopTime = 0;
  private output: JsonValue = null;
  /** The execution's result, once it has ended. */
  result: ExecutionResult | undefined = undefined;
  /** Set when the run had to wait: settles the execution's promise. */
  resolve: ((result: ExecutionResult) => void) | undefined = undefined;
  private cancelDeadline: (() => void) | undefined;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly execution: RunningExecution,
    private readonly runtime: ExecutionRuntime,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.scope = new Scope(runtime, undefined, runtime.history.lastId);
    if (signal !== undefined) {
      const onAbort = () => runtime.halt({ status: "ABORTED", error: "", cause: "The execution was aborted by its signal." });
      this.onAbort = onAbort;
      signal.addEventListener("abort", onAbort, { once: true });
    }
  }

  eventFor(id: number): RawEvent {
    // The start follows no event (a resumed execution records none).
    if (id === this.startedId) return new RawEvent("ExecutionStarted", this.runtime.startTime, 0, schemas.executionStarted, this.startInput, this.runtime.roleArn);
    return new RawEvent("ExecutionSucceeded", this.stopTime, this.succeededPrev, schemas.executionSucceeded, this.output);
  }

  /** A run with the hidden class of one that has ended (see {@link anchorShapes}). */
  static anchor(execution: RunningExecution, runtime: ExecutionRuntime): TopLevelRun {
    const run = new TopLevelRun(execution, runtime, undefined);
    run.stopTime = anchorTime;
    return run;
  }

  accept(output: JsonValue): void {
    this.settle(this.succeed(output));
  }

  reject(error: unknown): void {
    this.settle(this.fail(error));
  }

  private settle(result: ExecutionResult): void {
    this.result = result;
    this.resolve?.(result);
  }

  /** Records the start (unless resumed), arms the machine's timeout, and runs the graph (its end comes to {@link accept}/{@link reject}). */
  begin(machine: CompiledMachine, input: JsonValue, resume: RunOptions["resume"]): void {
    const { runtime, scope } = this;
    const clock = runtime.clock;
    let startInput = resume === undefined ? input : resume.input;
    if (resume === undefined) {
      startInput = ensureJsonPayload(input, runtime.maxPayloadBytes, "The execution input");
      this.startInput = startInput;
      this.startedId = runtime.history.lastId + 1;
      scope.recordSlot(runtime.startTime, this);
      scope.lastEventId = firstStatePreviousEventId;
    }
    if (this.signal?.aborted) this.onAbort?.();
    const limitSeconds = machine.timeoutSeconds ?? (clock instanceof VirtualClock ? maxStandardExecutionSeconds : undefined);
    if (limitSeconds !== undefined) {
      runtime.deadline = runtime.startTime + limitSeconds * 1000;
      this.cancelDeadline = startDeadline(clock, runtime.deadline - clock.now(), () => runtime.halt({ ...timeoutReason }));
    }
    runGraphInto(scope, machine, resume?.stateName ?? machine.startAt, startInput, resume === undefined ? runtime.startTime : undefined, this);
  }

  private succeed(output: JsonValue): ExecutionResult {
    const stopTime = this.scope.lastEventTime;
    this.stopTime = stopTime;
    this.succeededPrev = this.scope.lastEventId;
    this.output = output;
    this.scope.recordSlot(stopTime, this);
    return this.end({ status: "SUCCEEDED", output }, stopTime);
  }

  private fail(error: unknown): ExecutionResult {
    const { runtime, scope } = this;
    scope.lastEventId = runtime.history.lastId;
    const stopTime = runtime.clock.now();
    const halted = runtime.halted ?? (error instanceof ExecutionHalted ? error.reason : undefined);
    if (halted !== undefined) {
      const aborted = halted.status === "ABORTED";
      // A stopped execution's ExecutionAborted follows no event (previousEventId 0, recorded: test_stop_execution).
      if (aborted) scope.lastEventId = 0;
      scope.recordAt(stopTime, aborted ? "ExecutionAborted" : "ExecutionTimedOut", aborted ? schemas.executionAborted : schemas.executionTimedOut, halted.error || undefined, halted.cause || undefined);
      const ending: Ending = { status: halted.status };
      // DescribeExecution of a timed-out execution has neither error nor cause (recorded against Step Functions:
      // localstack test_timeouts.snapshot.json, test_global_timeout); a stop keeps the ones StopExecution gave.
      if (aborted && halted.error !== "") ending.error = halted.error;
      if (aborted && halted.cause !== "") ending.cause = halted.cause;
      return this.end(ending, stopTime);
    }
    const failure = error instanceof StatesError ? error : new StatesError("States.Runtime", `Internal error: ${error instanceof Error ? error.message : String(error)}`);
    const given = failure instanceof PartialTaskError ? failure.given : { error: true, cause: true };
    // A timeout has no cause (an empty one here), as Step Functions records it.
    const causeless = failure instanceof StatesTimeout && failure.cause === "";
    const details = { error: given.error ? failure.name : undefined, cause: given.cause && !causeless ? failure.cause : undefined };
    scope.recordAt(stopTime, "ExecutionFailed", schemas.executionFailed, details.error, details.cause);
    const ending: Ending = { status: "FAILED" };
    if (details.error !== undefined) ending.error = details.error;
    if (details.cause !== undefined) ending.cause = details.cause;
    return this.end(ending, stopTime);
  }

  /** Disarms the timeout and the signal, tells waiters and handlers the execution is over, and builds the result. */
  private end(ending: Ending, stopTime: number): ExecutionResult {
    const runtime = this.runtime;
    this.cancelDeadline?.();
    if (this.signal !== undefined && this.onAbort !== undefined) this.signal.removeEventListener("abort", this.onAbort);
    this.execution.finished = true;
    runtime.history.release();
    runtime.finish();
    return new FinishedExecution(ending, runtime, runtime.startTime, stopTime, runtime.history);
  }
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
export const shapeAnchors: ShapeAnchors = anchorShapes();
