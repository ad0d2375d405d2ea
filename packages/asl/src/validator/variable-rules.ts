/**
 * Workflow variables read before any path assigns them. Step Functions finds
 * these only at run time (`States.QueryEvaluationError` or a failed path); we
 * report them at definition time: a reference to `$x` in a state is a problem
 * when no path from the start of its scope into that state assigns `x`.
 *
 * Flow: the variables that may be assigned on entry to a state are the union,
 * over every transition into it, of what the source state had on entry plus
 * what that transition assigns (the state's `Assign` on `Next`/`Default`, the
 * state's and the matched rule's `Assign` on a Choice rule, the catcher's
 * `Assign` on a Catch). Parallel branches and inline Map processors start with
 * what their state had on entry; a distributed Map starts with nothing.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import { isJsonataTemplate, jsonataVariableReferences } from "../jsonata/index.js";
import { intrinsicPaths, isIntrinsicCall, parseIntrinsic } from "../intrinsics/index.js";
import { asRecord, pointerOf, type Problems } from "./problems.js";
import type { GraphVisit, StateVisit, Walk } from "./walk.js";

/** Fields holding nested graphs: their states are checked in their own scope. */
const nestedGraphFields = new Set(["Branches", "ItemProcessor", "Iterator"]);

/** Names a JSONPath `Assign` or a JSONata `Assign` sets (`"x.$"` sets `x`). */
function assignedNames(assign: unknown): string[] {
  const record = asRecord(assign);
  return record === undefined ? [] : Object.keys(record).map((key) => (key.endsWith(".$") ? key.slice(0, -2) : key));
}

/** The variable a JSONPath path reads (`$x.a[0]` → `x`), or undefined for `$`, `$.…`, `$$…`, `$[…]`. */
function pathVariable(path: string): string | undefined {
  return /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(path)?.[1];
}

/** Variables read by a JSONPath-mode value: a path, or an intrinsic call's path arguments. */
function jsonPathReads(text: string): string[] {
  if (isIntrinsicCall(text)) {
    try {
      return intrinsicPaths(parseIntrinsic(text)).flatMap((arg) => pathVariable(arg.path) ?? []);
    } catch {
      return []; // a syntax error: reported by the expression rules
    }
  }
  const name = pathVariable(text);
  return name === undefined ? [] : [name];
}

interface Read {
  readonly name: string;
  readonly pointer: string;
}

/** Every variable read in a state's own fields (nested graphs excluded). */
function readsOf(visit: StateVisit): Read[] {
  const reads: Read[] = [];
  const walkValue = (value: unknown, pointer: string, key: string | undefined): void => {
    if (typeof value === "string") {
      if (visit.language === "JSONata" && isJsonataTemplate(value)) {
        for (const ref of jsonataVariableReferences(value)) reads.push({ name: ref.name, pointer });
      } else if (visit.language === "JSONPath" && key !== undefined && (key.endsWith(".$") || key.endsWith("Path") || key === "Variable")) {
        for (const name of jsonPathReads(value)) reads.push({ name, pointer });
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walkValue(item, pointerOf(pointer, index), key);
      return;
    }
    const record = asRecord(value);
    if (record === undefined) return;
    for (const [field, inner] of Object.entries(record)) walkValue(inner, pointerOf(pointer, field), field);
  };
  for (const [field, value] of Object.entries(visit.record)) {
    if (!nestedGraphFields.has(field)) walkValue(value, pointerOf(visit.pointer, field), field);
  }
  return reads;
}

/** Transitions out of a state, each with the variables it assigns. */
function transitionsOf(record: Record<string, unknown>): { to: string; assigns: string[] }[] {
  const own = assignedNames(record.Assign);
  const out: { to: string; assigns: string[] }[] = [];
  if (typeof record.Next === "string") out.push({ to: record.Next, assigns: own });
  if (typeof record.Default === "string") out.push({ to: record.Default, assigns: own });
  for (const rule of Array.isArray(record.Choices) ? record.Choices : []) {
    const r = asRecord(rule);
    if (typeof r?.Next === "string") out.push({ to: r.Next, assigns: [...own, ...assignedNames(r.Assign)] });
  }
  for (const catcher of Array.isArray(record.Catch) ? record.Catch : []) {
    const c = asRecord(catcher);
    if (typeof c?.Next === "string") out.push({ to: c.Next, assigns: assignedNames(c.Assign) });
  }
  return out;
}

/** What may be assigned on entry to each state of one graph, given what the graph starts with. */
function entrySets(graph: GraphVisit, states: StateVisit[], start: ReadonlySet<string>): Map<string, Set<string>> {
  const byName = new Map(states.map((s) => [s.name, s]));
  const entry = new Map<string, Set<string>>(states.map((s) => [s.name, new Set<string>()]));
  const startAt = typeof graph.graph.StartAt === "string" ? graph.graph.StartAt : undefined;
  if (startAt === undefined || !entry.has(startAt)) return entry;
  for (const name of start) entry.get(startAt)?.add(name);
  // Sets only grow, so this reaches a fixed point; every reachable state is processed at least once.
  const pending = [startAt];
  const seen = new Set<string>([startAt]);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const from = entry.get(name) ?? new Set<string>();
    const state = byName.get(name);
    if (state === undefined) continue;
    for (const { to, assigns } of transitionsOf(state.record)) {
      const target = entry.get(to);
      if (target === undefined) continue;
      const before = target.size;
      for (const v of from) target.add(v);
      for (const v of assigns) target.add(v);
      if (target.size !== before || !seen.has(to)) {
        seen.add(to);
        pending.push(to);
      }
    }
  }
  return entry;
}

/** Reports every variable read that no path into its state assigns. */
export function checkVariableReferences(walk: Walk, problems: Problems): void {
  const statesOf = new Map<GraphVisit, StateVisit[]>(walk.graphs.map((g) => [g, []]));
  for (const state of walk.states) statesOf.get(state.graph)?.push(state);
  // Graphs come parents first (the walk is depth-first from the machine), so a parent's sets exist first.
  const entryOf = new Map<StateVisit, ReadonlySet<string>>();
  for (const graph of walk.graphs) {
    const parent = graph.parent;
    const processor = asRecord(parent?.record.ItemProcessor);
    const distributed = asRecord(processor?.ProcessorConfig)?.Mode === "DISTRIBUTED";
    const start = parent === undefined || distributed ? new Set<string>() : (entryOf.get(parent) ?? new Set<string>());
    const states = statesOf.get(graph) ?? [];
    const sets = entrySets(graph, states, start);
    for (const state of states) entryOf.set(state, sets.get(state.name) ?? new Set<string>());
  }
  for (const state of walk.states) {
    const visible = entryOf.get(state) ?? new Set<string>();
    for (const read of readsOf(state)) {
      if (!visible.has(read.name)) {
        problems.add(read.pointer, `variable $${read.name} is read here, but no path into state "${state.name}" assigns it`);
      }
    }
  }
}
