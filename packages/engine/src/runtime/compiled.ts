/**
 * The compiled form of a definition: every state turned, at load time, into an object that runs it.
 * A state runs in three parts the graph runner calls in order; query language and `Assign` plug in per state.
 */
import type { JsonObject, JsonValue, StateType } from "@statecraft/asl";
import type { GraphNode } from "./graph-nodes.js";
import type { Scope, Visit } from "./scope.js";

/** Where a state sends its output: the next state's name, or `undefined` to end its graph. */
export interface Outcome {
  output: JsonValue;
  next: string | undefined;
  /** Workflow variables the state assigns (`Assign`), evaluated on the entry snapshot and stored on exit. */
  assigned?: JsonObject | undefined;
}

/** A state ready to run. */
export interface CompiledState {
  readonly name: string;
  readonly type: StateType;
  /** History event type prefix: `Task`, `Pass`, `Choice`, `Wait`, `Succeed`, `Fail`, `Map`, `Parallel`. */
  readonly eventPrefix: string;
  /**
   * Runs the state; a synchronous outcome keeps the hot path free of promises, a {@link Later} (a Task awaiting
   * its handler) keeps it free of promises of its own. Throws `StatesError`.
   */
  run(scope: Scope, visit: Visit, input: JsonValue): Outcome | Promise<Outcome> | Later<Outcome>;
}

/** A compiled state graph (the machine, a Parallel branch or a Map item processor). */
export interface CompiledGraph {
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** The same states with what the graph runner needs per visit (made by `graphNodes` when the graph is compiled). */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** The node of `startAt` (every execution starts there: no lookup by name). */
  readonly startNode: GraphNode | undefined;
}

/** A compiled state machine. */
export interface CompiledMachine extends CompiledGraph {
  /** The machine's `TimeoutSeconds`, if any. */
  readonly timeoutSeconds: number | undefined;
}

/** Takes a value that arrives later: the graph walk awaiting a state's outcome, the top-level run awaiting its graph. */
export interface Receiver<T> {
  accept(value: T): void;
  reject(error: unknown): void;
}

/**
 * A value that arrives later and goes to exactly one receiver, which the runner hands over at once. A Task awaiting
 * its handler returns one instead of a promise: a promise of its own with its resolving functions and closures,
 * and the `await` on it, cost about as much as the rest of the Task's async path (measured: two awaited handlers
 * in a chain, 0.40 µs that way, 0.15 µs delivered straight to the walk).
 */
export interface Later<T> {
  /** Starts delivering to `receiver` (exactly once: `accept` or `reject`). */
  deliverTo(receiver: Receiver<T>): void;
}

/** `true` when `value` is a {@link Later} (an interface rather than a base class: see `EventRecord` in `history.ts`). */
export function isLater<T>(value: T | Promise<T> | Later<T>): value is Later<T> {
  return typeof value === "object" && value !== null && typeof (value as { deliverTo?: unknown }).deliverTo === "function";
}

/** A {@link Later} as a promise, for callers that compose attempts with promises (Retry, Catch, ResultSelector). */
export function laterAsPromise<T>(value: T | Promise<T> | Later<T>): T | Promise<T> {
  if (!isLater(value)) return value;
  return new Promise<T>((accept, reject) => value.deliverTo({ accept, reject }));
}

/** `true` when `value` is a promise-like (so the caller must await). */
export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
