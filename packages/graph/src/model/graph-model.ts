/**
 * The drawable shape of a state machine: nodes (states, start/end markers and
 * the compound boxes of Parallel branches and Map processors) and labelled
 * edges. Mermaid, ELK layout and SVG all render from this one model.
 *
 * @see https://states-language.net/spec.html#state-machine-structure
 */
import type { State, StateGraph, StateMachineDefinition, StateType } from "@statecraft/asl";
import { stateCaption } from "./caption.js";
import { describeChoiceRule } from "./choice-label.js";
import { GraphDefinitionError, type GraphProblem } from "./errors.js";
import { NodeIds } from "./node-ids.js";

/** What a node stands for. */
export type GraphNodeRole = "state" | "branch" | "start" | "end";

/** One node of the drawing. Parallel and Map states and branches are compound (they have children). */
export interface GraphNode {
  /** Stable id, safe in Mermaid, ELK and SVG (letters, digits, `_`). */
  readonly id: string;
  readonly role: GraphNodeRole;
  /** The text drawn in the node. */
  readonly label: string;
  /** The id of the compound node this one sits in; absent at top level. */
  readonly parent?: string;
  /** For `role: "state"`: the state's name (unique in the whole machine) and type. */
  readonly stateName?: string;
  readonly stateType?: StateType;
  /** Second line under the name, e.g. `Task · λ song` (states only). */
  readonly caption?: string;
  /** The state has `Retry` rules. */
  readonly retries?: boolean;
  /** Depth of nesting: 0 at top level. */
  readonly depth: number;
}

/** How an edge is reached: plain `Next`, a Choice rule or default, a `Catch`, or the start/end markers. */
export type GraphEdgeKind = "next" | "choice" | "default" | "catch" | "start" | "end";

/** One arrow of the drawing. */
export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  /** Choice condition, `default`, or the caught error names. */
  readonly label?: string;
}

/** Nodes (depth first: every compound node before its children, siblings in definition order) and edges. */
export interface GraphModel {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** State name → node id. */
  readonly stateIds: ReadonlyMap<string, string>;
}

/** A state's inner graphs: Parallel branches or the Map processor, with the field they sit in. */
function innerGraphs(state: State): { graphs: StateGraph[]; field: string } {
  if (state.Type === "Parallel") return { graphs: state.Branches, field: "Branches" };
  if (state.Type === "Map") {
    if (state.ItemProcessor !== undefined) return { graphs: [state.ItemProcessor], field: "ItemProcessor" };
    if (state.Iterator !== undefined) return { graphs: [state.Iterator], field: "Iterator" };
  }
  return { graphs: [], field: "" };
}

/** Builds the drawing of one definition; see {@link buildGraphModel}. */
class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly problems: GraphProblem[] = [];
  readonly stateIds = new Map<string, string>();
  private readonly ids = new NodeIds();

  /** Adds one scope (the machine, a Parallel branch or a Map processor) and, depth first, its inner scopes. */
  addScope(graph: StateGraph, parent: string | undefined, depth: number, pointer: string): void {
    const within = parent === undefined ? {} : { parent };
    for (const name of Object.keys(graph.States)) {
      if (this.stateIds.has(name)) {
        this.problems.push({ pointer: `${pointer}/States/${escapePointer(name)}`, message: `state name "${name}" is used more than once` });
      } else {
        this.stateIds.set(name, this.ids.claim(name));
      }
    }
    const startId = this.ids.claim(parent === undefined ? "__start__" : `${parent}__start`);
    this.nodes.push({ id: startId, role: "start", label: "start", depth, ...within });
    this.addEdge(startId, this.target(graph, graph.StartAt, `${pointer}/StartAt`), "start");

    let endId: string | undefined;
    const end = (): string => {
      endId ??= this.ids.claim(parent === undefined ? "__end__" : `${parent}__end`);
      return endId;
    };
    for (const [name, state] of Object.entries(graph.States)) {
      const at = `${pointer}/States/${escapePointer(name)}`;
      const id = this.stateIds.get(name) ?? this.ids.claim(name);
      const hasRetry = "Retry" in state && (state.Retry?.length ?? 0) > 0;
      this.nodes.push({
        id,
        role: "state",
        label: name,
        stateName: name,
        stateType: state.Type,
        caption: stateCaption(state),
        depth,
        ...within,
        ...(hasRetry ? { retries: true } : {}),
      });
      this.addInnerScopes(name, id, state, depth, at);
      this.addTransitions(graph, id, state, at, end);
    }
    if (endId !== undefined) this.nodes.push({ id: endId, role: "end", label: "end", depth, ...within });
  }

  private addInnerScopes(name: string, id: string, state: State, depth: number, at: string): void {
    const { graphs, field } = innerGraphs(state);
    graphs.forEach((graph, index) => {
      if (state.Type !== "Parallel") {
        this.addScope(graph, id, depth + 1, `${at}/${field}`);
        return;
      }
      const branchId = this.ids.claim(`${name}__branch${index + 1}`);
      this.nodes.push({ id: branchId, role: "branch", label: `Branch ${index + 1}`, parent: id, depth: depth + 1 });
      this.addScope(graph, branchId, depth + 2, `${at}/${field}/${index}`);
    });
  }

  private addTransitions(graph: StateGraph, id: string, state: State, at: string, end: () => string): void {
    switch (state.Type) {
      case "Choice":
        state.Choices.forEach((rule, index) => {
          this.addEdge(id, this.target(graph, rule.Next, `${at}/Choices/${index}/Next`), "choice", describeChoiceRule(rule));
        });
        if (state.Default !== undefined) this.addEdge(id, this.target(graph, state.Default, `${at}/Default`), "default", "default");
        break;
      case "Succeed":
      case "Fail":
        this.addEdge(id, end(), "end");
        break;
      default:
        if (state.End === true) this.addEdge(id, end(), "end");
        else if (state.Next !== undefined) this.addEdge(id, this.target(graph, state.Next, `${at}/Next`), "next");
        else this.problems.push({ pointer: at, message: "a state needs Next or End" });
    }
    if ("Catch" in state && state.Catch !== undefined) {
      state.Catch.forEach((catcher, index) => {
        this.addEdge(id, this.target(graph, catcher.Next, `${at}/Catch/${index}/Next`), "catch", catcher.ErrorEquals.join(", "));
      });
    }
  }

  /** Resolves a transition target within the same scope, or records a problem. */
  private target(graph: StateGraph, name: string, pointer: string): string | undefined {
    if (!Object.hasOwn(graph.States, name)) {
      this.problems.push({ pointer, message: `"${name}" is not a state in this scope` });
      return undefined;
    }
    return this.stateIds.get(name);
  }

  private addEdge(from: string, to: string | undefined, kind: GraphEdgeKind, label?: string): void {
    if (to === undefined) return;
    this.edges.push({ id: `e${this.edges.length + 1}`, from, to, kind, ...(label === undefined ? {} : { label }) });
  }
}

/**
 * Builds the drawable graph of a definition: every scope gets a start marker
 * and, when something ends in it, an end marker. Throws
 * {@link GraphDefinitionError} listing every dangling or duplicate name.
 */
export function buildGraphModel(definition: StateMachineDefinition): GraphModel {
  const builder = new GraphBuilder();
  builder.addScope(definition, undefined, 0, "");
  if (builder.problems.length > 0) throw new GraphDefinitionError(builder.problems);
  return { nodes: builder.nodes, edges: builder.edges, stateIds: builder.stateIds };
}

/** RFC 6901 escaping of one pointer segment. */
function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
