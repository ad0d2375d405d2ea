/**
 * Runs a compiled state graph from a start state to its end: records `…StateEntered`/`…StateExited`, follows
 * `Next`, and keeps synchronous states on a synchronous path: a graph whose states all finish synchronously returns
 * its output without creating a promise, and one that must wait switches to an async continuation from there on.
 *
 * @see https://states-language.net/spec.html#transitions
 */
import type { JsonValue } from "@statecraft/asl";
import { QueryEvaluationError, StatesRuntimeError } from "../errors.js";
import { type CompiledGraph, type CompiledState, isPromise, type Outcome } from "./compiled.js";
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
 * Where a walk through a graph is: the state to enter next with its input and entry time, or (once the graph has
 * ended) its output; and, while suspended, what it waits for.
 */
class GraphWalk {
  /** `-1` when the next state must read the clock (something was awaited since the last event). */
  time: number;
  /** Set while suspended: a pause between slices of transitions, or the promised outcome of `state`. */
  pause: Promise<void> | undefined = undefined;
  pending: Promise<Outcome> | undefined = undefined;
  state: CompiledState | undefined = undefined;
  enteredId = 0;

  constructor(
    readonly scope: Scope,
    readonly graph: CompiledGraph,
    public name: string,
    public current: JsonValue,
    startTime: number,
  ) {
    this.time = startTime;
  }
}

/**
 * Records the exit of `state` with `outcome` and moves on; `true` when the graph has ended. A state that finished
 * synchronously exits at the time of its last event (for a Task, the one recorded after its handler returned), and
 * so does a Task that awaited its handler (its last event is the result's); any other state that awaited (Wait,
 * Parallel, Map) reads the clock again (`exitTime` -1).
 */
function leave(walk: GraphWalk, state: CompiledState, outcome: Outcome, exitTime: number): boolean {
  const scope = walk.scope;
  const assigned = outcome.assigned;
  if (assigned !== undefined) scope.variables.assign(assigned, state.name);
  const exitEvent = exitEvents.get(state.eventPrefix);
  const time = exitTime < 0 ? scope.runtime.clock.now() : exitTime;
  walk.time = time;
  if (exitEvent !== undefined) scope.recordAt(time, exitEvent, schemas.stateExited, state.name, outcome.output, assigned);
  walk.current = outcome.output;
  if (outcome.next === undefined) return true;
  walk.name = outcome.next;
  return false;
}

/**
 * Runs states while they finish synchronously. Returns `true` when the graph has ended (its output in
 * `walk.current`), `false` when the walk is suspended on `walk.pause` or `walk.pending`.
 */
function advance(walk: GraphWalk): boolean {
  const { scope, graph } = walk;
  const runtime = scope.runtime;
  const history = runtime.history;
  for (;;) {
    const pause = runtime.transition();
    if (pause !== undefined) {
      walk.pause = pause;
      return false;
    }
    if (history.overLimit) {
      throw new StatesRuntimeError(`The execution history exceeded its limit of ${history.limit} events.`);
    }
    const name = walk.name;
    const state = graph.states.get(name);
    if (state === undefined) throw new StatesRuntimeError(`Missing 'Next' target: ${name}`);
    const enteredTime = walk.time < 0 ? runtime.clock.now() : walk.time;
    const visit: Visit = { name, enteredTime, retryCount: 0, taskToken: undefined, countsRetries: countsRetries(state.type) };
    scope.visit = visit;
    const enteredId = scope.recordAt(enteredTime, enterEvents.get(state.eventPrefix) ?? `${state.eventPrefix}StateEntered`, schemas.stateEntered, name, walk.current);
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = state.run(scope, visit, walk.current);
    } catch (error) {
      throw locate(error, name, enteredId);
    }
    if (isPromise(outcome)) {
      walk.pending = outcome;
      walk.state = state;
      walk.enteredId = enteredId;
      return false;
    }
    if (leave(walk, state, outcome, scope.lastEventTime)) return true;
  }
}

/** Awaits what the walk is suspended on, then runs on (awaiting again as needed) to the graph's end. */
async function continueWalk(walk: GraphWalk): Promise<JsonValue> {
  const scope = walk.scope;
  const runtime = scope.runtime;
  do {
    const pause = walk.pause;
    if (pause !== undefined) {
      walk.pause = undefined;
      await pause;
      walk.time = -1;
      continue;
    }
    const state = walk.state as CompiledState;
    let outcome: Outcome;
    try {
      outcome = await (walk.pending as Promise<Outcome>);
    } catch (error) {
      // A state cut short by a stop, a timeout or a failed sibling records `…StateAborted`.
      if (abortable.has(state.eventPrefix) && (error instanceof ExecutionHalted || scope.isAbortReason(error))) {
        scope.record(`${state.eventPrefix}StateAborted`);
      }
      throw locate(error, state.name, walk.enteredId);
    }
    walk.pending = undefined;
    runtime.throwIfHalted();
    if (leave(walk, state, outcome, state.type === "Task" ? scope.lastEventTime : -1)) return walk.current;
  } while (!advance(walk));
  return walk.current;
}

/**
 * Runs `graph` in `scope` from `startAt` with `input`; returns the output of its terminal state, or a promise of
 * it once a state had to be awaited. Throws (or rejects with) the error that ended the graph.
 *
 * Clock readings are shared by the events of one synchronous step: a state is entered at the time its predecessor
 * exited, and `startTime` (a reading the caller just took) is the time the first state is entered.
 */
export function runGraph(scope: Scope, graph: CompiledGraph, startAt: string, input: JsonValue, startTime?: number): JsonValue | Promise<JsonValue> {
  const walk = new GraphWalk(scope, graph, startAt, input, startTime ?? -1);
  return advance(walk) ? walk.current : continueWalk(walk);
}

/** A walk kept alive for its hidden class (see `shapeAnchors` in `start-execution.ts`). */
export function graphWalkAnchor(scope: Scope): object {
  return new GraphWalk(scope, { startAt: "", states: new Map() }, "", null, 0);
}

/** {@link runGraph} as a promise in every case (a synchronous failure rejects it), for callers that start many graphs at once. */
export function runGraphAsync(scope: Scope, graph: CompiledGraph, startAt: string, input: JsonValue): Promise<JsonValue> {
  try {
    return Promise.resolve(runGraph(scope, graph, startAt, input));
  } catch (error) {
    return Promise.reject(error);
  }
}
