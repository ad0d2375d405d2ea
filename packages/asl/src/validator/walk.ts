/**
 * Walks a definition: the top-level graph, every Parallel branch and Map item
 * processor, and each state with its effective query language. Checks the
 * shape of each state on the way.
 */
import type { QueryLanguage, State } from "../model/index.js";
import { asRecord, pointerOf, type Problems } from "./problems.js";
import { checkStateShape } from "./shape.js";

/** A graph of states: the machine itself, a Parallel branch or a Map item processor. */
export interface GraphVisit {
  readonly graph: Record<string, unknown>;
  readonly pointer: string;
  readonly kind: "machine" | "branch" | "processor";
  /** The query language its states inherit. */
  readonly language: QueryLanguage;
  /** The state that holds it (absent for the machine). */
  readonly parent?: StateVisit;
}

/** One state, where it is, and whether its shape is valid (then `state` can be read as typed). */
export interface StateVisit {
  readonly name: string;
  readonly record: Record<string, unknown>;
  readonly pointer: string;
  readonly graph: GraphVisit;
  /** The state's own `QueryLanguage`, else its graph's. */
  readonly language: QueryLanguage;
  /** Set when the shape check passed. */
  readonly state?: State;
}

/** Everything found in a definition. */
export interface Walk {
  readonly graphs: GraphVisit[];
  readonly states: StateVisit[];
}

/** Walks `definition` (already known to have a `States` object). */
export function walkDefinition(definition: Record<string, unknown>, problems: Problems): Walk {
  const walk: Walk = { graphs: [], states: [] };
  const language = definition.QueryLanguage === "JSONata" ? "JSONata" : "JSONPath";
  visitGraph({ graph: definition, pointer: "", kind: "machine", language }, walk, problems);
  return walk;
}

function visitGraph(visit: GraphVisit, walk: Walk, problems: Problems): void {
  walk.graphs.push(visit);
  const states = asRecord(visit.graph.States);
  if (states === undefined) return;
  for (const [name, value] of Object.entries(states)) {
    const pointer = pointerOf(visit.pointer, "States", name);
    const valid = checkStateShape(value, pointer, problems);
    const record = asRecord(value);
    if (record === undefined) continue;
    const own = record.QueryLanguage;
    const language: QueryLanguage = own === "JSONata" || own === "JSONPath" ? own : visit.language;
    // A state that passed its schema is a `State`.
    const stateVisit: StateVisit = { name, record, pointer, graph: visit, language, ...(valid ? { state: value as State } : {}) };
    walk.states.push(stateVisit);
    const branches = record.Branches;
    if (record.Type === "Parallel" && Array.isArray(branches)) {
      branches.forEach((branch, index) => {
        const graph = asRecord(branch);
        if (graph !== undefined) {
          visitGraph({ graph, pointer: pointerOf(pointer, "Branches", index), kind: "branch", language, parent: stateVisit }, walk, problems);
        }
      });
    }
    if (record.Type === "Map") {
      for (const field of ["ItemProcessor", "Iterator"]) {
        const graph = asRecord(record[field]);
        if (graph !== undefined) {
          visitGraph({ graph, pointer: pointerOf(pointer, field), kind: "processor", language, parent: stateVisit }, walk, problems);
        }
      }
    }
  }
}
