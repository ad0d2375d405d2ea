export type { VariableReference } from "./analyze.js";
export {
  isJsonataBuiltin,
  JSONATA_LIBRARY_FUNCTIONS,
  STATES_VARIABLE,
  STEP_FUNCTIONS_JSONATA_FUNCTIONS,
} from "./builtins.js";
export {
  checkJsonataExpression,
  checkJsonataSyntax,
  type JsonataProblem,
  jsonataVariableReferences,
  referencedStatesFields,
  referencedVariables,
} from "./check.js";
export { isJsonataTemplate, type JsonataBody, jsonataBody } from "./template.js";
