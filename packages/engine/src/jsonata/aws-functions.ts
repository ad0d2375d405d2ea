import { hashHex, isHashAlgorithm, seededRandom } from "@statecraft/asl";
import type jsonata from "jsonata";
import { JsonataFunctionError } from "./function-error.js";
import type { JsonataLimits } from "./limits.js";
import { runtimeOf } from "./runtime.js";

/**
 * The functions Step Functions adds to JSONata — `$partition`, `$range`, `$hash`, `$random` (with an
 * optional seed), `$uuid`, `$parse` — and the ones it changes: `$eval` is unavailable, `$now`/`$millis`
 * read the engine's clock. Non-integer arguments are truncated towards zero, and arguments Step Functions
 * cannot use give `undefined` (which then fails the field) rather than an error, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */

/** `$partition(array, size)`: chunks of `size` items, the last one holding the rest. */
export function partition(array: readonly unknown[], size: number): unknown[][] | undefined {
  const chunk = Math.trunc(size);
  if (chunk <= 0 || array.length === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let start = 0; start < array.length; start += chunk) chunks.push(array.slice(start, start + chunk));
  return chunks;
}

/**
 * `$range(start, end, step)`: `start, start+step, …` up to and including `end`. A single value comes back
 * bare, not in an array; no step, a zero step or one pointing away from `end` give `undefined`.
 */
export function range(start: number, end: number, step: number | undefined, maxItems: number): number[] | number | undefined {
  if (step === undefined) return undefined;
  const [from, to, by] = [Math.trunc(start), Math.trunc(end), Math.trunc(step)];
  if (by === 0 || (to !== from && Math.sign(to - from) !== Math.sign(by))) return undefined;
  const size = Math.floor((to - from) / by) + 1;
  if (size > maxItems) {
    throw new JsonataFunctionError(`$range would create ${size} items, more than the limit of ${maxItems}`, "D2015", maxItems);
  }
  const values = Array.from({ length: size }, (_, index) => from + index * by);
  return values.length === 1 ? values[0] : values;
}

/** `$hash(data, algorithm)`: lower-case hex digest; the algorithm name is case-sensitive. */
export function hash(data: string, algorithm: string | undefined): string | undefined {
  if (algorithm === undefined) return undefined;
  if (!isHashAlgorithm(algorithm)) {
    throw new JsonataFunctionError(
      `$hash does not support the algorithm '${algorithm}' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)`,
    );
  }
  return hashHex(data, algorithm);
}

/** `$parse(text)`: the value a JSON text denotes (Step Functions' replacement for `$eval`). */
export function parse(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonataFunctionError(`$parse was given a string that is not valid JSON (${reason})`);
  }
}

/** Installs the Step Functions functions on one compiled expression (jsonata binds functions per expression). */
export function installStepFunctionsFunctions(expression: jsonata.Expression, limits: JsonataLimits): void {
  expression.registerFunction("partition", (array: unknown[], size: number) => partition(array, size), "<an:a>");
  expression.registerFunction(
    "range",
    (start: number, end: number, step: number | undefined) => range(start, end, step, limits.maxSequence),
    "<nnn?:a>",
  );
  expression.registerFunction("hash", (data: string, algorithm: string | undefined) => hash(data, algorithm), "<ss?:s>");
  expression.registerFunction(
    "random",
    function (this: jsonata.Focus, seed: number | undefined) {
      return seed === undefined ? runtimeOf(this.environment).random() : seededRandom(Math.trunc(seed));
    },
    "<n?:n>",
  );
  expression.registerFunction(
    "uuid",
    function (this: jsonata.Focus) {
      return runtimeOf(this.environment).uuid();
    },
    "<:s>",
  );
  expression.registerFunction("parse", (text: string) => parse(text), "<s:j>");
  expression.registerFunction(
    "millis",
    function (this: jsonata.Focus) {
      return runtimeOf(this.environment).timestamp.getTime();
    },
    "<:n>",
  );
  expression.registerFunction(
    "now",
    function (this: jsonata.Focus, picture: string | undefined, timezone: string | undefined) {
      const millis = runtimeOf(this.environment).timestamp.getTime();
      return formatMillis(this.environment, millis, picture, timezone);
    },
    "<s?s?:s>",
  );
  // Step Functions does not offer $eval; a call fails with jsonata's T1006 "Attempted to invoke a non-function".
  expression.assign("eval", undefined);
}

/** Formats like JSONata's `$now(picture, timezone)` by calling the library's own `$fromMillis`. */
function formatMillis(
  environment: jsonata.Environment,
  millis: number,
  picture: string | undefined,
  timezone: string | undefined,
): unknown {
  const fromMillis: unknown = environment.lookup("fromMillis");
  const implementation = typeof fromMillis === "object" && fromMillis !== null ? Reflect.get(fromMillis, "implementation") : undefined;
  if (typeof implementation !== "function") throw new JsonataFunctionError("$now needs jsonata's $fromMillis");
  const formatted: unknown = Reflect.apply(implementation, undefined, [millis, picture, timezone]);
  return formatted;
}
