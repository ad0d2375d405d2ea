/**
 * Rules on the state graph: every transition names a state of the same graph,
 * every state is reachable from `StartAt`, each graph can end, and state
 * names are unique across the whole machine and at most 80 characters.
 *
 * @see https://states-language.net/spec.html#states-fields
 */
import { asRecord, pointerOf, type Problems } from "./problems.js";
import type { GraphVisit, Walk } from "./walk.js";

/** Maximum length of a state name. */
export const MAX_STATE_NAME_LENGTH = 80;

/** The transitions of a state: where each is written and the name it targets. */
function transitionsOf(record: Record<string, unknown>, pointer: string): { pointer: string; target: unknown }[] {
  const out: { pointer: string; target: unknown }[] = [];
  if (record.Next !== undefined) out.push({ pointer: pointerOf(pointer, "Next"), target: record.Next });
  if (record.Default !== undefined) out.push({ pointer: pointerOf(pointer, "Default"), target: record.Default });
  for (const field of ["Choices", "Catch"]) {
    const list = record[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const next = asRecord(item)?.Next;
      if (next !== undefined) out.push({ pointer: pointerOf(pointer, field, index, "Next"), target: next });
    });
  }
  return out;
}

function isTerminal(record: Record<string, unknown>): boolean {
  return record.Type === "Succeed" || record.Type === "Fail" || record.End === true;
}

/** Checks every graph of `walk`. */
export function checkGraphs(walk: Walk, problems: Problems): void {
  const owner = new Map<string, string>();
  for (const visit of walk.states) {
    if (visit.name.length > MAX_STATE_NAME_LENGTH) {
      problems.add(visit.pointer, `state name is ${visit.name.length} characters long; the limit is ${MAX_STATE_NAME_LENGTH}`);
    }
    if (visit.name.length === 0) problems.add(visit.pointer, "state name must not be empty");
    const first = owner.get(visit.name);
    if (first === undefined) owner.set(visit.name, visit.pointer);
    else problems.add(visit.pointer, `state name "${visit.name}" is already used at ${first}; names must be unique across the whole state machine`);
  }
  for (const graph of walk.graphs) checkGraph(graph, walk, problems);
}

function checkGraph(visit: GraphVisit, walk: Walk, problems: Problems): void {
  const states = asRecord(visit.graph.States);
  if (states === undefined) return;
  const names = new Set(Object.keys(states));
  const startAt = visit.graph.StartAt;
  if (names.size === 0) problems.add(pointerOf(visit.pointer, "States"), "must contain at least one state");
  if (typeof startAt === "string" && !names.has(startAt)) {
    problems.add(pointerOf(visit.pointer, "StartAt"), `"${startAt}" is not a state of this graph`);
  }
  const edges = new Map<string, string[]>();
  for (const [name, value] of Object.entries(states)) {
    const record = asRecord(value);
    if (record === undefined) continue;
    const pointer = pointerOf(visit.pointer, "States", name);
    const targets: string[] = [];
    for (const transition of transitionsOf(record, pointer)) {
      if (typeof transition.target !== "string") continue;
      if (names.has(transition.target)) targets.push(transition.target);
      else problems.add(transition.pointer, unknownTarget(transition.target, walk));
    }
    edges.set(name, targets);
    if (record.Type !== "Choice" && record.Type !== "Succeed" && record.Type !== "Fail") {
      const hasNext = record.Next !== undefined;
      const ends = record.End === true;
      if (hasNext && ends) problems.add(pointer, "a state has either Next or End: true, not both");
      if (!hasNext && !ends) problems.add(pointer, "a state needs Next or End: true");
    }
  }
  if (typeof startAt !== "string" || !names.has(startAt)) return;
  const reached = new Set<string>([startAt]);
  const queue = [startAt];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const target of edges.get(name) ?? []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  for (const name of names) {
    if (!reached.has(name)) problems.add(pointerOf(visit.pointer, "States", name), `state "${name}" cannot be reached from StartAt`);
  }
  const terminals = [...reached].filter((name) => {
    const record = asRecord(states[name]);
    return record !== undefined && isTerminal(record);
  });
  if (terminals.length === 0) {
    problems.add(pointerOf(visit.pointer, "States"), "no terminal state (Succeed, Fail or End: true) can be reached: the graph never ends");
  }
}

function unknownTarget(target: string, walk: Walk): string {
  const elsewhere = walk.states.find((visit) => visit.name === target);
  return elsewhere === undefined
    ? `"${target}" is not a state of this graph`
    : `"${target}" is a state of another graph (${elsewhere.pointer}); transitions cannot leave their graph`;
}
