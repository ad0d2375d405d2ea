/**
 * What the graph runner keeps per state (a node, made when the graph is compiled) and per visit of a state (the
 * visit, which is also the record of the state's entered and exited events).
 *
 * @see https://states-language.net/spec.html#transitions
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import type { CompiledState } from "./compiled.js";
import { schemas } from "./event-schemas.js";
import { type EventRecord, RawEvent } from "./history.js";
import type { Visit } from "./scope.js";

/** A state with what the runner needs on each visit, worked out once per graph. */
export class GraphNode {
  readonly enterEvent: string;
  /** `FailStateEntered` has no exit event. */
  readonly exitEvent: string | undefined;
  /**
   * Whether `$$.State.RetryCount` exists: only in the states that can retry (Task, Parallel, Map); a Pass, Wait,
   * Choice, Succeed or Fail state's `$$.State` is `{Name, EnteredTime}`.
   */
  readonly countsRetries: boolean;
  /** The successor found last, and its node: most states always go to the same one. */
  nextName: string | undefined = undefined;
  nextNode: GraphNode | undefined = undefined;

  constructor(readonly state: CompiledState) {
    const prefix = state.eventPrefix;
    this.enterEvent = `${prefix}StateEntered`;
    this.exitEvent = prefix === "Fail" ? undefined : `${prefix}StateExited`;
    this.countsRetries = state.type === "Task" || state.type === "Map" || state.type === "Parallel";
  }
}

/**
 * One visit of a state, which is also the record of its `…StateEntered` and `…StateExited` events (see
 * {@link EventRecord}): the state's input and output are kept once, here.
 */
export class StateVisit implements EventRecord, Visit {
  retryCount = 0;
  taskToken: string | undefined = undefined;
  enteredId = 0;
  exitTime = 0;
  exitPrev = 0;
  output: JsonValue = null;
  assigned: JsonObject | undefined = undefined;

  constructor(
    readonly node: GraphNode,
    readonly enteredTime: number,
    readonly enteredPrev: number,
    readonly input: JsonValue,
  ) {}

  get name(): string {
    return this.node.state.name;
  }

  get countsRetries(): boolean {
    return this.node.countsRetries;
  }

  eventFor(id: number): RawEvent {
    const node = this.node;
    if (id === this.enteredId) return new RawEvent(node.enterEvent, this.enteredTime, this.enteredPrev, schemas.stateEntered, this.name, this.input);
    return new RawEvent(node.exitEvent ?? "", this.exitTime, this.exitPrev, schemas.stateExited, this.name, this.output, this.assigned);
  }
}

/** The nodes of a graph's states, by name (made when the graph is compiled). */
export function graphNodes(states: ReadonlyMap<string, CompiledState>): ReadonlyMap<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const [name, state] of states) nodes.set(name, new GraphNode(state));
  return nodes;
}
