/**
 * Mermaid flowchart text for a state machine. The text is stable (definition
 * order, no timestamps), so it can be compared with a golden file.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html
 * @see https://states-language.net/spec.html
 */
import type { StateMachineDefinition, StateType } from "@statecraft/asl";
import { buildGraphModel, type GraphEdge, type GraphModel, type GraphNode } from "./model/graph-model.js";

/** Mermaid shape brackets for each state type. */
const shapes: Readonly<Record<StateType, readonly [string, string]>> = {
  Task: ["[", "]"],
  Pass: ["(", ")"],
  Wait: ["{{", "}}"],
  Choice: ["{", "}"],
  Succeed: ["([", "])"],
  Fail: ["[[", "]]"],
  Parallel: ["[", "]"],
  Map: ["[", "]"],
};

/** Fill and stroke per class; every state type and the two markers get one. */
const classDefs: readonly string[] = [
  "classDef marker fill:#1f2937,stroke:#1f2937,color:#ffffff",
  "classDef task fill:#e0ecff,stroke:#3b6fd8,color:#0f1f3d",
  "classDef pass fill:#eef2f6,stroke:#7b8794,color:#1f2933",
  "classDef wait fill:#f3e8ff,stroke:#8b5cf6,color:#2e1065",
  "classDef choice fill:#fff6d6,stroke:#c9a227,color:#3d3000",
  "classDef succeed fill:#ddf6e4,stroke:#2f9e55,color:#0b3d1c",
  "classDef fail fill:#fde2e2,stroke:#d64545,color:#4a0d0d",
  "classDef group fill:#fafbfc,stroke:#9aa5b1,color:#1f2933",
];

/** Escapes text for a quoted Mermaid label (`"…"`): entity codes for quotes and HTML-special characters. */
export function escapeMermaidLabel(text: string): string {
  return text
    .replaceAll("#", "#35;")
    .replaceAll('"', "#quot;")
    .replaceAll("<", "#lt;")
    .replaceAll(">", "#gt;")
    .replaceAll("\n", " ");
}

function nodeClass(node: GraphNode): string {
  if (node.role === "start" || node.role === "end") return "marker";
  if (node.role === "branch" || node.stateType === "Parallel" || node.stateType === "Map") return "group";
  return (node.stateType ?? "task").toLowerCase();
}

function nodeLine(node: GraphNode): string {
  if (node.role === "start") return `${node.id}(("start"))`;
  if (node.role === "end") return `${node.id}((("end")))`;
  const [open, close] = shapes[node.stateType ?? "Task"];
  return `${node.id}${open}"${escapeMermaidLabel(node.label)}"${close}`;
}

function isCompound(node: GraphNode): boolean {
  return node.role === "branch" || node.stateType === "Parallel" || node.stateType === "Map";
}

function subgraphTitle(node: GraphNode): string {
  return node.role === "branch" ? node.label : `${node.label} (${node.stateType})`;
}

function edgeLine(edge: GraphEdge): string {
  const arrow = edge.kind === "catch" ? "-.->" : "-->";
  const label = edge.label === undefined ? "" : `|"${escapeMermaidLabel(edge.kind === "catch" ? `catch ${edge.label}` : edge.label)}"|`;
  return `${edge.from} ${arrow}${label} ${edge.to}`;
}

/** Renders the node tree: compound nodes become (nested) subgraphs. */
function renderNodes(model: GraphModel): string[] {
  const children = new Map<string | undefined, GraphNode[]>();
  for (const node of model.nodes) {
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  const lines: string[] = [];
  const visit = (parent: string | undefined, indent: string): void => {
    for (const node of children.get(parent) ?? []) {
      if (isCompound(node)) {
        lines.push(`${indent}subgraph ${node.id}["${escapeMermaidLabel(subgraphTitle(node))}"]`);
        lines.push(`${indent}  direction TB`);
        visit(node.id, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${nodeLine(node)}`);
      }
    }
  };
  visit(undefined, "  ");
  return lines;
}

/** The `classDef` and `class a,b name` lines of the classes in use, in a fixed order. */
function classLines(model: GraphModel): string[] {
  const byClass = new Map<string, string[]>();
  for (const node of model.nodes) {
    const name = nodeClass(node);
    const ids = byClass.get(name);
    if (ids === undefined) byClass.set(name, [node.id]);
    else ids.push(node.id);
  }
  const used = classDefs.filter((def) => byClass.has(def.split(" ")[1] ?? ""));
  return [
    ...used.map((def) => `  ${def}`),
    ...used.map((def) => def.split(" ")[1] ?? "").map((name) => `  class ${(byClass.get(name) ?? []).join(",")} ${name}`),
  ];
}

/**
 * Mermaid `flowchart TD` text for a definition: one node per state (shape by
 * type), Choice edges labelled with their conditions (and `default`), Catch
 * edges dashed and labelled with their error names, Parallel branches and Map
 * processors as nested subgraphs, and start/end markers in every scope.
 *
 * Nodes are declared first (inside their subgraphs), edges after, so Mermaid
 * never moves a node into the wrong subgraph.
 */
export function renderMermaid(definition: StateMachineDefinition): string {
  const model = buildGraphModel(definition);
  const lines = [
    "flowchart TD",
    ...renderNodes(model),
    ...model.edges.map((edge) => `  ${edgeLine(edge)}`),
    ...classLines(model),
  ];
  return `${lines.join("\n")}\n`;
}
