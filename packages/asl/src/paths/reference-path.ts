/**
 * Reference paths: the restricted JSONPath used by `ResultPath` (names and indices only, no wildcards, filters,
 * slices or unions), with the copy-on-write update that places a result into the state input.
 *
 * @see https://states-language.net/spec.html#ref-paths
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
import type { JsonObject, JsonValue } from "../model/json.js";
import { type CompiledPath, compilePath, isJsonObject } from "./evaluate.js";
import { PathSyntaxError } from "./errors.js";

/** One step of a reference path. */
export type ReferenceStep = string | number;

/** A compiled reference path. */
export interface CompiledReferencePath extends CompiledPath {
  /** The steps below `$`: field names (strings) and array indices (numbers). Empty for `"$"`. */
  readonly steps: readonly ReferenceStep[];
  /** Returns `document` with `value` placed at this path (copying only the objects on the way). */
  set(document: JsonValue, value: JsonValue): JsonValue;
}

/** The document cannot take a value at the reference path (a step goes through a non-object, or an index is out of range). */
export class ReferencePathMatchError extends Error {
  override readonly name = "States.ResultPathMatchFailure";
  readonly path: string;

  constructor(path: string, document: JsonValue) {
    super(`Unable to apply ReferencePath ${path} to input ${JSON.stringify(document)}`);
    this.path = path;
  }
}

function setAt(document: JsonValue, steps: readonly ReferenceStep[], depth: number, value: JsonValue, path: string, whole: JsonValue): JsonValue {
  const step = steps[depth];
  if (step === undefined) return value;
  if (typeof step === "number") {
    if (!Array.isArray(document)) throw new ReferencePathMatchError(path, whole);
    const index = step < 0 ? document.length + step : step;
    const current = document[index];
    if (current === undefined) throw new ReferencePathMatchError(path, whole);
    const copy = document.slice();
    copy[index] = setAt(current, steps, depth + 1, value, path, whole);
    return copy;
  }
  if (!isJsonObject(document)) throw new ReferencePathMatchError(path, whole);
  // A missing field on the way is created as an empty object, as Step Functions does.
  const current: JsonValue = Object.hasOwn(document, step) ? (document[step] ?? null) : {};
  const copy: JsonObject = { ...document };
  const placed = setAt(current, steps, depth + 1, value, path, whole);
  // A "__proto__" key must stay an ordinary field, so it is defined rather than assigned.
  if (step === "__proto__") Object.defineProperty(copy, step, { value: placed, enumerable: true, writable: true, configurable: true });
  else copy[step] = placed;
  return copy;
}

/**
 * Compiles a reference path (`$`, `$.a.b`, `$['a'][0]`). Throws `PathSyntaxError` when the text is not a path, is
 * rooted elsewhere than `$`, or uses anything but names and indices.
 *
 * @see https://states-language.net/spec.html#ref-paths
 */
export function compileReferencePath(text: string): CompiledReferencePath {
  const compiled = compilePath(text);
  if (compiled.root.kind !== "input") throw new PathSyntaxError(text, 0, "a reference path must start with '$.' or be '$'");
  const steps = compiled.segments.map((segment): ReferenceStep => {
    if (segment.kind === "name") return segment.name;
    if (segment.kind === "index") return segment.index;
    throw new PathSyntaxError(text, 0, "a reference path may only use field names and array indices");
  });
  const set = (document: JsonValue, value: JsonValue): JsonValue => setAt(document, steps, 0, value, text, document);
  return { ...compiled, steps, set };
}

/** `true` when `text` is a valid reference path. */
export function isReferencePath(text: string): boolean {
  try {
    compileReferencePath(text);
    return true;
  } catch (error) {
    if (error instanceof PathSyntaxError) return false;
    throw error;
  }
}
