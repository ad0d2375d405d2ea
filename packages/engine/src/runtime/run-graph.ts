/**
 * Runs a compiled state graph from a start state to its end: records `…StateEntered`/`…StateExited`, follows
 * `Next`, and keeps synchronous states on a synchronous path (no promise per transition).
 *
 * @see https://states-language.net/spec.html#transitions
 */
import type { JsonValue } from "@statecraft/asl";
import { QueryEvaluationError, StatesRuntimeError } from "../errors.js";
import { type CompiledGraph, isPromise, type Outcome } from "./compiled.js";
import { schemas } from "./event-schemas.js";
import { ExecutionHalted } from "./execution-runtime.js";
import type { Scope, Visit } from "./scope.js";

/** States whose exit is recorded (`FailStateEntered` has no exit event). */
function exitEventOf(prefix: string): string | undefined {
  return prefix === "Fail" ? undefined : `${prefix}StateExited`;
}

/** States with an `…StateAborted` event. */
const abortable = new Set(["Task", "Wait", "Map", "Parallel"]);
/** States that can retry, whose `$$.State` has a `RetryCount` (compared by type: cheaper than a lookup per visit). */
function countsRetries(type: string): boolean {
  return type === "Task" || type === "Map" || type === "Parallel";
}
const exitEvents = new Map<string, string | undefined>();
const enterEvents = new Map<string, string>();
for (const prefix of ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Map", "Parallel"]) {
  enterEvents.set(prefix, `${prefix}StateEntered`);
  exitEvents.set(prefix, exitEventOf(prefix));
}

/** A States.Runtime or States.QueryEvaluationError names the state it happened in (the innermost one), as Step Functions reports it. */
function locate(error: unknown, stateName: string, enteredEventId: number): unknown {
  return error instanceof StatesRuntimeError || error instanceof QueryEvaluationError ? error.at(stateName, enteredEventId) : error;
}

/**
 * Runs `graph` in `scope` from `startAt` with `input`; resolves with the output of its terminal state.
 *
 * Clock readings are shared by the events of one synchronous step: a state is entered at the time its predecessor
 * exited, and `startTime` (a reading the caller just took) is the time the first state is entered.
 */
export async function runGraph(scope: Scope, graph: CompiledGraph, startAt: string, input: JsonValue, startTime?: number): Promise<JsonValue> {
  const runtime = scope.runtime;
  const history = runtime.history;
  let name = startAt;
  let current = input;
  let time = startTime ?? -1;
  for (;;) {
    const pause = runtime.transition();
    if (pause !== undefined) {
      await pause;
      time = -1;
    }
    if (history.overLimit) {
      throw new StatesRuntimeError(`The execution history exceeded its limit of ${history.limit} events.`);
    }
    const state = graph.states.get(name);
    if (state === undefined) throw new StatesRuntimeError(`Missing 'Next' target: ${name}`);
    const enteredTime = time < 0 ? runtime.clock.now() : time;
    const visit: Visit = { name, enteredTime, retryCount: 0, taskToken: undefined, countsRetries: countsRetries(state.type) };
    scope.visit = visit;
    const enteredId = scope.recordAt(enteredTime, enterEvents.get(state.eventPrefix) ?? `${state.eventPrefix}StateEntered`, schemas.stateEntered, name, current);
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = state.run(scope, visit, current);
    } catch (error) {
      throw locate(error, name, enteredId);
    }
    // A state that finished synchronously exits at the time of its last event (for a Task, the one recorded after
    // its handler returned), and so does a Task that awaited its handler (its last event is the result's); any
    // other state that awaited (Wait, Parallel, Map) reads the clock again.
    let exitTime = -1;
    if (!isPromise(outcome)) exitTime = scope.lastEventTime;
    else {
      try {
        outcome = await outcome;
      } catch (error) {
        // A state cut short by a stop, a timeout or a failed sibling records `…StateAborted`.
        if (abortable.has(state.eventPrefix) && (error instanceof ExecutionHalted || scope.isAbortReason(error))) {
          scope.record(`${state.eventPrefix}StateAborted`);
        }
        throw locate(error, name, enteredId);
      }
      runtime.throwIfHalted();
      if (state.type === "Task") exitTime = scope.lastEventTime;
    }
    const assigned = outcome.assigned;
    if (assigned !== undefined) scope.variables.assign(assigned, name);
    const exitEvent = exitEvents.get(state.eventPrefix);
    time = exitTime < 0 ? runtime.clock.now() : exitTime;
    if (exitEvent !== undefined) scope.recordAt(time, exitEvent, schemas.stateExited, name, outcome.output, assigned);
    if (outcome.next === undefined) return outcome.output;
    name = outcome.next;
    current = outcome.output;
  }
}
