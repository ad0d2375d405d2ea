/**
 * The timeline under the graph: one bar per state visit on a shared time
 * axis (task attempts marked inside), then the full event list.
 */
import type { EventView, ExecutionView, VisitView } from "../history/view.js";
import { type StateStatus, statusStyles } from "../status.js";
import { escapeXml as esc } from "../svg/escape.js";
import { formatDuration, formatOffset } from "./format.js";

/** Rows drawn at most; later visits are summarized in a note. */
export const maxTimelineRows = 500;

const outcomeStatus: Record<VisitView["outcome"], StateStatus> = {
  succeeded: "succeeded",
  caught: "caught",
  failed: "failed",
  running: "running",
  aborted: "aborted",
};

function pct(ms: number, total: number): string {
  return `${((100 * Math.max(0, ms)) / total).toFixed(3)}%`;
}

function visitRow(visit: VisitView, total: number, end: number): string {
  const status = visit.outcome === "succeeded" && visit.retries > 0 ? "retried" : outcomeStatus[visit.outcome];
  const style = statusStyles[status];
  const stop = visit.exitedMs ?? end;
  const ticks = visit.attempts
    .slice(1)
    .map((a) => a.scheduledMs ?? a.startedMs)
    .filter((ms): ms is number => ms !== undefined)
    .map((ms) => `<span class="sfn-tick" style="left:${pct(ms - visit.enteredMs, Math.max(1, stop - visit.enteredMs))}" title="retry at ${formatOffset(ms)}"></span>`)
    .join("");
  const label = `${visit.name}${visit.mapItem === undefined ? "" : ` [${visit.mapItem}]`}`;
  const took = visit.durationMs === undefined ? visit.outcome : formatDuration(visit.durationMs);
  return `<div class="sfn-row" data-state="${esc(visit.name)}" data-visit="${visit.index}" data-outcome="${visit.outcome}" tabindex="0" role="button"><span class="sfn-row-label" title="${esc(label)}">${esc(
    label,
  )}</span><span class="sfn-row-track"><span class="sfn-bar" style="left:${pct(visit.enteredMs, total)};width:max(3px, ${pct(stop - visit.enteredMs, total)});--bar:${style.badge}" title="${esc(
    `${label}: ${style.label}, ${formatOffset(visit.enteredMs)} → ${visit.exitedMs === undefined ? "not left" : formatOffset(visit.exitedMs)}`,
  )}">${ticks}</span></span><span class="sfn-row-took">${esc(took)}</span></div>`;
}

/** A short description of an event's details for the event list. */
function eventSummary(event: EventView): string {
  const d = event.details ?? {};
  const pick = (key: string): string | undefined => (typeof d[key] === "string" ? (d[key] as string) : undefined);
  const error = pick("error");
  if (error !== undefined) return `${error}${pick("cause") === undefined ? "" : `: ${pick("cause")}`}`;
  if (typeof d.index === "number") return `item ${d.index}`;
  return pick("resource") ?? "";
}

function eventRow(event: EventView): string {
  const visit = event.visit === undefined ? "" : ` data-visit="${event.visit}" data-state="${esc(event.stateName ?? "")}"`;
  const summary = eventSummary(event);
  return `<tr${visit}><td>${event.id}</td><td>${event.previousEventId}</td><td>${formatOffset(event.offsetMs)}</td><td>${esc(event.type)}</td><td>${esc(
    event.stateName ?? "",
  )}</td><td class="sfn-event-detail" title="${esc(summary)}">${esc(summary)}</td></tr>`;
}

/** The timeline section's inner HTML. */
export function renderTimeline(view: ExecutionView): string {
  const end = Math.max(view.durationMs ?? 0, ...view.events.map((e) => e.offsetMs), 1);
  const rows = [...view.visits].sort((a, b) => a.enteredMs - b.enteredMs || a.index - b.index);
  const shown = rows.slice(0, maxTimelineRows);
  const note = rows.length > shown.length ? `<p class="sfn-note">Showing the first ${shown.length} of ${rows.length} visits.</p>` : "";
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<span style="left:${(f * 100).toFixed(0)}%">${formatOffset(f * end)}</span>`)
    .join("");
  return `<div class="sfn-gantt"><div class="sfn-axis"><span class="sfn-row-label"></span><span class="sfn-axis-track">${axis}</span><span class="sfn-row-took"></span></div>${shown
    .map((v) => visitRow(v, end, end))
    .join("")}</div>${note}<details class="sfn-events"><summary>History: ${view.events.length} events</summary><table><thead><tr><th>id</th><th>prev</th><th>time</th><th>type</th><th>state</th><th>detail</th></tr></thead><tbody>${view.events
    .map(eventRow)
    .join("")}</tbody></table></details>`;
}
