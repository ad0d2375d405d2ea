import { isJsonataTemplate, type JsonObject, type JsonValue } from "@statecraft/asl";
import { evaluateJsonata, type JsonataBindings, type JsonataEvaluationOptions } from "./evaluate.js";

/**
 * Evaluates a JSONata-mode template (`Arguments`, `Output`, `Assign`, `Items`, …): every string that is
 * entirely `{% … %}`, at any depth in objects and arrays, is replaced by its value; every other value is
 * kept as it is. Expressions are evaluated one after another in document order.
 *
 * Error messages name the field as Step Functions does, from `options.field` (e.g. `Output`): `/` before
 * each object key and `[i]` for each array index, as in `Arguments/Input/pushLocation` or `Output/a[0]`.
 *
 * @throws JsonataEvaluationError (`States.QueryEvaluationError`) for the first expression that fails.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export async function evaluateTemplate(
  value: JsonValue,
  bindings: JsonataBindings,
  options: JsonataEvaluationOptions = {},
): Promise<JsonValue> {
  if (typeof value === "string") {
    return isJsonataTemplate(value) ? evaluateJsonata(value, bindings, options) : value;
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [index, item] of value.entries()) {
      items.push(await evaluateTemplate(item, bindings, { ...options, field: `${options.field ?? ""}[${index}]` }));
    }
    return items;
  }
  if (value !== null && typeof value === "object") {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const field = options.field === undefined ? key : `${options.field}/${key}`;
      result[key] = await evaluateTemplate(item, bindings, { ...options, field });
    }
    return result;
  }
  return value;
}

/** Whether a template holds any `{% … %}` string (so a caller can skip evaluating a constant one). */
export function hasJsonataExpressions(value: JsonValue): boolean {
  if (typeof value === "string") return isJsonataTemplate(value);
  if (Array.isArray(value)) return value.some(hasJsonataExpressions);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasJsonataExpressions);
  return false;
}
