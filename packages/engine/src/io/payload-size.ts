/**
 * The 256 KiB payload quota and JSON normalization of values coming from handlers.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-task-executions
 */
import type { JsonValue } from "@statecraft/asl";
import { DataLimitExceeded, type StatesError, StatesRuntimeError } from "../errors.js";

/** The AWS quota: 262,144 bytes of UTF-8 JSON. */
export const defaultMaxPayloadBytes = 262_144;

const notJson = -1;

/** The bound of a string, number, boolean or null; `undefined` for objects and arrays, -1 for what JSON cannot hold. */
function scalarBound(value: unknown): number | undefined {
  switch (typeof value) {
    case "string":
      return value.length * 6 + 2;
    case "number":
      return Number.isFinite(value) ? 24 : notJson;
    case "boolean":
      return 5;
    case "object":
      return value === null ? 4 : undefined;
    default:
      return notJson;
  }
}

/**
 * An upper bound of the UTF-8 size of `JSON.stringify(value)` (strings count 6 bytes per UTF-16 unit, the worst
 * case of an escape), or -1 when `value` is not plain JSON. Stops early once past `budget`. Only nested objects and
 * arrays recurse; the scalars inside them are measured in the loop.
 */
function sizeBound(value: unknown, budget: number): number {
  const scalar = scalarBound(value);
  if (scalar !== undefined) return scalar;
  let total = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return notJson;
      const item: unknown = value[i];
      const size = scalarBound(item) ?? sizeBound(item, budget - total);
      if (size === notJson) return notJson;
      total += size + 1;
      if (total > budget) return total;
    }
    return total;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return notJson;
  for (const key in value as Record<string, unknown>) {
    const item = (value as Record<string, unknown>)[key];
    const size = scalarBound(item) ?? sizeBound(item, budget - total);
    if (size === notJson) return notJson;
    total += key.length * 6 + 4 + size;
    if (total > budget) return total;
  }
  return total;
}

/**
 * Returns `value` as JSON (values that are not plain JSON go through a JSON round trip, as a real service boundary
 * would: `undefined` → null, Dates → strings) and throws `States.DataLimitExceeded` when it is over `limit` bytes
 * (the terminal one, or what `overLimit` returns).
 */
export function ensureJsonPayload(value: unknown, limit: number, what: string, overLimit?: () => StatesError): JsonValue {
  let json = value as JsonValue;
  let bound = sizeBound(value, limit);
  if (bound === notJson) {
    try {
      json = JSON.parse(JSON.stringify(value) ?? "null") as JsonValue;
    } catch (error) {
      throw new StatesRuntimeError(`${what} is not serializable as JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    bound = sizeBound(json, limit);
  }
  if (bound <= limit) return json;
  // Past the cheap bound: measure exactly (and normalize, since the early stop may have skipped non-JSON parts).
  const text = JSON.stringify(json) ?? "null";
  if (Buffer.byteLength(text, "utf8") > limit) {
    throw overLimit?.() ?? new DataLimitExceeded(`${what} has a size exceeding the maximum number of bytes service limit (${limit}).`);
  }
  return JSON.parse(text) as JsonValue;
}
