/**
 * Turns a builder graph into ASL: assigns state names (unique across the whole
 * machine, nested graphs included), then lets each state render itself and
 * fixes a stable key order (`Type` first, transitions last).
 *
 * @see https://states-language.net/spec.html#states-fields
 */
import type { QueryLanguage, State, StateGraph } from "../model/index.js";
import { BuilderError } from "./errors.js";
import type { Fragment, Slot, StateNode } from "./graph.js";

/** The order of state fields in rendered ASL; fields not listed keep their order, after these. */
const stateKeyOrder: readonly string[] = [
  "Type",
  "Comment",
  "QueryLanguage",
  "Resource",
  "Credentials",
  "InputPath",
  "ItemsPath",
  "Items",
  "ItemReader",
  "ItemSelector",
  "Parameters",
  "Arguments",
  "ItemBatcher",
  "ItemProcessor",
  "Iterator",
  "Branches",
  "Result",
  "Seconds",
  "SecondsPath",
  "Timestamp",
  "TimestampPath",
  "Choices",
  "Default",
  "Error",
  "ErrorPath",
  "Cause",
  "CausePath",
  "MaxConcurrency",
  "MaxConcurrencyPath",
  "ToleratedFailureCount",
  "ToleratedFailureCountPath",
  "ToleratedFailurePercentage",
  "ToleratedFailurePercentagePath",
  "Label",
  "ResultWriter",
  "TimeoutSeconds",
  "TimeoutSecondsPath",
  "HeartbeatSeconds",
  "HeartbeatSecondsPath",
  "ResultSelector",
  "ResultPath",
  "OutputPath",
  "Output",
  "Assign",
  "Retry",
  "Catch",
  "Next",
  "End",
];

const keyRank = new Map(stateKeyOrder.map((key, index) => [key, index]));

/** Returns `state` with its keys in {@link stateKeyOrder}. */
export function orderStateKeys<S extends State>(state: S): S {
  const entries = Object.entries(state).filter(([, value]) => value !== undefined);
  entries.sort(([a], [b]) => (keyRank.get(a) ?? stateKeyOrder.length) - (keyRank.get(b) ?? stateKeyOrder.length));
  // Same keys and values as `state`, only reordered.
  return Object.fromEntries(entries) as S;
}

/** Assigns every state of `root` (nested graphs included) a unique name, in placement order. */
export function assignNames(root: Fragment): ReadonlyMap<StateNode, string> {
  const names = new Map<StateNode, string>();
  const used = new Set<string>();
  const visit = (fragment: Fragment): void => {
    for (const node of fragment.nodes) {
      let name = node.label;
      for (let n = 2; used.has(name); n++) name = `${node.label} ${n}`;
      used.add(name);
      names.set(node, name);
      for (const child of node.children) visit(child);
    }
  };
  visit(root);
  return names;
}

/** Renders `fragment` as a state graph, with names from `names`. */
export function renderGraph(
  fragment: Fragment,
  names: ReadonlyMap<StateNode, string>,
  language: QueryLanguage,
): StateGraph {
  if (fragment.start === undefined) throw new BuilderError("a workflow needs at least one state");
  const targets = new Map<StateNode, Map<Slot, StateNode>>();
  for (const link of fragment.links) {
    const slots = targets.get(link.from) ?? new Map<Slot, StateNode>();
    slots.set(link.slot, link.to);
    targets.set(link.from, slots);
  }
  const nameOf = (node: StateNode): string => {
    const name = names.get(node);
    if (name === undefined) throw new BuilderError(`state "${node.label}" is linked but not placed in the workflow`);
    return name;
  };
  const states: Record<string, State> = {};
  for (const node of fragment.nodes) {
    const nodeLanguage = node.queryLanguage ?? language;
    const target = (slot: Slot): string | undefined => {
      const to = targets.get(node)?.get(slot);
      return to === undefined ? undefined : nameOf(to);
    };
    const handlers = fragment.handlers.filter((entry) => entry.node === node);
    const state = node.render({
      language: nodeLanguage,
      target,
      graph: (child) => renderGraph(child, names, nodeLanguage),
      retriers: handlers.flatMap((entry) => ("retrier" in entry ? [entry.retrier] : [])),
      catchers: handlers.flatMap((entry) => {
        if (!("catcher" in entry)) return [];
        const next = target(`catch:${entry.index}`);
        if (next === undefined) throw new BuilderError(`a catcher of "${node.label}" leads nowhere`);
        return [{ spec: entry.catcher, next }];
      }),
    });
    states[nameOf(node)] = orderStateKeys(state);
  }
  return { StartAt: nameOf(fragment.start), States: states };
}
