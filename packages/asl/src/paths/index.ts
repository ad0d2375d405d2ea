/**
 * JSONPath and reference paths as Step Functions evaluates them. Shared by the engine, the validator and the local
 * API.
 *
 * @see https://states-language.net/spec.html#path
 */
export type { FilterExpression, FilterOperand, ParsedPath, PathRoot, PathSegment } from "./ast.js";
export { PathSyntaxError } from "./errors.js";
export { type CompiledPath, compilePath, isJsonObject } from "./evaluate.js";
export { parsePath } from "./parse.js";
export {
  type CompiledReferencePath,
  compileReferencePath,
  isReferencePath,
  type ReferenceStep,
  ReferencePathMatchError,
} from "./reference-path.js";
