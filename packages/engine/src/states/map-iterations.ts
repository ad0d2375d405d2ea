/**
 * Running a Map's items: a bounded pool of workers, inline iterations (events in the parent history) or
 * distributed ones (each item a child execution), and the tolerated-failure rules.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
import { schemas } from "../runtime/event-schemas.js";
import type { JsonValue } from "@statecraft/asl";
import { ExceedToleratedFailureThreshold, PartialTaskError, StatesError } from "../errors.js";
import { type Cancellation, SiblingFailed } from "../runtime/abort.js";
import type { CompiledGraph } from "../runtime/compiled.js";
import { errorOutput } from "../runtime/error-handling.js";
import { ExecutionRuntime } from "../runtime/execution-runtime.js";
import { firstStatePreviousEventId, HistoryRecorder } from "../runtime/history.js";
import { runGraph } from "../runtime/run-graph.js";
import { Scope } from "../runtime/scope.js";

/** How a Map run is configured once its inputs are known. */
export interface MapRunPlan {
  readonly stateName: string;
  readonly processor: CompiledGraph;
  readonly distributed: boolean;
  /** Iteration inputs (after ItemSelector and ItemBatcher). */
  readonly inputs: readonly JsonValue[];
  /** 0 = as many as possible. */
  readonly maxConcurrency: number;
  readonly toleratedFailureCount: number | undefined;
  readonly toleratedFailurePercentage: number | undefined;
  readonly label: string | undefined;
  /** Set by a Map with a `ResultWriter`: filled with the Map Run ARN and each child execution. */
  readonly record?: MapRunRecord | undefined;
}

/** One child execution of a Distributed Map, as a `ResultWriter` reports it. */
export interface ChildExecution {
  readonly executionArn: string;
  readonly name: string;
  readonly input: JsonValue;
  /** Clock times in milliseconds. */
  readonly startTime: number;
  stopTime: number;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED";
  output?: JsonValue;
  error?: string;
  cause?: string;
}

/** What a Map Run did, for its `ResultWriter`. */
export interface MapRunRecord {
  /** As recorded in `MapRunStarted`. */
  mapRunArn: string;
  /** By item index; `undefined` for an item whose child execution never started. */
  readonly children: (ChildExecution | undefined)[];
}

/** The child executions' workflow: `arn:…:stateMachine:<machine>/<label>` (the Map Run's label, else the state name). */
export function childStateMachineArn(stateMachineArn: string, plan: Pick<MapRunPlan, "label" | "stateName">): string {
  return `${stateMachineArn}/${plan.label ?? plan.stateName}`;
}

function recordFailure(child: ChildExecution, error: StatesError): void {
  child.status = "FAILED";
  const given = error instanceof PartialTaskError ? error.given : { error: true, cause: true };
  if (given.error && error.name !== "") child.error = error.name;
  if (given.cause && error.cause !== "") child.cause = error.cause;
}

/** Inline Map runs at most 40 iterations at once, as on AWS. */
const inlineConcurrencyCap = 40;
/** Distributed Map runs at most 10,000 child executions at once, as on AWS. */
const distributedConcurrencyCap = 10_000;

function exceedsTolerance(plan: MapRunPlan, failures: number): boolean {
  if (failures === 0) return false;
  const count = plan.toleratedFailureCount;
  const percentage = plan.toleratedFailurePercentage;
  if (count === undefined && percentage === undefined) return true;
  const overCount = count === undefined || failures > count;
  const overPercentage = percentage === undefined || (failures * 100) / plan.inputs.length > percentage;
  return overCount && overPercentage;
}

/** Runs one item as a child execution with its own history. */
async function runChildExecution(parent: ExecutionRuntime, plan: MapRunPlan, index: number, parentCancellation: Cancellation): Promise<JsonValue> {
  const input = plan.inputs[index] ?? null;
  const name = parent.uuid();
  // `arn:…:execution:<machine>/<label>:<name>`, as the ResultWriter documentation shows child executions.
  const executionArn = `${childStateMachineArn(parent.stateMachineArn, plan).replace(":stateMachine:", ":execution:")}:${name}`;
  const startTime = parent.clock.now();
  const record: ChildExecution | undefined =
    plan.record === undefined ? undefined : { executionArn, name, input, startTime, stopTime: startTime, status: "RUNNING" };
  if (record !== undefined && plan.record !== undefined) plan.record.children[index] = record;
  const child = new ExecutionRuntime({
    ...parent,
    // Getters, which a spread leaves out.
    stateMachineArn: parent.stateMachineArn,
    roleArn: parent.roleArn,
    history: new HistoryRecorder(),
    executionArn,
    executionName: name,
    executionInput: input,
    startTime,
    broker: parent.broker,
  });
  const onParentAbort = () => child.halt({ status: "ABORTED", error: "States.Aborted", cause: "The Map Run was stopped." });
  const unlink = parentCancellation.onAbort(onParentAbort);
  const scope = new Scope(child, undefined, 0);
  child.history.record("ExecutionStarted", child.clock.now(), 0, schemas.executionStarted, input, child.roleArn);
  scope.lastEventId = firstStatePreviousEventId;
  try {
    const output = await runGraph(scope, plan.processor, plan.processor.startAt, input);
    scope.record("ExecutionSucceeded", schemas.executionSucceeded, output);
    if (record !== undefined) {
      record.status = "SUCCEEDED";
      record.output = output;
    }
    return output;
  } catch (error) {
    if (error instanceof StatesError) scope.record("ExecutionFailed", schemas.executionFailed, error.name, error.cause);
    if (record !== undefined) {
      // A child stopped because the Map Run failed (or the execution stopped) is ABORTED.
      if (child.halted === undefined && error instanceof StatesError) recordFailure(record, error);
      else record.status = "ABORTED";
    }
    throw error;
  } finally {
    if (record !== undefined) record.stopTime = child.clock.now();
    unlink();
    child.finish();
  }
}

/** Runs every item; resolves with the outputs in item order, or throws the failure that ends the Map. */
export async function runMapIterations(scope: Scope, plan: MapRunPlan): Promise<JsonValue[]> {
  const runtime = scope.runtime;
  const total = plan.inputs.length;
  const results: JsonValue[] = new Array(total);
  const startedId = scope.lastEventId;
  const cap = plan.distributed ? distributedConcurrencyCap : inlineConcurrencyCap;
  const concurrency = Math.min(plan.maxConcurrency === 0 ? cap : plan.maxConcurrency, cap, Math.max(total, 1));
  const mapRunArn = `${runtime.stateMachineArn.replace(":stateMachine:", ":mapRun:")}/${plan.label ?? plan.stateName}:${runtime.uuid()}`;
  if (plan.distributed) scope.record("MapRunStarted", schemas.mapRunStarted, mapRunArn);
  if (plan.record !== undefined) plan.record.mapRunArn = mapRunArn;
  const { cancellation, release } = scope.cancellation.child();
  let failures = 0;
  let fatal: unknown;
  let nextIndex = 0;

  const runItem = async (index: number): Promise<void> => {
    const input = plan.inputs[index] ?? null;
    if (plan.distributed) {
      try {
        results[index] = await runChildExecution(runtime, plan, index, cancellation);
      } catch (error) {
        if (!(error instanceof StatesError)) throw error;
        failures++;
        results[index] = errorOutput(error);
        if (exceedsTolerance(plan, failures)) {
          throw new ExceedToleratedFailureThreshold(`The Map Run failed: ${failures} of ${total} items failed, more than the tolerated failure threshold.`);
        }
      }
      return;
    }
    // An inline iteration reads the Map's variables; a distributed one (a child execution, above) sees none.
    const iteration = new Scope(runtime, cancellation, startedId, scope.variables);
    iteration.record("MapIterationStarted", schemas.mapIterationStarted, plan.stateName, index);
    try {
      results[index] = await runGraph(iteration, plan.processor, plan.processor.startAt, input);
      iteration.record("MapIterationSucceeded", schemas.mapIterationSucceeded, plan.stateName, index);
    } catch (error) {
      if (iteration.isAbortReason(error)) {
        iteration.record("MapIterationAborted", schemas.mapIterationAborted, plan.stateName, index);
      } else iteration.record("MapIterationFailed", schemas.mapIterationFailed, plan.stateName, index);
      throw error;
    }
  };

  const worker = async (): Promise<void> => {
    while (fatal === undefined && nextIndex < total) {
      const index = nextIndex++;
      try {
        await runItem(index);
      } catch (error) {
        if (fatal === undefined) {
          fatal = error;
          cancellation.abort(new SiblingFailed("another Map iteration failed"));
        }
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    release();
  }
  scope.lastEventId = runtime.history.lastId;
  if (fatal !== undefined) {
    if (plan.distributed && fatal instanceof StatesError) {
      scope.record("MapRunFailed", schemas.mapRunFailed, fatal.name, fatal.cause);
    }
    throw fatal;
  }
  if (plan.distributed) scope.record("MapRunSucceeded");
  return results;
}
