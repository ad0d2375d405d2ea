/**
 * Pictures of state machines and the execution viewer: Mermaid text, ELK
 * layout, self-contained SVG and HTML, the per-execution report, and the
 * live terminal progress printer.
 */
export { analyzeExecution } from "./history/analyze.js";
export type { ExecutionRecord, HistoryEventLike } from "./history/events.js";
export { stateStatus, statusesOf, summarizeStates } from "./history/summary.js";
export type { AttemptView, EventView, ExecutionView, StateSummary, VisitOutcome, VisitView } from "./history/view.js";
export { type HtmlOptions, renderHtml } from "./html.js";
export { type GraphLayout, layoutGraph, layoutMetrics, type PlacedEdge, type PlacedNode, type Point } from "./layout/layout.js";
export { escapeMermaidLabel, renderMermaid } from "./mermaid.js";
export { describeResource, stateCaption } from "./model/caption.js";
export { describeChoiceRule } from "./model/choice-label.js";
export { GraphDefinitionError, type GraphProblem } from "./model/errors.js";
export { parseDrawableDefinition } from "./model/parse-definition.js";
export {
  buildGraphModel,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphModel,
  type GraphNode,
  type GraphNodeRole,
} from "./model/graph-model.js";
export { formatDuration } from "./report/format.js";
export { type PageParts, renderPage } from "./report/page.js";
export { renderLegend, renderReportHtml, type ReportOptions, writeReport } from "./report/render-report.js";
export { type StateStatus, type StatusStyle, stateStatuses, statusStyles } from "./status.js";
export { escapeXml } from "./svg/escape.js";
export { renderLayoutSvg, renderSvg, type SvgOptions } from "./svg/render-svg.js";
export {
  createProgressPrinter,
  type ProgressOptions,
  type ProgressOutput,
  shouldUseColor,
} from "./terminal/progress.js";
