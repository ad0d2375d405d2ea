/**
 * A standalone HTML page with the drawing of a state machine (no
 * execution): for `sfn graph --format html`.
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import { layoutGraph } from "./layout/layout.js";
import { renderPage } from "./report/page.js";
import { escapeXml as esc } from "./svg/escape.js";
import { renderLayoutSvg, type SvgOptions } from "./svg/render-svg.js";

/** Options of {@link renderHtml}. */
export interface HtmlOptions extends Pick<SvgOptions, "statuses"> {
  /** Page title. @default "State machine" */
  readonly title?: string;
}

/** Renders the state machine as a self-contained page (inline SVG and CSS, no script, nothing fetched). */
export async function renderHtml(definition: StateMachineDefinition, options: HtmlOptions = {}): Promise<string> {
  const layout = await layoutGraph(definition);
  const title = options.title ?? "State machine";
  const svg = renderLayoutSvg(layout, { title: definition.Comment ?? title, ...(options.statuses === undefined ? {} : { statuses: options.statuses }) });
  const states = layout.model.nodes.filter((n) => n.role === "state").length;
  const subtitle = `<span class="sfn-sub">${states} states · starts at ${esc(definition.StartAt)}</span>${
    definition.Comment === undefined ? "" : `<span class="sfn-sub">${esc(definition.Comment)}</span>`
  }`;
  return renderPage({ title, subtitle, body: `<main class="sfn-layout" style="grid-template-columns: 1fr"><section class="sfn-card sfn-graph-pane">${svg}</section></main>` });
}
