/**
 * A self-contained SVG of a state machine: shapes, routes and labels from
 * {@link layoutGraph}, styles inline, no external fonts or images. With
 * `statuses` each state is coloured and badged by what happened to it.
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import { type GraphLayout, layoutGraph, type PlacedEdge, type PlacedNode, type Point } from "../layout/layout.js";
import { type StateStatus, statusStyles } from "../status.js";
import { escapeXml } from "./escape.js";
import { svgStyleSheet } from "./svg-style.js";

/** Options of {@link renderSvg}. */
export interface SvgOptions {
  /** State name → outcome; states not listed are drawn as not run. Omit to draw by state type. */
  readonly statuses?: Readonly<Record<string, StateStatus>>;
  /** Text of the SVG's `<title>`. @default the definition's Comment, or "State machine" */
  readonly title?: string;
  /** Prefix of the ids inside the SVG, to keep two drawings on one page apart. @default "sfn" */
  readonly idPrefix?: string;
  /** Adds the `sfn-interactive` class and `tabindex` so a page script can select states. @default false */
  readonly interactive?: boolean;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)} ${round(p.y)}`).join("");
}

function statusOf(placed: PlacedNode, options: SvgOptions): StateStatus | undefined {
  if (options.statuses === undefined || placed.node.stateName === undefined) return undefined;
  return options.statuses[placed.node.stateName] ?? "notRun";
}

function badge(status: StateStatus | undefined, cx: number, cy: number): string {
  if (status === undefined || status === "notRun") return "";
  const style = statusStyles[status];
  return `<g class="sfn-badge" transform="translate(${round(cx)} ${round(cy)})"><circle r="9" fill="${style.badge}"/><path class="sfn-badge-icon" d="${style.icon}"/></g>`;
}

function stateAttributes(placed: PlacedNode, status: StateStatus | undefined, options: SvgOptions, classes: string[]): string {
  const node = placed.node;
  if (status !== undefined) classes.push(`sfn-status-${status}`);
  const name = node.stateName ?? node.label;
  const tab = options.interactive === true ? ` tabindex="0" role="button"` : "";
  const statusAttr = status === undefined ? "" : ` data-status="${status}"`;
  return `class="${classes.join(" ")}" data-state="${escapeXml(name)}" data-node-id="${node.id}"${statusAttr}${tab}`;
}

function tooltip(placed: PlacedNode, status: StateStatus | undefined): string {
  const node = placed.node;
  const parts = [node.label, node.caption ?? node.stateType ?? ""];
  if (node.retries === true) parts.push("has Retry");
  if (status !== undefined) parts.push(statusStyles[status].label);
  return `<title>${escapeXml(parts.filter((p) => p !== "").join(" · "))}</title>`;
}

function renderGroup(placed: PlacedNode, options: SvgOptions): string {
  const { node, x, y, width, height } = placed;
  if (node.role === "branch") {
    return `<g class="sfn-node sfn-branch" data-node-id="${node.id}"><rect class="sfn-box" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="6"/><text class="sfn-group-caption" x="${round(x + 8)}" y="${round(y + 18)}">${escapeXml(node.label)}</text></g>`;
  }
  const status = statusOf(placed, options);
  const classes = ["sfn-node", "sfn-state", "sfn-group", `sfn-type-${(node.stateType ?? "").toLowerCase()}`];
  return `<g ${stateAttributes(placed, status, options, classes)}>${tooltip(placed, status)}<rect class="sfn-box" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="8"/><text class="sfn-group-title" x="${round(x + 10)}" y="${round(y + 19)}">${escapeXml(node.label)}<tspan class="sfn-group-caption" dx="6">${escapeXml(node.stateType ?? "")}</tspan></text>${badge(status, x + width - 15, y + 15)}</g>`;
}

function renderLeaf(placed: PlacedNode, options: SvgOptions): string {
  const { node, x, y, width, height } = placed;
  if (node.role === "start") {
    return `<circle class="sfn-marker-start" data-node-id="${node.id}" cx="${round(x + width / 2)}" cy="${round(y + height / 2)}" r="${round(width / 2)}"><title>start</title></circle>`;
  }
  if (node.role === "end") {
    const cx = round(x + width / 2);
    const cy = round(y + height / 2);
    return `<g data-node-id="${node.id}"><title>end</title><circle class="sfn-marker-end-ring" cx="${cx}" cy="${cy}" r="${round(width / 2 - 0.75)}"/><circle class="sfn-marker-end" cx="${cx}" cy="${cy}" r="${round(width / 2 - 4)}"/></g>`;
  }
  const status = statusOf(placed, options);
  const classes = ["sfn-node", "sfn-state", `sfn-type-${(node.stateType ?? "").toLowerCase()}`];
  const retry = node.retries === true ? `<tspan class="sfn-retry-mark" dx="6">↻</tspan>` : "";
  return `<g ${stateAttributes(placed, status, options, classes)}>${tooltip(placed, status)}<rect class="sfn-box" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="${node.stateType === "Choice" ? 16 : 7}"/><rect class="sfn-stripe" x="${round(x + 1)}" y="${round(y + 8)}" width="4" height="${round(height - 16)}" rx="2"/><text class="sfn-name" x="${round(x + 14)}" y="${round(y + 20)}">${escapeXml(node.label)}</text><text class="sfn-caption" x="${round(x + 14)}" y="${round(y + 35)}">${escapeXml(node.caption ?? "")}${retry}</text>${badge(status, x + width - 16, y + height / 2)}</g>`;
}

function renderEdge(placed: PlacedEdge, prefix: string, idle: boolean): string {
  const { edge, points, label } = placed;
  if (points.length < 2) return "";
  const catchEdge = edge.kind === "catch";
  const classes = ["sfn-edge", `sfn-edge-${edge.kind}`, ...(idle ? ["sfn-edge-idle"] : [])].join(" ");
  const marker = `url(#${prefix}-arrow${catchEdge ? "-catch" : ""})`;
  const title = edge.label === undefined ? "" : `<title>${escapeXml(catchEdge ? `catch ${edge.label}` : edge.label)}</title>`;
  const path = `<path class="${classes}" d="${pathData(points)}" marker-end="${marker}"/>`;
  const text =
    label === undefined
      ? ""
      : `<rect class="sfn-edge-label-bg" x="${round(label.x)}" y="${round(label.y)}" width="${round(label.width)}" height="${round(label.height)}" rx="3"/><text class="sfn-edge-label${catchEdge ? " sfn-edge-label-catch" : ""}" x="${round(label.x + 4)}" y="${round(label.y + label.height - 4)}">${escapeXml(label.text)}</text>`;
  return `<g class="sfn-edge-group" data-from="${edge.from}" data-to="${edge.to}">${title}${path}${text}</g>`;
}

/** Draws an existing layout; see {@link renderSvg}. */
export function renderLayoutSvg(layout: GraphLayout, options: SvgOptions = {}): string {
  const prefix = options.idPrefix ?? "sfn";
  const statusByNode = new Map(layout.nodes.map((placed) => [placed.node.id, statusOf(placed, options)]));
  const isIdle = (id: string): boolean => statusByNode.get(id) === "notRun";
  const compound = (placed: PlacedNode): boolean =>
    placed.node.role === "branch" || placed.node.stateType === "Parallel" || placed.node.stateType === "Map";
  const title = options.title ?? "State machine";
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const arrow = (id: string, cls: string): string =>
    `<marker id="${prefix}-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="${cls}" d="M0 0L10 5L0 10z"/></marker>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sfn-graph${options.interactive === true ? " sfn-interactive" : ""}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${svgStyleSheet()}</style>`,
    `<defs>${arrow("arrow", "sfn-arrow")}${arrow("arrow-catch", "sfn-arrow-catch")}</defs>`,
    `<g class="sfn-groups">${layout.nodes.filter(compound).map((n) => renderGroup(n, options)).join("")}</g>`,
    `<g class="sfn-edges">${layout.edges.map((e) => renderEdge(e, prefix, isIdle(e.edge.from) || isIdle(e.edge.to))).join("")}</g>`,
    `<g class="sfn-nodes">${layout.nodes.filter((n) => !compound(n)).map((n) => renderLeaf(n, options)).join("")}</g>`,
    "</svg>",
  ].join("\n");
}

/**
 * Renders a definition as one self-contained SVG document: states with
 * their type (and Task service), Choice conditions and Catch error names on
 * the edges, Parallel and Map as boxes around their states, start and end
 * markers. Pass `statuses` to show an execution's outcome per state.
 */
export async function renderSvg(definition: StateMachineDefinition, options: SvgOptions = {}): Promise<string> {
  const layout = await layoutGraph(definition);
  return renderLayoutSvg(layout, { ...options, title: options.title ?? definition.Comment ?? "State machine" });
}
