/**
 * ValidateStateMachineDefinition: the validator's problems as diagnostics.
 * An invalid definition is a 200 with `result: "FAIL"`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import { validateDefinition } from "@statecraft/asl";
import type { Operation } from "../context.js";
import { parseRequest } from "../request-validation.js";
import { ValidateStateMachineDefinitionRequest } from "../schemas.js";

interface Diagnostic {
  severity: "ERROR";
  code: string;
  message: string;
  location?: string;
}

function diagnose(text: string): Diagnostic[] {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "ERROR", code: "INVALID_JSON_DESCRIPTION", message }];
  }
  // The validator does not classify problems the way AWS's codes do; every one is a schema validation failure.
  return validateDefinition(definition).map((problem) => ({
    severity: "ERROR",
    code: "SCHEMA_VALIDATION_FAILED",
    message: problem.message,
    location: problem.pointer || "/",
  }));
}

const validateStateMachineDefinition: Operation = (_context, body) => {
  const request = parseRequest(ValidateStateMachineDefinitionRequest, body);
  const all = diagnose(request.definition);
  const limit = request.maxResults === undefined || request.maxResults === 0 ? 100 : request.maxResults;
  const diagnostics = all.slice(0, limit);
  return { result: all.length === 0 ? "OK" : "FAIL", diagnostics, truncated: all.length > diagnostics.length };
};

export const validateOperations: Readonly<Record<string, Operation>> = {
  ValidateStateMachineDefinition: validateStateMachineDefinition,
};
