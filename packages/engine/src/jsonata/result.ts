import type { JsonObject, JsonValue } from "@statecraft/asl";

/** The value an expression produced cannot be represented in JSON (a function, a regex, …). */
export class UnsupportedResultType extends TypeError {}

/**
 * Converts what jsonata returns into plain JSON: its sequences become ordinary arrays (dropping jsonata's
 * flags), `undefined` members are dropped, and non-finite numbers become the strings JavaScript names them
 * by (`"Infinity"`, `"NaN"`), which is how Step Functions writes them.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map((item: unknown) => toJsonValue(item));
  }
  if (typeof value === "object" && isPlainData(value)) {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = toJsonValue(item);
    }
    return result;
  }
  throw new UnsupportedResultType(`unsupported result type ${describe(value)}`);
}

/** Plain objects, not jsonata functions (`_jsonata_lambda`, `_jsonata_function`), regexes or dates. */
function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return !("_jsonata_lambda" in value) && !("_jsonata_function" in value);
}

function describe(value: unknown): string {
  if (typeof value === "function") return "function";
  if (typeof value === "object" && value !== null) {
    if ("_jsonata_lambda" in value || "_jsonata_function" in value) return "function";
    return value.constructor?.name ?? "object";
  }
  return typeof value;
}
