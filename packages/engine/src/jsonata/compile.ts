import { jsonataBody } from "@statecraft/asl";
import jsonata from "jsonata";
import { StatesRuntimeError } from "../errors.js";
import { installStepFunctionsFunctions } from "./aws-functions.js";
import { type JsonataLimits, resolveLimits } from "./limits.js";

/** A parsed JSONata expression with Step Functions' functions installed, ready to evaluate many times. */
export interface CompiledJsonata {
  /** The expression between `{%` and `%}`, trimmed, as error messages quote it. */
  readonly expression: string;
  readonly limits: JsonataLimits;
  /** The jsonata expression object (evaluate through `evaluateJsonata` to get Step Functions' semantics). */
  readonly compiled: jsonata.Expression;
}

/**
 * The text is not a valid JSONata expression. Step Functions refuses such a definition
 * (`INVALID_JSONATA_EXPRESSION`); met at run time it is a `States.Runtime` failure.
 */
export class JsonataSyntaxError extends StatesRuntimeError {
  /** jsonata's error code, e.g. `S0202`. */
  readonly code: string;
  /** Offset in the compiled text (delimiters included) just past the offending token. */
  readonly position: number;

  constructor(expression: string, code: string, position: number, detail: string) {
    super(`The JSONata expression '${expression}' is invalid: ${code}: ${detail}`);
    this.code = code;
    this.position = position;
  }
}

/** Compiling costs ~65 µs and definitions hold a fixed set of expressions, so compiled ones are kept. */
const MAX_CACHED = 2000;
const cache = new Map<string, CompiledJsonata>();

/**
 * Compiles a `{% … %}` string (or a bare expression), reusing an earlier compilation of the same text
 * under the same limits.
 *
 * @throws JsonataSyntaxError when the expression does not parse.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function compileJsonata(text: string, limits?: Partial<JsonataLimits>): CompiledJsonata {
  const resolved = resolveLimits(limits);
  const key = `${resolved.timeoutMs}:${resolved.maxDepth}:${resolved.maxSequence}:${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const { expression: body, offset } = jsonataBody(text);
  const expression = body.trim();
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(body, { timeout: resolved.timeoutMs, stack: resolved.maxDepth, sequence: resolved.maxSequence });
  } catch (error) {
    const code = String(Reflect.get(Object(error), "code") ?? "S0000");
    const position = Number(Reflect.get(Object(error), "position") ?? 0);
    const message = String(Reflect.get(Object(error), "message") ?? error);
    throw new JsonataSyntaxError(expression, code, offset + position, message);
  }
  installStepFunctionsFunctions(compiled, resolved);

  const entry: CompiledJsonata = { expression, limits: resolved, compiled };
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, entry);
  return entry;
}
