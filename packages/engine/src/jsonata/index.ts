export { hash, parse, partition, range } from "./aws-functions.js";
export { type CompiledJsonata, compileJsonata, JsonataSyntaxError } from "./compile.js";
export {
  evaluateJsonata,
  type JsonataBindings,
  JsonataEvaluationError,
  type JsonataEvaluationOptions,
  type StatesBinding,
} from "./evaluate.js";
export { defaultJsonataLimits, type JsonataLimits } from "./limits.js";
export { evaluateTemplate, hasJsonataExpressions } from "./template.js";
