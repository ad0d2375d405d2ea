import type { JsonObject, JsonValue } from "../model/json.js";

/** Argument and result types of intrinsic functions. `integer` is a number with no fractional part. */
export type ValueType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object" | "any";

/** The TypeScript type of a value of the given {@link ValueType}. */
export type ValueOf<T extends ValueType> = T extends "string"
  ? string
  : T extends "number" | "integer"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "null"
        ? null
        : T extends "array"
          ? JsonValue[]
          : T extends "object"
            ? JsonObject
            : JsonValue;

export function isJsonObject(value: JsonValue): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `value` is of type `type`. */
export function hasType(value: JsonValue, type: ValueType): boolean {
  switch (type) {
    case "any":
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isJsonObject(value);
  }
}

/** Whether a value of type `have` can be a value of type `want` (used for nested calls' results). */
export function typesOverlap(have: ValueType, want: ValueType): boolean {
  if (have === "any" || want === "any" || have === want) return true;
  return (have === "number" && want === "integer") || (have === "integer" && want === "number");
}

/** The JSON type of a value, for messages. */
export function jsonTypeOf(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A short rendering of a value for error messages. */
export function describeValue(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "a string", "an integer or null", … */
export function describeTypes(types: readonly ValueType[]): string {
  const words = types.map((type) => (type === "any" ? "any value" : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`));
  return words.length <= 1 ? (words[0] ?? "nothing") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEquals(item, b[index] ?? null));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => {
        const other = b[key];
        const mine = a[key];
        return other !== undefined && mine !== undefined && jsonEquals(mine, other);
      })
    );
  }
  return false;
}

/** Refusal reason when `text` has more than `limit` characters (Unicode code points), for `refine`. */
export function tooLong(text: string, limit: number): string | undefined {
  const length = [...text].length;
  return length > limit ? `must have at most ${limit} characters (it has ${length})` : undefined;
}
