/**
 * The viewer's side panel, rendered on the server: one section per state
 * (hidden until the state is selected) and one for the execution as a whole.
 * Each visit shows its timings, retries (task attempts), error, input and output.
 */
import type { AttemptView, ExecutionView, VisitView } from "../history/view.js";
import type { GraphModel } from "../model/graph-model.js";
import { type StateStatus, statusStyles } from "../status.js";
import { escapeXml as esc } from "../svg/escape.js";
import { formatDuration, formatOffset, prettyJson } from "./format.js";

/** Visits listed per state; a Map state's inner states can run thousands of times. */
export const maxVisitsShown = 50;

function pill(status: StateStatus): string {
  const style = statusStyles[status];
  return `<span class="sfn-pill" data-status="${status}" style="--pill:${style.badge}">${esc(style.symbol)} ${esc(style.label)}</span>`;
}

function executionPill(status: ExecutionView["status"]): string {
  const map: Record<ExecutionView["status"], StateStatus> = {
    SUCCEEDED: "succeeded",
    FAILED: "failed",
    TIMED_OUT: "failed",
    ABORTED: "aborted",
    RUNNING: "running",
  };
  const style = statusStyles[map[status]];
  return `<span class="sfn-pill" data-status="${map[status]}" style="--pill:${style.badge}">${esc(style.symbol)} ${status}</span>`;
}

function jsonBlock(title: string, field: string, text: string | undefined): string {
  if (text === undefined) return "";
  return `<h4>${title}</h4><pre class="sfn-json" data-field="${field}">${esc(prettyJson(text))}</pre>`;
}

/** A Lambda error cause, `{"errorType","errorMessage","trace"}`: its message, with the rest kept for a fold-out. */
function lambdaCause(cause: string): { message: string } | undefined {
  try {
    const parsed = JSON.parse(cause) as unknown;
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as Record<string, unknown>).errorMessage === "string") {
      return { message: (parsed as Record<string, string>).errorMessage ?? "" };
    }
  } catch {
    // a plain-text cause
  }
  return undefined;
}

function errorBlock(error: string | undefined, cause: string | undefined): string {
  if (error === undefined && cause === undefined) return "";
  const lambda = cause === undefined ? undefined : lambdaCause(cause);
  const causeHtml =
    cause === undefined
      ? ""
      : lambda === undefined
        ? `<pre class="sfn-error-cause" data-field="cause">${esc(prettyJson(cause))}</pre>`
        : `<pre class="sfn-error-cause" data-field="cause">${esc(lambda.message)}</pre><details class="sfn-error-raw"><summary>full cause (error type, trace)</summary><pre class="sfn-error-cause">${esc(
            prettyJson(cause),
          )}</pre></details>`;
  return `<div class="sfn-error"><div class="sfn-error-name" data-field="error">${esc(error ?? "(no error name)")}</div>${causeHtml}</div>`;
}

function attemptRow(attempt: AttemptView, index: number): string {
  const begin = attempt.startedMs ?? attempt.scheduledMs;
  const took = begin !== undefined && attempt.endedMs !== undefined ? formatDuration(attempt.endedMs - begin) : "–";
  const cause = attempt.cause === undefined ? undefined : (lambdaCause(attempt.cause)?.message ?? attempt.cause);
  const what = attempt.error === undefined ? "" : `${attempt.error}${cause === undefined ? "" : `: ${cause}`}`;
  return `<tr data-outcome="${attempt.outcome}"><td>${index + 1}</td><td>${attempt.outcome}</td><td>${
    begin === undefined ? "–" : formatOffset(begin)
  }</td><td>${took}</td><td class="sfn-attempt-error" title="${esc(what)}">${esc(what)}</td></tr>`;
}

function attemptsTable(visit: VisitView): string {
  if (visit.attempts.length === 0) return "";
  const caption = visit.retries === 0 ? "1 attempt" : `${visit.attempts.length} attempts (${visit.retries} ${visit.retries === 1 ? "retry" : "retries"})`;
  return `<h4>${caption}</h4><table class="sfn-attempts" data-field="attempts"><thead><tr><th>#</th><th>outcome</th><th>start</th><th>took</th><th>error</th></tr></thead><tbody>${visit.attempts
    .map(attemptRow)
    .join("")}</tbody></table>`;
}

function visitBlock(visit: VisitView, number: number): string {
  const item = visit.mapItem === undefined ? "" : ` · item ${visit.mapItem}`;
  const timing = [
    `<dt>entered</dt><dd>${formatOffset(visit.enteredMs)}</dd>`,
    visit.exitedMs === undefined ? "" : `<dt>left</dt><dd>${formatOffset(visit.exitedMs)}</dd>`,
    visit.durationMs === undefined ? "" : `<dt>took</dt><dd data-field="duration">${formatDuration(visit.durationMs)}</dd>`,
    `<dt>outcome</dt><dd data-field="outcome">${visit.outcome}</dd>`,
  ].join("");
  return `<article class="sfn-visit" data-visit="${visit.index}" data-outcome="${visit.outcome}"><h3>Visit ${number}${item}</h3><dl class="sfn-facts">${timing}</dl>${errorBlock(
    visit.error,
    visit.cause,
  )}${attemptsTable(visit)}${jsonBlock("Input", "input", visit.input)}${jsonBlock("Output", "output", visit.output)}</article>`;
}

function stateSection(view: ExecutionView, name: string, caption: string): string {
  const summary = view.states[name];
  const status = summary?.status ?? "notRun";
  const visits = (summary?.visits ?? []).map((i) => view.visits[i]).filter((v): v is VisitView => v !== undefined);
  const shown = visits.slice(0, maxVisitsShown);
  const more = visits.length > shown.length ? `<p class="sfn-note">Showing the first ${shown.length} of ${visits.length} visits.</p>` : "";
  const body =
    visits.length === 0
      ? `<p class="sfn-note">This state did not run in this execution.</p>`
      : `${visits.length > 1 ? `<p class="sfn-note">${visits.length} visits, ${summary?.retries ?? 0} retries in all.</p>` : ""}${shown
          .map((visit, i) => visitBlock(visit, i + 1))
          .join("")}${more}`;
  return `<section class="sfn-details" data-details-for="${esc(name)}" hidden><h2><span class="sfn-details-name">${esc(name)}</span> ${pill(
    status,
  )}</h2><p class="sfn-caption-line">${esc(caption)}</p>${body}</section>`;
}

/** The execution overview shown when no state is selected. */
function executionSection(view: ExecutionView): string {
  const facts = [
    view.executionArn === undefined ? "" : `<dt>execution</dt><dd class="sfn-arn">${esc(view.executionArn)}</dd>`,
    `<dt>started</dt><dd>${esc(view.startedAt)}</dd>`,
    view.stoppedAt === undefined ? "" : `<dt>stopped</dt><dd>${esc(view.stoppedAt)}</dd>`,
    view.durationMs === undefined ? "" : `<dt>took</dt><dd>${formatDuration(view.durationMs)}</dd>`,
    `<dt>states run</dt><dd>${Object.keys(view.states).length} states, ${view.visits.length} visits</dd>`,
  ].join("");
  return `<section class="sfn-details" data-details-for="" ><h2>Execution ${executionPill(view.status)}</h2><p class="sfn-note">Click a state in the graph or the timeline to see its input, output, error and retries.</p><dl class="sfn-facts">${facts}</dl>${errorBlock(
    view.error,
    view.cause,
  )}${jsonBlock("Input", "input", view.input)}${jsonBlock("Output", "output", view.output)}</section>`;
}

/** All detail sections: the execution first (shown), then every state of the definition (hidden). */
export function renderDetails(view: ExecutionView, model: GraphModel): string {
  const states = model.nodes.filter((node) => node.role === "state" && node.stateName !== undefined);
  return [executionSection(view), ...states.map((node) => stateSection(view, node.stateName ?? "", node.caption ?? ""))].join("\n");
}
