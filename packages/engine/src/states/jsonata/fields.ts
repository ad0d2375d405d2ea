/**
 * JSONata-mode fields compiled once: every `{% … %}` string of a field (at any depth) is parsed at load time
 * (a syntax error is a definition problem). A variable never assigned is simply undefined in an expression: on
 * AWS `{% $doesNotExist %}` fails with the ordinary "returned nothing (undefined)" cause (localstack's recorded
 * test_assign_reference_variables.snapshot.json, test_undefined_reference).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import { isJsonataTemplate, type JsonObject, type JsonValue } from "@statecraft/asl";
import { pointerTo, type Problems } from "../../compile/problems.js";
import { QueryEvaluationError } from "../../errors.js";
import { compileJsonata, JsonataSyntaxError } from "../../jsonata/compile.js";
import { evaluateTemplate } from "../../jsonata/template.js";
import type { Scope } from "../../runtime/scope.js";

/** What `$states` holds besides `input` and `context` in a given field. */
export interface StatesExtras {
  readonly result?: JsonValue;
  readonly errorOutput?: JsonValue;
}

/** A compiled JSONata-mode field: evaluates to its JSON value in a scope, given the raw state input. */
export type JsonataField = (scope: Scope, input: JsonValue, extras?: StatesExtras) => JsonValue | Promise<JsonValue>;

function collectExpressions(value: unknown, pointer: string, problems: Problems): number {
  if (typeof value === "string") {
    if (!isJsonataTemplate(value)) return 0;
    try {
      compileJsonata(value);
    } catch (error) {
      if (error instanceof JsonataSyntaxError) {
        problems.add(pointer, error.cause);
        return 0;
      }
      throw error;
    }
    return 1;
  }
  if (Array.isArray(value)) {
    let count = 0;
    value.forEach((item, index) => {
      count += collectExpressions(item, pointerTo(pointer, index), problems);
    });
    return count;
  }
  if (typeof value === "object" && value !== null) {
    let count = 0;
    for (const [key, item] of Object.entries(value)) count += collectExpressions(item, pointerTo(pointer, key), problems);
    return count;
  }
  return 0;
}

/**
 * Compiles the JSONata-mode value of `field` (a constant, a `{% … %}` string, or JSON holding such strings).
 * `field` names it in error messages the way Step Functions does (`Output`, `Arguments`, `Choices[0]/Condition`).
 */
export function compileJsonataField(value: unknown, field: string, pointer: string, problems: Problems): JsonataField {
  const expressions = collectExpressions(value, pointer, problems);
  const template = value as JsonValue;
  if (expressions === 0) return () => template;
  return (scope, input, extras) => {
    const runtime = scope.runtime;
    const states: { input: JsonValue; context: JsonValue; result?: JsonValue; errorOutput?: JsonValue } = { input, context: scope.contextObject() };
    if (extras?.result !== undefined) states.result = extras.result;
    if (extras?.errorOutput !== undefined) states.errorOutput = extras.errorOutput;
    return evaluateTemplate(
      template,
      // All visible variables are bound: a variable may share a built-in's name (`$type`) and then shadows it.
      { states, variables: scope.variables.visible() },
      { field, random: runtime.random, uuid: runtime.uuid, now: () => new Date(runtime.clock.now()) },
    );
  };
}

/** Compiles an optional field; `undefined` when the state does not have it. */
export function optionalJsonataField(owner: Record<string, unknown>, field: string, pointer: string, problems: Problems, label = field): JsonataField | undefined {
  if (!(field in owner)) return undefined;
  return compileJsonataField(owner[field], label, pointerTo(pointer, field), problems);
}

/** A JSONata `Assign` block: evaluates to the variables it assigns. */
export type JsonataAssign = (scope: Scope, input: JsonValue, extras?: StatesExtras) => Promise<JsonObject>;

/** Compiles `owner.Assign` (a state, a choice rule, a catcher); `undefined` when absent. */
export function compileJsonataAssign(owner: Record<string, unknown>, pointer: string, problems: Problems, label = "Assign"): JsonataAssign | undefined {
  const field = optionalJsonataField(owner, "Assign", pointer, problems, label);
  if (field === undefined) return undefined;
  if (typeof owner.Assign !== "object" || owner.Assign === null || Array.isArray(owner.Assign)) {
    problems.add(pointerTo(pointer, "Assign"), "must be a JSON object of variable names");
  }
  return async (scope, input, extras) => (await field(scope, input, extras)) as JsonObject;
}

/** Evaluates a field that must give a number in a range (`TimeoutSeconds`, `MaxConcurrency`, …). */
export async function numberField(
  field: JsonataField | undefined,
  label: string,
  scope: Scope,
  input: JsonValue,
  check: { min: number; max: number; integer: boolean },
): Promise<number | undefined> {
  if (field === undefined) return undefined;
  const value = await field(scope, input);
  if (typeof value !== "number" || value < check.min || value > check.max || (check.integer && !Number.isInteger(value))) {
    throw new QueryEvaluationError(
      `The field '${label}' must be ${check.integer ? "an integer" : "a number"} from ${check.min} to ${check.max}; it evaluated to ${JSON.stringify(value)}.`,
    );
  }
  return value;
}
