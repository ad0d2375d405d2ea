/**
 * The builder's state graph: states linked by reference, names assigned only
 * at build, so a dangling `Next` cannot be written. Every value is immutable;
 * each builder call returns a new {@link Fragment}.
 */
import type { QueryLanguage, Retrier, State, StateGraph, StateType } from "../model/index.js";
import { BuilderError } from "./errors.js";
import type { Placement } from "./states/io.js";
import type { Template } from "./template.js";

/** An outgoing edge of a state: `Next`, a Choice's `Default`, a choice rule's or a catcher's `Next`. */
export type Slot = "next" | "default" | `rule:${number}` | `catch:${number}`;

/** What a state needs while it renders itself. */
export interface RenderContext {
  /** The query language the state is evaluated in (its own or the machine's). */
  readonly language: QueryLanguage;
  /** The name of the state linked at `slot`, if any. */
  target(slot: Slot): string | undefined;
  /** Renders a nested graph (a Parallel branch or a Map item processor). */
  graph(fragment: Fragment): StateGraph;
  /** The state's retriers, in order. */
  readonly retriers: readonly Retrier[];
  /** The state's catchers, in order, with the name of each one's target. */
  readonly catchers: readonly { readonly spec: CatchSpec; readonly next: string }[];
}

/** A catcher of a Task, Parallel or Map state; its target is the link at `catch:<index>`. */
export interface CatchSpec {
  readonly errors: readonly string[];
  /** Where the error output goes (`ResultPath` / JSONata `Output`). */
  readonly placement: Placement;
  /** `Assign` over the error output. */
  readonly assign?: Template;
  readonly comment?: string;
}

/** Retry or Catch attached to a placed state. */
export type ErrorHandlerEntry =
  | { readonly node: StateNode; readonly retrier: Retrier }
  | { readonly node: StateNode; readonly catcher: CatchSpec; readonly index: number };

/** One state of the workflow, before it has a name. */
export interface StateNode {
  /** The preferred state name; made unique at build. */
  readonly label: string;
  readonly type: StateType;
  /** The state's own `QueryLanguage`, when it overrides the machine's. */
  readonly queryLanguage?: QueryLanguage;
  /** Nested graphs (Parallel branches, Map item processor), for naming. */
  readonly children: readonly Fragment[];
  /** Renders the state; key order is fixed later by the renderer. */
  render(context: RenderContext): State;
}

/** An unlinked edge of a placed state: where the next state will attach. */
export interface Exit {
  readonly node: StateNode;
  readonly slot: Slot;
}

/** A link from one state's slot to another state. */
export interface Link {
  readonly from: StateNode;
  readonly slot: Slot;
  readonly to: StateNode;
}

/**
 * A graph under construction. `open` are the exits the next state attaches to;
 * before the first state is placed, `start` is undefined and the entry is open.
 */
export interface Fragment {
  readonly start: StateNode | undefined;
  /** States in placement order (the order of `States` in the rendered ASL). */
  readonly nodes: readonly StateNode[];
  readonly links: readonly Link[];
  readonly open: readonly Exit[];
  /** Retriers and catchers, in the order they were added. */
  readonly handlers: readonly ErrorHandlerEntry[];
}

/** A graph with no states yet. */
export const emptyFragment: Fragment = { start: undefined, nodes: [], links: [], open: [], handlers: [] };

/**
 * Places `node` after every open exit. `exits` are the new node's own exits
 * (none for a terminal state).
 */
export function place(fragment: Fragment, node: StateNode, exits: readonly Slot[]): Fragment {
  if (fragment.nodes.includes(node)) {
    throw new BuilderError(`state "${node.label}" is already placed; use goto() to jump back to it`);
  }
  const attached = attach(fragment, node);
  return {
    ...fragment,
    start: attached.start,
    nodes: [...fragment.nodes, node],
    links: attached.links,
    open: exits.map((slot) => ({ node, slot })),
  };
}

/** Links every open exit to `node`, already placed in this graph; the result has no open exits. */
export function jump(fragment: Fragment, node: StateNode): Fragment {
  if (!fragment.nodes.includes(node)) {
    throw new BuilderError(`goto("${node.label}"): the state is not placed in this graph`);
  }
  return { ...fragment, links: attach(fragment, node).links, open: [] };
}

/** Adds a retrier or catcher of an already placed state. */
export function addHandler(fragment: Fragment, entry: ErrorHandlerEntry): Fragment {
  return { ...fragment, handlers: [...fragment.handlers, entry] };
}

/** The same graph, with `open` as its open exits. */
export function reopen(fragment: Fragment, open: readonly Exit[]): Fragment {
  return { ...fragment, open };
}

function attach(fragment: Fragment, node: StateNode): { start: StateNode; links: readonly Link[] } {
  if (fragment.start === undefined) return { start: node, links: fragment.links };
  if (fragment.open.length === 0) {
    throw new BuilderError(`cannot link "${node.label}": the flow has already ended`);
  }
  const added = fragment.open.map((exit) => ({ from: exit.node, slot: exit.slot, to: node }));
  return { start: fragment.start, links: [...fragment.links, ...added] };
}
