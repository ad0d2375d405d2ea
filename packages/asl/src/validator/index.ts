/**
 * `validateDefinition`: every problem Step Functions would refuse a definition
 * for, each with a JSON pointer. Shape first (zod), then the graph, the
 * cross-field rules, the query-language rules and the expressions.
 *
 * @see https://states-language.net/spec.html
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import { checkChoiceRules } from "./choice-rules.js";
import { checkExpressions } from "./expression-rules.js";
import { checkFields, checkUnmatchableHandlers } from "./field-rules.js";
import { checkGraphs } from "./graph-rules.js";
import { checkLanguage } from "./language-rules.js";
import { asRecord, type DefinitionProblem, pointerOf, Problems } from "./problems.js";
import { checkDefinitionShape } from "./shape.js";
import { checkVariableReferences } from "./variable-rules.js";
import { walkDefinition } from "./walk.js";

export type { DefinitionProblem } from "./problems.js";
export { MAX_STATE_NAME_LENGTH } from "./graph-rules.js";

/**
 * Validates any ASL definition (parsed JSON). Returns every problem found, in
 * document order per rule family; an empty array means the definition is valid.
 */
export function validateDefinition(asl: unknown): DefinitionProblem[] {
  const problems = new Problems();
  if (!checkDefinitionShape(asl, problems)) return problems.list;
  const definition = asRecord(asl) ?? {};
  const machineLanguage = definition.QueryLanguage === "JSONata" ? "JSONata" : "JSONPath";
  const walk = walkDefinition(definition, problems);
  checkGraphs(walk, problems);
  for (const visit of walk.states) {
    const { state } = visit;
    if (state === undefined) continue;
    if (state.Type === "Choice") checkChoiceRules(state.Choices, pointerOf(visit.pointer, "Choices"), problems);
    checkFields(visit, state, problems);
    checkLanguage(visit, state, machineLanguage, problems);
    checkExpressions(visit, state, problems);
  }
  return problems.list;
}

/**
 * Problems Step Functions accepts at definition time but that fail at run time
 * or never take effect: workflow variables read where no path into the state
 * assigns them (AWS raises them only when the state runs), and retriers or
 * catchers naming `States.Runtime` (runtime errors are never retried or caught). Empty for a definition whose
 * shape is invalid (see {@link validateDefinition}).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export function definitionWarnings(asl: unknown): DefinitionProblem[] {
  const shape = new Problems();
  if (!checkDefinitionShape(asl, shape)) return [];
  const warnings = new Problems();
  const walk = walkDefinition(asRecord(asl) ?? {}, new Problems());
  checkVariableReferences(walk, warnings);
  checkUnmatchableHandlers(walk, warnings);
  return warnings.list;
}
