/**
 * Definition text → a definition object, and the `InvalidDefinition` error
 * listing every problem with its JSON pointer.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html#API_CreateStateMachine_Errors
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import { ApiError } from "./errors.js";

/** A validator problem: what is wrong and its JSON pointer. */
export interface DefinitionProblem {
  readonly pointer: string;
  readonly message: string;
}

// AWS names the missing top-level fields States first (test_sfn_api_validation EMPTY_DICT: "[States, StartAt]").
const requiredFieldOrder = ["States", "StartAt"];
const rank = (field: string) => {
  const at = requiredFieldOrder.indexOf(field);
  return at === -1 ? requiredFieldOrder.length : at;
};

/**
 * Missing top-level fields as AWS words them: one problem at `/` reading
 * `These fields are required: [States, StartAt]`, where the validator reports
 * `is required` at `/States` and at `/StartAt`. Recorded against AWS in
 * localstack/localstack test_sfn_api.py::test_create_delete_invalid_sm and
 * test_sfn_api_validation.py::test_validate_state_machine_definition_not_a_definition[EMPTY_DICT],
 * …_type_standard[INVALID_BASE_NO_STARTAT]. Nested missing fields keep the validator's wording.
 */
export function groupMissingTopLevelFields(problems: readonly DefinitionProblem[]): DefinitionProblem[] {
  const isMissingTopLevel = (p: DefinitionProblem) => p.message === "is required" && /^\/[^/]+$/.test(p.pointer);
  const missing = problems.filter(isMissingTopLevel).map((p) => p.pointer.slice(1));
  if (missing.length === 0) return [...problems];
  missing.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const grouped = { pointer: "/", message: `These fields are required: [${missing.join(", ")}]` };
  const first = problems.findIndex(isMissingTopLevel);
  const rest = problems.filter((p) => !isMissingTopLevel(p));
  return [...rest.slice(0, first), grouped, ...rest.slice(first)];
}

/** The definition is not valid ASL: answered as `InvalidDefinition` with every problem listed. */
export function invalidDefinition(problems: readonly DefinitionProblem[]): ApiError {
  const listed = groupMissingTopLevelFields(problems).map((p) => `${p.message} at ${p.pointer || "/"}`).join("; ");
  return new ApiError("InvalidDefinition", `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ${listed}'`);
}

/** Parses definition text; throws `InvalidDefinition` for text that is not a JSON object. */
export function parseDefinitionText(text: string): StateMachineDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError("InvalidDefinition", `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${reason}'`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("InvalidDefinition", "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: not an object'");
  }
  return value as StateMachineDefinition;
}
