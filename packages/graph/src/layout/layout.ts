/**
 * Places the nodes and routes the edges of a state machine drawing with ELK's
 * layered algorithm. Parallel and Map states are compound nodes; with
 * `INCLUDE_CHILDREN` the whole hierarchy is laid out in one pass so edges may
 * enter and leave the boxes.
 *
 * @see https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 * @see https://eclipse.dev/elk/reference/options/org-eclipse-elk-hierarchyHandling.html
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import ElkModule from "elkjs";
import type { ElkExtendedEdge, ElkNode } from "elkjs";
import { buildGraphModel, type GraphEdge, type GraphModel, type GraphNode } from "../model/graph-model.js";
import { textWidth, truncate } from "./text-width.js";

// Under NodeNext the CommonJS default export arrives as `.default` (see toolchain notes on elkjs).
const ELK = ElkModule.default;

/** Sizes used for nodes, labels and spacing, in pixels. */
export const layoutMetrics = {
  nameFontSize: 13,
  groupTitleFontSize: 12,
  typeFontSize: 10,
  edgeLabelFontSize: 11,
  stateHeight: 46,
  stateMinWidth: 120,
  /** Room left of the name for the type stripe and right of it for the status badge. */
  stateTextPadding: 50,
  startSize: 18,
  endSize: 24,
  groupHeaderHeight: 30,
  groupPadding: 14,
  edgeLabelHeight: 16,
  /** Longest edge label drawn; the full text stays in a tooltip. */
  edgeLabelMaxChars: 44,
} as const;

/** A node with its absolute position. */
export interface PlacedNode {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point of an edge's route, absolute. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An edge with its absolute route and label box. */
export interface PlacedEdge {
  readonly edge: GraphEdge;
  readonly points: readonly Point[];
  /** The drawn (possibly shortened) label and where it goes. */
  readonly label?: { readonly text: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** A whole laid-out drawing. Nodes keep the model's order (parents before children). */
export interface GraphLayout {
  readonly model: GraphModel;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

function isCompound(node: GraphNode): boolean {
  return node.role === "branch" || node.stateType === "Parallel" || node.stateType === "Map";
}

function leafSize(node: GraphNode): { width: number; height: number } {
  if (node.role === "start") return { width: layoutMetrics.startSize, height: layoutMetrics.startSize };
  if (node.role === "end") return { width: layoutMetrics.endSize, height: layoutMetrics.endSize };
  const width = Math.max(
    layoutMetrics.stateMinWidth,
    textWidth(node.label, layoutMetrics.nameFontSize, true) + layoutMetrics.stateTextPadding,
    textWidth(captionText(node), layoutMetrics.typeFontSize) + layoutMetrics.stateTextPadding,
  );
  return { width, height: layoutMetrics.stateHeight };
}

/** The caption line of a state as drawn: type and service, and a retry mark when the state has `Retry`. */
export function captionText(node: GraphNode): string {
  return `${node.caption ?? ""}${node.retries === true ? "  ↻" : ""}`;
}

function edgeLabelText(edge: GraphEdge): string | undefined {
  if (edge.label === undefined) return undefined;
  return truncate(edge.kind === "catch" ? `catch ${edge.label}` : edge.label, layoutMetrics.edgeLabelMaxChars);
}

/** Width a compound node's title row needs: name, type and status badge. */
function titleWidth(node: GraphNode): number {
  if (node.role === "branch") return textWidth(node.label, layoutMetrics.typeFontSize) + 16;
  return (
    textWidth(node.label, layoutMetrics.groupTitleFontSize, true) + textWidth(node.stateType ?? "", layoutMetrics.typeFontSize) + 54
  );
}

/**
 * Side padding per compound node, so that the box is at least as wide as
 * its title: ELK sizes compound boxes from their content alone (a minimum
 * size is ignored with INCLUDE_CHILDREN), so the padding makes up the
 * difference against a lower bound of the content's width.
 */
function sidePaddings(model: GraphModel): Map<string, number> {
  const children = new Map<string, GraphNode[]>();
  for (const node of model.nodes) {
    if (node.parent === undefined) continue;
    const siblings = children.get(node.parent);
    if (siblings === undefined) children.set(node.parent, [node]);
    else siblings.push(node);
  }
  const paddings = new Map<string, number>();
  const minWidth = (node: GraphNode): number => {
    if (!isCompound(node)) return leafSize(node).width;
    const content = Math.max(0, ...(children.get(node.id) ?? []).map(minWidth));
    const padding = Math.max(layoutMetrics.groupPadding, Math.ceil((titleWidth(node) - content) / 2));
    paddings.set(node.id, padding);
    return content + 2 * padding;
  };
  for (const node of model.nodes) if (node.parent === undefined) minWidth(node);
  return paddings;
}

/** Above this many nodes, node placement favours speed over straight edges. */
const largeGraphNodes = 100;

/** The ELK input graph: the node tree with sizes, and every edge at the root. */
function toElk(model: GraphModel): ElkNode {
  const elkNodes = new Map<string, ElkNode>();
  const paddings = sidePaddings(model);
  const root: ElkNode = {
    id: "__root__",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "34",
      "elk.spacing.nodeNode": "28",
      "elk.spacing.edgeLabel": "3",
      "elk.spacing.edgeNode": "14",
      "elk.layered.spacing.edgeNodeBetweenLayers": "14",
      // Straighter edges; for big machines the faster default placement keeps layout well under a second.
      "elk.layered.nodePlacement.strategy": model.nodes.length > largeGraphNodes ? "BRANDES_KOEPF" : "NETWORK_SIMPLEX",
      "elk.padding": "[top=16,left=16,bottom=16,right=16]",
    },
    children: [],
    edges: [],
  };
  for (const node of model.nodes) {
    const side = paddings.get(node.id) ?? layoutMetrics.groupPadding;
    const top = node.role === "branch" ? layoutMetrics.groupHeaderHeight - 4 : layoutMetrics.groupHeaderHeight;
    const elkNode: ElkNode = isCompound(node)
      ? { id: node.id, children: [], layoutOptions: { "elk.padding": `[top=${top},left=${side},bottom=${layoutMetrics.groupPadding},right=${side}]` } }
      : { id: node.id, ...leafSize(node) };
    elkNodes.set(node.id, elkNode);
    const parent = node.parent === undefined ? root : elkNodes.get(node.parent);
    parent?.children?.push(elkNode);
  }
  root.edges = model.edges.map((edge): ElkExtendedEdge => {
    const text = edgeLabelText(edge);
    if (text === undefined) return { id: edge.id, sources: [edge.from], targets: [edge.to] };
    const width = textWidth(text, layoutMetrics.edgeLabelFontSize) + 8;
    // Inline labels sit on their edge; set per label, as the root option does not reach them.
    const label = { text, width, height: layoutMetrics.edgeLabelHeight, layoutOptions: { "elk.edgeLabels.inline": "true" } };
    return { id: edge.id, sources: [edge.from], targets: [edge.to], labels: [label] };
  });
  return root;
}

/**
 * Lays out a definition (or an already built model). Coordinates in the
 * result are absolute, with the origin at the drawing's top left.
 */
export async function layoutGraph(definition: StateMachineDefinition | GraphModel): Promise<GraphLayout> {
  const model = "nodes" in definition && "edges" in definition && "stateIds" in definition ? definition : buildGraphModel(definition);
  const laidOut = await new ELK().layout(toElk(model));

  // ELK gives child positions relative to their parent, and edge routes relative to their container.
  const origins = new Map<string, Point>([[laidOut.id, { x: 0, y: 0 }]]);
  const boxes = new Map<string, ElkNode>();
  const walk = (node: ElkNode, origin: Point): void => {
    for (const child of node.children ?? []) {
      const at = { x: origin.x + (child.x ?? 0), y: origin.y + (child.y ?? 0) };
      origins.set(child.id, at);
      boxes.set(child.id, child);
      walk(child, at);
    }
  };
  walk(laidOut, { x: 0, y: 0 });

  const nodes = model.nodes.map((node): PlacedNode => {
    const at = origins.get(node.id) ?? { x: 0, y: 0 };
    const box = boxes.get(node.id);
    return { node, x: at.x, y: at.y, width: box?.width ?? 0, height: box?.height ?? 0 };
  });
  const byId = new Map((laidOut.edges ?? []).map((edge) => [edge.id, edge]));
  const edges = model.edges.map((edge): PlacedEdge => {
    const placed = byId.get(edge.id);
    const origin = origins.get(placed?.container ?? laidOut.id) ?? { x: 0, y: 0 };
    const shift = (p: Point): Point => ({ x: p.x + origin.x, y: p.y + origin.y });
    const points = (placed?.sections ?? []).flatMap((section) => [
      shift(section.startPoint),
      ...(section.bendPoints ?? []).map(shift),
      shift(section.endPoint),
    ]);
    const label = placed?.labels?.[0];
    const text = edgeLabelText(edge);
    return {
      edge,
      points,
      ...(label === undefined || text === undefined
        ? {}
        : {
            label: {
              text,
              x: origin.x + (label.x ?? 0),
              y: origin.y + (label.y ?? 0),
              width: label.width ?? 0,
              height: label.height ?? 0,
            },
          }),
    };
  });
  return { model, width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}
