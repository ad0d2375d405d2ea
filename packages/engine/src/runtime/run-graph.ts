/**
 * Runs a compiled state graph from a start state to its end: records `…StateEntered`/`…StateExited`, follows
 * `Next`, and keeps synchronous states on a synchronous path: a graph whose states all finish synchronously returns
 * its output without creating a promise; one that must wait goes on from the callback of what it waited for, and
 * hands its output to a receiver (the top-level run, or a promise for Parallel branches and Map iterations).
 *
 * @see https://states-language.net/spec.html#transitions
 */
import type { JsonValue } from "@statecraft/asl";
import { QueryEvaluationError, StatesRuntimeError } from "../errors.js";
import { anchorTime } from "./clock.js";
import { type CompiledGraph, isLater, isPromise, type Later, type Outcome, type Receiver } from "./compiled.js";
import { ExecutionHalted } from "./execution-runtime.js";
import { GraphNode, StateVisit } from "./graph-nodes.js";
import type { Scope } from "./scope.js";

/**
 * States that record an `…StateAborted` event when a stop or a failed sibling cuts them short. Not Wait: an
 * execution stopped during a Wait records WaitStateEntered then ExecutionAborted (recorded against AWS: localstack
 * tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json, test_stop_execution).
 */
const abortable = new Set(["Task", "Map", "Parallel"]);

/** A States.Runtime or States.QueryEvaluationError names the state it happened in (the innermost one), as Step Functions reports it. */
function locate(error: unknown, stateName: string, enteredEventId: number): unknown {
  return error instanceof StatesRuntimeError || error instanceof QueryEvaluationError ? error.at(stateName, enteredEventId) : error;
}

/**
 * Where a walk through a graph is: the state to enter next with its input and entry time, or (once the graph has
 * ended) its output; and, while suspended, what it waits for. While waiting it is the {@link Receiver} of the
 * awaited state's outcome.
 */
class GraphWalk implements Receiver<Outcome> {
  /** `-1` when the next state must read the clock (something was awaited since the last event). */
  time: number;
  /** Set while suspended: a pause between slices of transitions, or the outcome of `node`'s state to come. */
  pause: Promise<void> | undefined = undefined;
  pending: Promise<Outcome> | Later<Outcome> | undefined = undefined;
  /** The visit of the state being run (or awaited). */
  visit: StateVisit | undefined = undefined;
  /** The node of the state to enter next (or being awaited); `undefined` when `name` names no state. */
  node: GraphNode | undefined;
  /** Who gets the graph's output (or its error) once the walk has had to wait. */
  receiver: Receiver<JsonValue> | undefined = undefined;

  readonly nodes: ReadonlyMap<string, GraphNode>;

  constructor(
    readonly scope: Scope,
    graph: CompiledGraph,
    public name: string,
    public current: JsonValue,
    startTime: number,
  ) {
    this.time = startTime;
    this.nodes = graph.nodes;
    this.node = name === graph.startAt ? graph.startNode : graph.nodes.get(name);
  }

  /** Waits for what the walk is suspended on; the walk goes on from its callback. */
  wait(): void {
    const pause = this.pause;
    if (pause !== undefined) {
      this.pause = undefined;
      pause.then(
        () => {
          this.time = -1;
          this.runOn(undefined);
        },
        (error: unknown) => this.fail(error),
      );
      return;
    }
    const pending = this.pending as Promise<Outcome> | Later<Outcome>;
    if (isLater(pending)) pending.deliverTo(this);
    else
      pending.then(
        (outcome) => this.accept(outcome),
        (error: unknown) => this.reject(error),
      );
  }

  /** The awaited state's outcome: leave it and run on. */
  accept(outcome: Outcome): void {
    this.pending = undefined;
    this.runOn(outcome);
  }

  /** The awaited state failed; one cut short by a stop, a timeout or a failed sibling records `…StateAborted`. */
  reject(error: unknown): void {
    const state = (this.node as GraphNode).state;
    this.pending = undefined;
    if (abortable.has(state.eventPrefix) && (error instanceof ExecutionHalted || this.scope.isAbortReason(error))) {
      this.scope.record(`${state.eventPrefix}StateAborted`);
    }
    this.fail(locate(error, state.name, (this.visit as StateVisit).enteredId));
  }

  /**
   * Leaves the awaited state with its `outcome` (none after a pause), runs on while states finish synchronously,
   * then waits again or hands the graph's end to the receiver.
   */
  private runOn(outcome: Outcome | undefined): void {
    let ended: boolean;
    try {
      if (outcome !== undefined) this.scope.runtime.throwIfHalted();
      const node = this.node as GraphNode;
      ended = (outcome !== undefined && leave(this, node, outcome, node.state.type === "Task" ? this.scope.lastEventTime : -1)) || advance(this);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (ended) (this.receiver as Receiver<JsonValue>).accept(this.current);
    else this.wait();
  }

  private fail(error: unknown): void {
    (this.receiver as Receiver<JsonValue>).reject(error);
  }
}

/**
 * Records the exit of `state` with `outcome` and moves on; `true` when the graph has ended. A state that finished
 * synchronously exits at the time of its last event (for a Task, the one recorded after its handler returned), and
 * so does a Task that awaited its handler (its last event is the result's); any other state that awaited (Wait,
 * Parallel, Map) reads the clock again (`exitTime` -1).
 */
function leave(walk: GraphWalk, node: GraphNode, outcome: Outcome, exitTime: number): boolean {
  const scope = walk.scope;
  const name = node.state.name;
  const assigned = outcome.assigned;
  if (assigned !== undefined) scope.variables.assign(assigned, name);
  const time = exitTime < 0 ? scope.runtime.clock.now() : exitTime;
  walk.time = time;
  if (node.exitEvent !== undefined) {
    const visit = walk.visit as StateVisit;
    visit.exitTime = time;
    visit.exitPrev = scope.lastEventId;
    visit.output = outcome.output;
    visit.assigned = assigned;
    scope.recordSlot(time, visit);
  }
  walk.current = outcome.output;
  const next = outcome.next;
  if (next === undefined) return true;
  walk.name = next;
  if (node.nextName !== next) {
    node.nextName = next;
    node.nextNode = walk.nodes.get(next);
  }
  walk.node = node.nextNode;
  return false;
}

/**
 * Runs states while they finish synchronously. Returns `true` when the graph has ended (its output in
 * `walk.current`), `false` when the walk is suspended on `walk.pause` or `walk.pending` (see {@link GraphWalk.wait}).
 */
function advance(walk: GraphWalk): boolean {
  const scope = walk.scope;
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
    const node = walk.node;
    if (node === undefined) throw new StatesRuntimeError(`Missing 'Next' target: ${name}`);
    const enteredTime = walk.time < 0 ? runtime.clock.now() : walk.time;
    const visit = new StateVisit(node, enteredTime, scope.lastEventId, walk.current);
    scope.visit = visit;
    walk.visit = visit;
    // Its id is known before it is recorded: a live listener reads the event at once.
    const enteredId = history.lastId + 1;
    visit.enteredId = enteredId;
    scope.recordSlot(enteredTime, visit);
    let outcome: Outcome | Promise<Outcome> | Later<Outcome>;
    try {
      outcome = node.state.run(scope, visit, walk.current);
    } catch (error) {
      throw locate(error, name, enteredId);
    }
    if (isPromise(outcome) || isLater(outcome)) {
      walk.pending = outcome;
      return false;
    }
    if (leave(walk, node, outcome, scope.lastEventTime)) return true;
  }
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
  if (advance(walk)) return walk.current;
  return new Promise<JsonValue>((accept, reject) => {
    walk.receiver = { accept, reject };
    walk.wait();
  });
}

/**
 * {@link runGraph} for a caller that receives the output itself, at once when the graph ends synchronously. Throws
 * what ended it synchronously.
 */
export function runGraphInto(scope: Scope, graph: CompiledGraph, startAt: string, input: JsonValue, startTime: number | undefined, receiver: Receiver<JsonValue>): void {
  const walk = new GraphWalk(scope, graph, startAt, input, startTime ?? -1);
  walk.receiver = receiver;
  if (advance(walk)) receiver.accept(walk.current);
  else walk.wait();
}

/** A walk and a visit kept alive for their hidden classes (see `shapeAnchors` in `start-execution.ts`). */
export function graphWalkAnchors(scope: Scope): object[] {
  const node = new GraphNode({ name: "", type: "Pass", eventPrefix: "Pass", run: () => ({ output: null, next: undefined }) });
  const visit = new StateVisit(node, anchorTime, 0, null);
  visit.exitTime = anchorTime;
  return [new GraphWalk(scope, { startAt: "", states: new Map(), nodes: new Map(), startNode: undefined }, "", null, anchorTime), visit];
}

/** {@link runGraph} as a promise in every case (a synchronous failure rejects it), for callers that start many graphs at once. */
export function runGraphAsync(scope: Scope, graph: CompiledGraph, startAt: string, input: JsonValue): Promise<JsonValue> {
  try {
    return Promise.resolve(runGraph(scope, graph, startAt, input));
  } catch (error) {
    return Promise.reject(error);
  }
}
