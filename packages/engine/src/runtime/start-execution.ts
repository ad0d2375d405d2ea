/**
 * Starting an execution: identity and defaults, stop, resume, and the live event stream (the run itself:
 * `top-level-run.ts`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import type { JsonValue } from "@statecraft/asl";
import { defaultMaxPayloadBytes } from "../io/payload-size.js";
import type { Execution, ExecutionResult, HistoryEvent, LambdaContext, RunOptions } from "../types.js";
import { anchorTime, resolveClock } from "./clock.js";
import type { CompiledMachine } from "./compiled.js";
import { ExecutionRuntime } from "./execution-runtime.js";
import { FinishedExecution } from "./finished-execution.js";
import { schemas } from "./event-schemas.js";
import { HistoryRecorder } from "./history.js";
import { lambdaContextAnchor } from "./lambda-context.js";
import { graphWalkAnchors } from "./run-graph.js";
import { Scope } from "./scope.js";
import { attemptAnchors, handlerContextAnchor } from "./task-attempt.js";
import { noHandlers } from "./task-handlers.js";
import { runToEnd, TopLevelRun } from "./top-level-run.js";

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
 * One idle execution (runtime, history with an event, scope, variables, result) kept for the life of the process. V8
 * collects the hidden classes of class instances (built by field-adding transitions) once no instance is alive,
 * and deoptimizes every function specialized on them ("weak objects"): without this, each full GC between
 * executions (an idle server, a benchmark's `gc()`) sent the engine's hot path back to the interpreter.
 */
export const shapeAnchors: ShapeAnchors = anchorShapes();
