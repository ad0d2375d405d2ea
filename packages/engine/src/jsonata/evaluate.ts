import type { JsonValue } from "@statecraft/asl";
import { QueryEvaluationError } from "../errors.js";
import { type CompiledJsonata, compileJsonata } from "./compile.js";
import type { JsonataLimits } from "./limits.js";
import { toJsonValue, UnsupportedResultType } from "./result.js";
import { createRuntime, RUNTIME_BINDING } from "./runtime.js";

/**
 * The reserved `$states` variable. `result` exists in a Task/Parallel/Map's Output and Assign,
 * `errorOutput` (`{Error, Cause}`) in a Catch's Output and Assign.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export interface StatesBinding {
  readonly input: JsonValue;
  readonly context: JsonValue;
  readonly result?: JsonValue;
  readonly errorOutput?: JsonValue;
}

/** Everything an expression can read: `$states` and workflow variables by name (`$name`). */
export interface JsonataBindings {
  readonly states: StatesBinding;
  readonly variables?: Readonly<Record<string, JsonValue>>;
}

export interface JsonataEvaluationOptions {
  /**
   * The field the expression was written in, for error messages, relative to the state: `Output`,
   * `Arguments/Input/pushLocation`, `Choices[1]/Condition`, `Items[0]`.
   */
  readonly field?: string;
  readonly limits?: Partial<JsonataLimits>;
  /** Uniform random number in [0, 1) for `$random()`. @default Math.random */
  readonly random?: () => number;
  /** v4 UUID generator for `$uuid()`. @default crypto.randomUUID */
  readonly uuid?: () => string;
  /** The clock `$now()` and `$millis()` read (once per evaluation). @default the system clock */
  readonly now?: () => Date;
}

/**
 * A JSONata expression failed: it threw, ran past a limit, returned nothing, or returned something JSON
 * cannot hold. `name` is `States.QueryEvaluationError`.
 */
export class JsonataEvaluationError extends QueryEvaluationError {
  /** The expression as quoted in the message (between the delimiters, trimmed). */
  readonly expression: string;
  readonly field: string | undefined;
  /** jsonata's error code (T2001, D1012, …) when the expression threw one. */
  readonly code: string | undefined;

  constructor(expression: string, field: string | undefined, problem: string, code?: string) {
    const where = field === undefined ? "" : ` specified for the field '${field}'`;
    super(`The JSONata expression '${expression}'${where} ${problem}`);
    this.expression = expression;
    this.field = field;
    this.code = code;
  }
}

/**
 * Evaluates a `{% … %}` expression (compiled once and cached) with `$states`, the workflow variables and
 * Step Functions' extra functions, bounded by the limits.
 *
 * @returns the result as plain JSON (`null` is a value; only `undefined` fails).
 * @throws JsonataEvaluationError (`States.QueryEvaluationError`) when evaluation throws, exceeds a limit,
 *   returns nothing, or returns a function.
 * @throws JsonataSyntaxError (`States.Runtime`) when the expression does not parse.
 */
export async function evaluateJsonata(
  text: string | CompiledJsonata,
  bindings: JsonataBindings,
  options: JsonataEvaluationOptions = {},
): Promise<JsonValue> {
  const compiled = typeof text === "string" ? compileJsonata(text, options.limits) : text;
  const { expression } = compiled;
  const { states } = bindings;
  const statesValue: Record<string, JsonValue> = { input: states.input, context: states.context };
  if (states.result !== undefined) statesValue.result = states.result;
  if (states.errorOutput !== undefined) statesValue.errorOutput = states.errorOutput;

  let raw: unknown;
  try {
    raw = await compiled.compiled.evaluate(undefined, {
      ...bindings.variables,
      states: statesValue,
      [RUNTIME_BINDING]: createRuntime(options),
    });
  } catch (error) {
    const { code, message } = describeFailure(error);
    throw new JsonataEvaluationError(expression, options.field, `threw an error during evaluation: ${message}`, code);
  }
  if (raw === undefined) throw new JsonataEvaluationError(expression, options.field, "returned nothing (undefined).");
  try {
    return toJsonValue(raw);
  } catch (error) {
    if (error instanceof UnsupportedResultType) {
      throw new JsonataEvaluationError(expression, options.field, "returned an unsupported result type.");
    }
    throw error;
  }
}

/** jsonata throws plain objects `{code, message, …}`; Step Functions' own functions throw Errors. */
function describeFailure(error: unknown): { code: string | undefined; message: string } {
  if (typeof error === "object" && error !== null) {
    const code: unknown = Reflect.get(error, "code");
    const message: unknown = Reflect.get(error, "message");
    return {
      code: typeof code === "string" ? code : undefined,
      message: typeof message === "string" ? message : String(error),
    };
  }
  return { code: undefined, message: String(error) };
}
