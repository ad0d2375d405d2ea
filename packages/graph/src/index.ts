export { type GraphLayout, layoutGraph, layoutMetrics, type PlacedEdge, type PlacedNode, type Point } from "./layout/layout.js";
export { escapeMermaidLabel, renderMermaid } from "./mermaid.js";
export { describeResource, stateCaption } from "./model/caption.js";
export { describeChoiceRule } from "./model/choice-label.js";
export { GraphDefinitionError, type GraphProblem } from "./model/errors.js";
export {
  buildGraphModel,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphModel,
  type GraphNode,
  type GraphNodeRole,
} from "./model/graph-model.js";
export { type StateStatus, type StatusStyle, stateStatuses, statusStyles } from "./status.js";
export { renderLayoutSvg, renderSvg, type SvgOptions } from "./svg/render-svg.js";
