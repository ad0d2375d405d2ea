/**
 * The copy of an event a Lambda function receives: what `JSON.parse(JSON.stringify(value))` gives, without the
 * round trip through a string (for the small events of most tasks it cost more than the rest of the invocation).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */

const ownProperty = Object.prototype.hasOwnProperty;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null; // -0 → 0, NaN/±Infinity → null
    return value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      // JSON writes undefined, functions and symbols in arrays as null.
      copy[index] = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : (copyValue(item) ?? null);
    }
    return copy;
  }
  // Dates, class instances, objects with toJSON: let JSON decide, exactly.
  if (!isPlainObject(value) || "toJSON" in value) {
    const text: string | undefined = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }
  const copy: Record<string, unknown> = {};
  // for…in over a plain object uses V8's enum cache (Object.keys allocates an array per object); JSON takes own
  // keys only, and `hasOwnProperty` of the key being enumerated is a map check for V8 (`Object.hasOwn` is a call).
  for (const key in value) {
    if (!ownProperty.call(value, key)) continue;
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    const itemCopy = copyValue(item);
    if (itemCopy === undefined) continue; // a toJSON that returned undefined
    // JSON.parse makes "__proto__" an own property; an assignment would set the prototype instead.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: itemCopy, writable: true, enumerable: true, configurable: true });
    else copy[key] = itemCopy;
  }
  return copy;
}

/** A deep copy equal to `JSON.parse(JSON.stringify(value))` (`null` for a top-level `undefined`). */
export function copyAsJson<T>(value: T): T {
  return (value === undefined ? null : copyValue(value)) as T;
}
