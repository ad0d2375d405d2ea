/**
 * Definition text → a definition object, and the `InvalidDefinition` error
 * listing every problem with its JSON pointer.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html#API_CreateStateMachine_Errors
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import { ApiError } from "./errors.js";

/** The definition is not valid ASL: answered as `InvalidDefinition` with every problem listed. */
export function invalidDefinition(problems: readonly { pointer: string; message: string }[]): ApiError {
  const listed = problems.map((p) => `${p.message} at ${p.pointer || "/"}`).join("; ");
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
