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
export { escapeMermaidLabel, renderMermaid } from "./mermaid.js";
