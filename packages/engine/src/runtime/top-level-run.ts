/**
 * The top-level run of an execution: its start, the machine's timeout, its terminal event and result.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
import type { JsonValue } from "@statecraft/asl";
import { PartialTaskError, StatesError, StatesTimeout } from "../errors.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import type { ExecutionResult, RunOptions } from "../types.js";
import { anchorTime, startDeadline, VirtualClock } from "./clock.js";
import type { CompiledMachine, Receiver } from "./compiled.js";
import { schemas } from "./event-schemas.js";
import { ExecutionHalted, type ExecutionRuntime } from "./execution-runtime.js";
import { type Ending, FinishedExecution } from "./finished-execution.js";
import { type EventRecord, firstStatePreviousEventId, RawEvent } from "./history.js";
import { runGraphInto } from "./run-graph.js";
import { Scope } from "./scope.js";

/** What the run tells the execution object when it ends. */
export interface ExecutionEnd {
  finished: boolean;
}

/**
 * Runs the machine from its start (or resume) state to a terminal event. Events recorded in one synchronous step
 * share one clock reading: the start, and the end at the time of the last state's exit. A run whose states all
 * finish synchronously ends before this returns (its result is a resolved promise).
 */
export function runToEnd(execution: ExecutionEnd, machine: CompiledMachine, runtime: ExecutionRuntime, input: JsonValue, options: RunOptions): Promise<ExecutionResult> {
  const run = new TopLevelRun(execution, runtime, options.signal);
  try {
    run.begin(machine, input, options.resume);
  } catch (error) {
    run.reject(error);
  }
  if (run.result !== undefined) return Promise.resolve(run.result);
  if (run.broken !== undefined) return Promise.reject(run.broken.error);
  return new Promise<ExecutionResult>((resolve, reject) => {
    run.resolve = resolve;
    run.rejectDone = reject;
  });
}

/**
 * The top-level run of an execution: its start, its terminal event and result, and what is undone at the end. It
 * receives the machine's output (or what ended it) from the graph walk, and is the record of the
 * `ExecutionStarted` and `ExecutionSucceeded` events (see {@link EventRecord}).
 */
export class TopLevelRun implements EventRecord, Receiver<JsonValue> {
  readonly scope: Scope;
  private startedId = 0;
  private startInput: JsonValue = null;
  private succeededPrev = 0;
  private stopTime = 0;
  private output: JsonValue = null;
  /** The execution's result, once it has ended. */
  result: ExecutionResult | undefined = undefined;
  /** What recording the run's end threw (an `onEvent` listener): the execution's promise rejects with it. */
  broken: { error: unknown } | undefined = undefined;
  /** Set when the run had to wait: settle the execution's promise. */
  resolve: ((result: ExecutionResult) => void) | undefined = undefined;
  rejectDone: ((error: unknown) => void) | undefined = undefined;
  private cancelDeadline: (() => void) | undefined;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly execution: ExecutionEnd,
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
  static anchor(execution: ExecutionEnd, runtime: ExecutionRuntime): TopLevelRun {
    const run = new TopLevelRun(execution, runtime, undefined);
    run.stopTime = anchorTime;
    return run;
  }

  accept(output: JsonValue): void {
    this.settle(() => this.succeed(output));
  }

  reject(error: unknown): void {
    this.settle(() => this.fail(error));
  }

  /**
   * Ends the run once. Nothing may escape from here: the walk calls this from a handler's promise callback, where a
   * throw would leave the execution's promise pending forever. What recording the end throws (only a throwing
   * `onEvent` listener can) rejects the execution's promise after the run has been released.
   */
  private settle(end: () => ExecutionResult): void {
    if (this.result !== undefined || this.broken !== undefined) return;
    let result: ExecutionResult;
    try {
      result = end();
    } catch (error) {
      this.release();
      this.broken = { error };
      this.rejectDone?.(error);
      return;
    }
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

  /** Releases the run and builds the result. */
  private end(ending: Ending, stopTime: number): ExecutionResult {
    this.release();
    const runtime = this.runtime;
    return new FinishedExecution(ending, runtime, runtime.startTime, stopTime, runtime.history);
  }

  /** Disarms the timeout and the signal, and tells waiters and handlers the execution is over. */
  private release(): void {
    const runtime = this.runtime;
    this.cancelDeadline?.();
    if (this.signal !== undefined && this.onAbort !== undefined) this.signal.removeEventListener("abort", this.onAbort);
    this.execution.finished = true;
    runtime.history.release();
    runtime.finish();
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
