/**
 * ValidateStateMachineDefinition: the validator's problems as ERROR
 * diagnostics, and what it warns about (variables no path assigns) as WARNING
 * diagnostics unless `severity: "ERROR"` asks for errors only. An invalid
 * definition is a 200 with `result: "FAIL"`, as on AWS; warnings alone keep `OK`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import { definitionWarnings, type StateMachineDefinition, validateDefinition } from "@statecraft/asl";
import type { Operation } from "../context.js";
import { groupMissingTopLevelFields } from "../definition.js";
import { expressProblems } from "../express-rules.js";
import { parseRequest } from "../request-validation.js";
import { ValidateStateMachineDefinitionRequest } from "../schemas.js";

interface Diagnostic {
  severity: "ERROR" | "WARNING";
  code: string;
  message: string;
  location?: string;
}

function diagnose(text: string, withWarnings: boolean, express: boolean): Diagnostic[] {
  // AWS's answer for a blank definition (localstack test_sfn_api_validation.py::
  // test_validate_state_machine_definition_not_a_definition[EMPTY_STRING], a single space).
  if (text.trim() === "") {
    return [{ severity: "ERROR", code: "SCHEMA_VALIDATION_FAILED", message: "Definition must be a valid JSON object" }];
  }
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "ERROR", code: "INVALID_JSON_DESCRIPTION", message }];
  }
  // The validator does not classify problems the way AWS's codes do; every one is a schema validation failure.
  const errors: Diagnostic[] = groupMissingTopLevelFields(validateDefinition(definition)).map((problem) => ({
    severity: "ERROR",
    code: "SCHEMA_VALIDATION_FAILED",
    message: problem.message,
    location: problem.pointer || "/",
  }));
  if (errors.length === 0 && express) {
    // A definition with no problem is a valid one.
    for (const problem of expressProblems(definition as StateMachineDefinition)) {
      errors.push({ severity: "ERROR", code: "SCHEMA_VALIDATION_FAILED", message: problem.message, location: problem.pointer });
    }
  }
  if (errors.length > 0 || !withWarnings) return errors;
  return definitionWarnings(definition).map((warning) => ({
    severity: "WARNING",
    code: "VARIABLE_NOT_ASSIGNED",
    message: warning.message,
    location: warning.pointer,
  }));
}

const validateStateMachineDefinition: Operation = (_context, body) => {
  const request = parseRequest(ValidateStateMachineDefinitionRequest, body);
  const all = diagnose(request.definition, request.severity !== "ERROR", request.type === "EXPRESS");
  const limit = request.maxResults === undefined || request.maxResults === 0 ? 100 : request.maxResults;
  const diagnostics = all.slice(0, limit);
  const failed = all.some((diagnostic) => diagnostic.severity === "ERROR");
  return { result: failed ? "FAIL" : "OK", diagnostics, truncated: all.length > diagnostics.length };
};

export const validateOperations: Readonly<Record<string, Operation>> = {
  ValidateStateMachineDefinition: validateStateMachineDefinition,
};
