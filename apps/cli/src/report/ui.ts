/**
 * The `/ui` pages of the local API (`sfn serve`): every state machine with
 * its recent executions, a state machine's graph and executions, and the
 * execution viewer for any execution (refreshing while it runs). Mount with
 * `startServer({ extraRoutes: { "/ui": uiRoute } })`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  escapeXml as esc,
  formatDuration,
  GraphDefinitionError,
  layoutGraph,
  parseDrawableDefinition,
  renderLayoutSvg,
  renderPage,
  renderReportHtml,
  type StateStatus,
  statusStyles,
} from "@statecraft/graph";
import { ApiError } from "../serve/errors.js";
import type { ExtraRoute, LocalApi } from "../serve/server.js";
import {
  describeExecution,
  describeStateMachine,
  type ExecutionItem,
  executionRecord,
  listExecutions,
  listLimit,
  listStateMachines,
} from "./ui-data.js";

/** How often a running execution's page reloads. */
const refreshSeconds = 2;
/** Executions listed per state machine on the index page. */
const recentPerMachine = 5;

const statusOfExecution: Record<ExecutionItem["status"], StateStatus> = {
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  TIMED_OUT: "failed",
  ABORTED: "aborted",
  RUNNING: "running",
  PENDING_REDRIVE: "failed",
};

/** A page-level failure with its HTTP status. */
class UiError extends Error {
  override readonly name = "UiError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function pill(status: ExecutionItem["status"]): string {
  const style = statusStyles[statusOfExecution[status]];
  return `<span class="sfn-pill" style="--pill:${style.badge}">${esc(style.symbol)} ${status}</span>`;
}

const machineHref = (arn: string): string => `/ui/state-machine?arn=${encodeURIComponent(arn)}`;
const executionHref = (arn: string): string => `/ui/execution?arn=${encodeURIComponent(arn)}`;
const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

function executionRows(executions: readonly ExecutionItem[]): string {
  if (executions.length === 0) return `<tr><td colspan="4" class="sfn-note">No executions yet.</td></tr>`;
  return executions
    .map((e) => {
      const took = e.stopDate === undefined ? "running" : formatDuration((e.stopDate - e.startDate) * 1000);
      return `<tr><td><a href="${esc(executionHref(e.executionArn))}">${esc(e.name)}</a></td><td>${pill(e.status)}</td><td>${esc(iso(e.startDate))}</td><td>${esc(took)}</td></tr>`;
    })
    .join("");
}

const executionTable = (executions: readonly ExecutionItem[]): string =>
  `<table><thead><tr><th>execution</th><th>status</th><th>started</th><th>took</th></tr></thead><tbody>${executionRows(executions)}</tbody></table>`;

async function indexPage(api: LocalApi): Promise<string> {
  const machines = await listStateMachines(api);
  const blocks = await Promise.all(
    machines.map(async (m) => {
      const recent = m.type === "EXPRESS" ? [] : await listExecutions(api, m.stateMachineArn, recentPerMachine);
      const note = m.type === "EXPRESS" ? `<p class="sfn-note">Express executions are not listed (as on AWS).</p>` : executionTable(recent);
      return `<section class="sfn-card sfn-list" data-state-machine="${esc(m.name)}"><h2><a href="${esc(machineHref(m.stateMachineArn))}">${esc(m.name)}</a> <span class="sfn-note">${esc(m.type)}</span></h2><p class="sfn-note sfn-mono">${esc(m.stateMachineArn)}</p>${note}</section>`;
    }),
  );
  const empty = `<section class="sfn-card sfn-list"><p class="sfn-note">No state machines yet: create one with the SDK, the AWS CLI or <code>sfn deploy</code>.</p></section>`;
  return renderPage({
    title: "State machines",
    subtitle: `<span class="sfn-sub">${machines.length} on this local API</span>`,
    body: machines.length === 0 ? empty : blocks.join("\n"),
  });
}

async function machinePage(api: LocalApi, arn: string): Promise<string> {
  const machine = await describeStateMachine(api, arn);
  let graph: string;
  try {
    const definition = parseDrawableDefinition(JSON.parse(machine.definition) as unknown);
    graph = renderLayoutSvg(await layoutGraph(definition), { title: machine.name });
  } catch (error) {
    if (!(error instanceof GraphDefinitionError) && !(error instanceof SyntaxError)) throw error;
    graph = `<p class="sfn-note">The definition cannot be drawn: ${esc(error.message)}</p>`;
  }
  const executions = machine.type === "EXPRESS" ? [] : await listExecutions(api, arn);
  const more = executions.length >= listLimit ? `<p class="sfn-note">Showing the latest ${listLimit} executions.</p>` : "";
  return renderPage({
    title: machine.name,
    subtitle: `<span class="sfn-sub">${esc(machine.type)}</span><span class="sfn-sub sfn-mono">${esc(machine.stateMachineArn)}</span>`,
    backLink: { href: "/ui", label: "state machines" },
    body: `<main class="sfn-layout" style="grid-template-columns: 1fr"><section class="sfn-card sfn-graph-pane">${graph}</section></main><section class="sfn-card sfn-list"><h2>Executions</h2>${executionTable(executions)}${more}</section>`,
  });
}

async function executionPage(api: LocalApi, arn: string): Promise<string> {
  const execution = await describeExecution(api, arn);
  const machine = await describeStateMachine(api, execution.stateMachineArn);
  const definition = parseDrawableDefinition(JSON.parse(machine.definition) as unknown);
  const record = await executionRecord(api, execution);
  return renderReportHtml(definition, record, {
    title: `${machine.name} · ${execution.name}`,
    backLink: { href: machineHref(machine.stateMachineArn), label: machine.name },
    ...(execution.status === "RUNNING" ? { refreshSeconds } : {}),
  });
}

function arnParameter(url: URL): string {
  const arn = url.searchParams.get("arn");
  if (arn === null || arn === "") throw new UiError(400, "the arn query parameter is required");
  return arn;
}

async function page(api: LocalApi, url: URL): Promise<string> {
  switch (url.pathname.replace(/\/+$/, "")) {
    case "/ui":
      return indexPage(api);
    case "/ui/state-machine":
      return machinePage(api, arnParameter(url));
    case "/ui/execution":
      return executionPage(api, arnParameter(url));
    default:
      throw new UiError(404, `no page at ${url.pathname}`);
  }
}

const headers = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
};

function errorPage(status: number, message: string): string {
  return renderPage({
    title: status === 404 ? "Not found" : "Cannot show this page",
    backLink: { href: "/ui", label: "state machines" },
    body: `<section class="sfn-card sfn-list"><p data-field="error">${esc(message)}</p></section>`,
  });
}

/**
 * The `/ui` route: `GET /ui`, `/ui/state-machine?arn=…`, `/ui/execution?arn=…`.
 * Unknown ARNs answer 404 with the API's own message; nothing from the
 * request is evaluated, and every value is HTML-escaped.
 */
export const uiRoute: ExtraRoute = async (request: IncomingMessage, response: ServerResponse, api: LocalApi) => {
  const url = new URL(request.url ?? "/ui", "http://localhost");
  let status = 200;
  let html: string;
  try {
    html = await page(api, url);
  } catch (error) {
    if (error instanceof UiError) status = error.status;
    else if (error instanceof ApiError) status = error.name.endsWith("DoesNotExist") ? 404 : 400;
    else if (error instanceof GraphDefinitionError || error instanceof SyntaxError) status = 500;
    else throw error;
    html = errorPage(status, error.message);
  }
  response.writeHead(status, { ...headers, "content-length": Buffer.byteLength(html) });
  response.end(request.method === "HEAD" ? undefined : html);
};
