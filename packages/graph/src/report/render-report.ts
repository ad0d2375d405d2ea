/**
 * The execution viewer: one self-contained HTML file showing the state
 * machine with each state's outcome, the details of every state (input,
 * output, error, retries, timings) on click, and the history as a timeline.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-view-execution-details.html
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { StateMachineDefinition } from "@statecraft/asl";
import { analyzeExecution } from "../history/analyze.js";
import type { ExecutionRecord } from "../history/events.js";
import { statusesOf } from "../history/summary.js";
import type { ExecutionView } from "../history/view.js";
import { layoutGraph } from "../layout/layout.js";
import { stateStatuses, statusStyles } from "../status.js";
import { escapeXml as esc } from "../svg/escape.js";
import { renderLayoutSvg } from "../svg/render-svg.js";
import { viewerScript } from "./client.js";
import { renderDetails } from "./details.js";
import { formatDuration } from "./format.js";
import { type PageParts, renderPage } from "./page.js";
import { renderTimeline } from "./timeline.js";

/** Options of {@link renderReportHtml}. */
export interface ReportOptions {
  /** Page title. @default "Execution <name>" from the ARN, or "Execution" */
  readonly title?: string;
  /** A link before the title (the local API's `/ui` links back to the state machine). */
  readonly backLink?: PageParts["backLink"];
  /** Reload every N seconds, for a running execution. */
  readonly refreshSeconds?: number;
}

/** The legend of status colours under the graph. */
export function renderLegend(): string {
  return `<div class="sfn-legend">${stateStatuses.map((s) => `<span data-status="${s}">${esc(statusStyles[s].label)}</span>`).join("")}</div>`;
}

function executionName(view: ExecutionView): string | undefined {
  return view.executionArn?.split(":").at(-1);
}

function subtitle(view: ExecutionView, definition: StateMachineDefinition): string {
  const parts = [
    `<span class="sfn-sub" data-field="execution-status">${view.status}</span>`,
    view.durationMs === undefined ? "" : `<span class="sfn-sub">${formatDuration(view.durationMs)}</span>`,
    `<span class="sfn-sub">started ${esc(view.startedAt)}</span>`,
    definition.Comment === undefined ? "" : `<span class="sfn-sub">${esc(definition.Comment)}</span>`,
  ];
  return parts.join("");
}

/**
 * Renders the viewer for an execution of `definition`. `result` is the
 * engine's `ExecutionResult` (or any record with an AWS-shaped `history`).
 * The page needs no network: CSS, script and SVG are inline.
 */
export async function renderReportHtml(definition: StateMachineDefinition, result: ExecutionRecord, options: ReportOptions = {}): Promise<string> {
  const view = analyzeExecution(result);
  const layout = await layoutGraph(definition);
  const name = executionName(view);
  const title = options.title ?? (name === undefined ? "Execution" : `Execution ${name}`);
  const svg = renderLayoutSvg(layout, { statuses: statusesOf(view.states), interactive: true, title: definition.Comment ?? title });
  const body = `<main class="sfn-layout">
<section class="sfn-card sfn-graph-pane" aria-label="State machine">${svg}${renderLegend()}</section>
<aside class="sfn-card" id="sfn-panel" aria-live="polite">${renderDetails(view, layout.model)}</aside>
</main>
<section class="sfn-card sfn-timeline" aria-label="Timeline"><h2>Timeline</h2>${renderTimeline(view)}</section>
<footer class="sfn-footer">Made by Statecraft from the execution history (${view.events.length} events).</footer>`;
  return renderPage({
    title,
    subtitle: subtitle(view, definition),
    body,
    script: viewerScript(),
    ...(options.backLink === undefined ? {} : { backLink: options.backLink }),
    ...(options.refreshSeconds === undefined ? {} : { refreshSeconds: options.refreshSeconds }),
  });
}

/**
 * Writes the viewer of an execution to `file` (directories created) and
 * returns the absolute path.
 */
export async function writeReport(file: string, definition: StateMachineDefinition, result: ExecutionRecord, options: ReportOptions = {}): Promise<string> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await renderReportHtml(definition, result, options), "utf8");
  return path;
}
