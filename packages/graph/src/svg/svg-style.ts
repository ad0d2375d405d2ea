import type { StateType } from "@statecraft/asl";
import { type StateStatus, stateStatuses, statusStyles } from "../status.js";

/** Fill and stroke per state type, for drawings without an execution. */
export const typeColours: Readonly<Record<StateType, { fill: string; stroke: string }>> = {
  Task: { fill: "#e0ecff", stroke: "#3b6fd8" },
  Pass: { fill: "#eef2f6", stroke: "#7b8794" },
  Wait: { fill: "#f3e8ff", stroke: "#8b5cf6" },
  Choice: { fill: "#fff6d6", stroke: "#c9a227" },
  Succeed: { fill: "#ddf6e4", stroke: "#2f9e55" },
  Fail: { fill: "#fde2e2", stroke: "#d64545" },
  Parallel: { fill: "#fafbfc", stroke: "#9aa5b1" },
  Map: { fill: "#fafbfc", stroke: "#9aa5b1" },
};

const font = `system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif`;

function statusRules(status: StateStatus): string {
  const style = statusStyles[status];
  const cls = `.sfn-status-${status}`;
  return `${cls} > .sfn-box { fill: ${style.fill}; stroke: ${style.stroke}; }
${cls} > .sfn-stripe { fill: ${style.stroke}; }
${cls}.sfn-group > .sfn-box { fill: ${style.fill}; fill-opacity: 0.35; }`;
}

/** The stylesheet inside every SVG (scoped by the `sfn-` class prefix). */
export function svgStyleSheet(): string {
  const types = Object.entries(typeColours)
    .map(([type, c]) => `.sfn-type-${type.toLowerCase()} > .sfn-box { fill: ${c.fill}; stroke: ${c.stroke}; }
.sfn-type-${type.toLowerCase()} > .sfn-stripe { fill: ${c.stroke}; }`)
    .join("\n");
  return `
.sfn-graph { font-family: ${font}; }
.sfn-graph text { fill: #1f2933; }
.sfn-box { stroke-width: 1.5; }
.sfn-name { font-size: 13px; font-weight: 600; }
.sfn-caption { font-size: 10px; fill: #52606d; }
.sfn-group-title { font-size: 12px; font-weight: 600; }
.sfn-group-caption { font-size: 10px; fill: #52606d; }
.sfn-branch > .sfn-box { fill: none; stroke: #b6bec8; stroke-dasharray: 4 3; }
.sfn-marker-start { fill: #1f2933; }
.sfn-marker-end { fill: #1f2933; stroke: #ffffff; stroke-width: 2; }
.sfn-marker-end-ring { fill: none; stroke: #1f2933; stroke-width: 1.5; }
.sfn-edge { fill: none; stroke: #6b7480; stroke-width: 1.4; }
.sfn-edge-catch { stroke: #d9801a; stroke-dasharray: 5 4; }
.sfn-edge-label { font-size: 11px; fill: #3e4c59; }
.sfn-edge-label-catch { fill: #a3590c; }
.sfn-edge-label-bg { fill: #ffffff; fill-opacity: 0.9; }
.sfn-arrow { fill: #6b7480; }
.sfn-arrow-catch { fill: #d9801a; }
.sfn-badge-icon { fill: none; stroke: #ffffff; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.sfn-status-aborted .sfn-badge-icon { fill: #ffffff; }
.sfn-status-running .sfn-badge-icon { stroke-width: 2.6; }
.sfn-retry-mark { font-size: 10px; fill: #2f76c0; }
${types}
${stateStatuses.map(statusRules).join("\n")}
.sfn-status-notRun > .sfn-box { stroke-dasharray: 4 3; }
.sfn-status-notRun > text, .sfn-status-notRun > .sfn-group-title { fill: #8a949e; }
.sfn-edge-idle { stroke: #c3c9d0; }
.sfn-node.sfn-selected > .sfn-box { stroke-width: 3; stroke: #111827; }
.sfn-interactive .sfn-state { cursor: pointer; }
.sfn-interactive .sfn-state:focus { outline: none; }
.sfn-interactive .sfn-state:focus-visible > .sfn-box { stroke-width: 3; }
`;
}
