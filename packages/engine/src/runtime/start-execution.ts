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
import { resolveClock } from "./clock.js";
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
function anchorShapes(): { scope: Scope; result: ExecutionResult; lambdaContext: LambdaContext } {
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
  const result = lazyResult({ status: "SUCCEEDED", output: {} }, { executionArn: "", startDate: new Date(0), stopDate: new Date(0) }, runtime.history);
  return { scope, result, lambdaContext: lambdaContextAnchor(runtime, handlerContextAnchor) };
}

function inputOfStartEvent(history: readonly HistoryEvent[]): JsonValue {
  const details = history[0]?.executionStartedEventDetails as { input?: unknown } | undefined;
  return typeof details?.input === "string" ? (JSON.parse(details.input) as JsonValue) : null;
}

/** Where a result keeps its recorder, then its materialized events (non-enumerable: spreads and JSON skip it). */
const historySlot = Symbol("statecraft.history");

interface LazyHistory {
  [historySlot]: HistoryRecorder | HistoryEvent[];
}

function readHistory(this: LazyHistory): HistoryEvent[] {
  const slot = this[historySlot];
  if (Array.isArray(slot)) return slot;
  const events = slot.toArray();
  this[historySlot] = events;
  return events;
}

// One shared getter for every result: a getter closure per result would give each result its own hidden class,
// and those (old-space) classes would keep every finished execution alive through young-generation collections.
const historyAccessor: PropertyDescriptor = { enumerable: true, configurable: true, get: readHistory };

type Ending = Omit<ExecutionResult, "history" | "executionArn" | "startDate" | "stopDate">;

/**
 * The result, copied field by field: on Node 20 an object built as `{ ...ending, more }` per execution survives
 * young-generation collections (about a tenth of everything allocated got promoted), so it is not used here.
 */
function lazyResult(ending: Ending, times: Pick<ExecutionResult, "executionArn" | "startDate" | "stopDate">, history: HistoryRecorder): ExecutionResult {
  const result = { status: ending.status } as ExecutionResult;
  if (ending.output !== undefined) result.output = ending.output;
  if (ending.error !== undefined) result.error = ending.error;
  if (ending.cause !== undefined) result.cause = ending.cause;
  result.executionArn = times.executionArn;
  result.startDate = times.startDate;
  result.stopDate = times.stopDate;
  // Materialized on first read: runs whose history nobody looks at never pay for JSON strings and Dates.
  Object.defineProperty(result, historySlot, { value: history, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(result, "history", historyAccessor);
  return result;
}

/** Starts `machine` on `input`. */
export function startExecution(machine: CompiledMachine, input: JsonValue, options: RunOptions, identity: MachineIdentity): Execution {
  const clock = resolveClock(options.clock);
  const region = options.region ?? "us-east-1";
  const account = options.account ?? "123456789012";
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const stateMachineName = options.stateMachineName ?? identity.name ?? "StateMachine";
  const stateMachineArn = options.stateMachineArn ?? identity.arn ?? `arn:aws:states:${region}:${account}:stateMachine:${stateMachineName}`;
  const executionName = options.executionName ?? uuid();
  const executionArn = options.executionArn ?? `arn:aws:states:${region}:${account}:execution:${stateMachineName}:${executionName}`;
  const resume = options.resume;
  const history = new HistoryRecorder(resume?.history, options.maxHistoryEvents ?? defaultHistoryLimit);
  if (options.onEvent !== undefined) history.listen(options.onEvent);
  const runtime = new ExecutionRuntime({
    clock,
    history,
    executionArn,
    executionName,
    stateMachineArn,
    stateMachineName,
    roleArn: options.roleArn ?? `arn:aws:iam::${account}:role/StatecraftExecutionRole`,
    region,
    account,
    executionInput: resume === undefined ? input : (resume.executionInput ?? inputOfStartEvent(resume.history)),
    startTime: resume?.startDate.getTime() ?? clock.now(),
    tasks: options.tasks ?? {},
    lambdas: options.lambdas ?? {},
    broker: options.taskTokens,
    random: options.random ?? Math.random,
    uuid,
    maxPayloadBytes: options.maxPayloadBytes ?? defaultMaxPayloadBytes,
    objectStore: options.objectStore,
  });
  let finished = false;

  const run = async (): Promise<ExecutionResult> => {
    const scope = new Scope(runtime, undefined, history.lastId);
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => runtime.halt({ status: "ABORTED", error: "", cause: "The execution was aborted by its signal." });
    options.signal?.addEventListener("abort", onAbort, { once: true });
    let ending: Ending;
    try {
      let startInput = resume === undefined ? input : resume.input;
      if (resume === undefined) {
        startInput = ensureJsonPayload(input, runtime.maxPayloadBytes, "The execution input");
        scope.record("ExecutionStarted", schemas.executionStarted, startInput, runtime.roleArn);
      }
      if (options.signal?.aborted) onAbort();
      if (machine.timeoutSeconds !== undefined) {
        runtime.deadline = runtime.startTime + machine.timeoutSeconds * 1000;
        timer = setTimeout(() => runtime.halt({ ...timeoutReason }), Math.max(0, runtime.deadline - clock.now()));
      }
      const output = await runGraph(scope, machine, resume?.stateName ?? machine.startAt, startInput);
      scope.record("ExecutionSucceeded", schemas.executionSucceeded, output);
      ending = { status: "SUCCEEDED", output };
    } catch (error) {
      scope.lastEventId = history.lastId;
      const halted = runtime.halted ?? (error instanceof ExecutionHalted ? error.reason : undefined);
      if (halted !== undefined) {
        const aborted = halted.status === "ABORTED";
        scope.record(aborted ? "ExecutionAborted" : "ExecutionTimedOut", aborted ? schemas.executionAborted : schemas.executionTimedOut, halted.error || undefined, halted.cause || undefined);
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
        scope.record("ExecutionFailed", schemas.executionFailed, details.error, details.cause);
        ending = { status: "FAILED" };
        if (details.error !== undefined) ending.error = details.error;
        if (details.cause !== undefined) ending.cause = details.cause;
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      finished = true;
      history.release();
      runtime.finish();
    }
    return lazyResult(ending, { executionArn, startDate: new Date(runtime.startTime), stopDate: new Date(clock.now()) }, history);
  };

  const done = run();
  return {
    executionArn,
    done,
    stop(error = "", cause = "") {
      if (!finished) runtime.halt({ status: "ABORTED", error, cause });
    },
    events: {
      async *[Symbol.asyncIterator]() {
        let index = 0;
        for (;;) {
          while (index < history.length) yield history.get(index++);
          if (finished) return;
          await history.nextEvent();
        }
      },
    },
  };
}

/** The `ExecutionTimedOut` event carries States.Timeout and, like every Step Functions timeout, no cause. */
const timeoutReason = { status: "TIMED_OUT", error: "States.Timeout", cause: "" } as const;

/**
 * One idle execution (runtime, history with an event, scope, variables, result) kept for the life of the process. V8
 * collects the hidden classes of class instances (built by field-adding transitions) once no instance is alive,
 * and deoptimizes every function specialized on them ("weak objects"): without this, each full GC between
 * executions (an idle server, a benchmark's `gc()`) sent the engine's hot path back to the interpreter.
 */
export const shapeAnchors: { scope: Scope; result: ExecutionResult; lambdaContext: LambdaContext } = anchorShapes();
