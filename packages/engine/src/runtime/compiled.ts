/**
 * The compiled form of a definition: every state turned, at load time, into an object that runs it.
 * A state runs in three parts the graph runner calls in order; query language and `Assign` plug in per state.
 */
import type { JsonObject, JsonValue, StateType } from "@statecraft/asl";
import type { GraphNode } from "./run-graph.js";
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
  /** Runs the state; a synchronous outcome keeps the hot path free of promises. Throws `StatesError`. */
  run(scope: Scope, visit: Visit, input: JsonValue): Outcome | Promise<Outcome>;
}

/** A compiled state graph (the machine, a Parallel branch or a Map item processor). */
export interface CompiledGraph {
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** The same states with what the graph runner needs per visit (made by `graphNodes` when the graph is compiled). */
  readonly nodes: ReadonlyMap<string, GraphNode>;
}

/** A compiled state machine. */
export interface CompiledMachine extends CompiledGraph {
  /** The machine's `TimeoutSeconds`, if any. */
  readonly timeoutSeconds: number | undefined;
}

/** `true` when `value` is a promise-like (so the caller must await). */
export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
