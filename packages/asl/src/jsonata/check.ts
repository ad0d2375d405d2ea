import { analyzeJsonata, type VariableReference } from "./analyze.js";
import { parseJsonata } from "./ast.js";
import { jsonataBody } from "./template.js";

/**
 * A problem Step Functions reports when it parses a JSONata expression at Create/Update/Validate time.
 * Offsets are relative to the text passed in (delimiters included when they were).
 */
export interface JsonataProblem {
  /** Step Functions' diagnostic code. */
  readonly kind: "INVALID_JSONATA_EXPRESSION" | "UNSUPPORTED_JSONATA_EXPRESSION";
  /** jsonata's error code for a syntax error, such as `S0202`. */
  readonly code?: string;
  readonly offset: number;
  readonly end: number;
  readonly message: string;
}

interface JsonataSyntaxFailure {
  readonly code: string;
  readonly message: string;
  readonly position?: number;
  readonly token?: string;
}

function isSyntaxFailure(error: unknown): error is JsonataSyntaxFailure {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof Reflect.get(error, "code") === "string" &&
    typeof Reflect.get(error, "message") === "string"
  );
}

type Parsed = { readonly ok: true; readonly ast: ReturnType<typeof parseJsonata> } | { readonly ok: false; readonly problem: JsonataProblem };

function parse(text: string): Parsed & { readonly offset: number } {
  const { expression, offset } = jsonataBody(text);
  try {
    return { ok: true, ast: parseJsonata(expression), offset };
  } catch (error) {
    if (!isSyntaxFailure(error)) throw error;
    // jsonata reports the position just past the offending token.
    const end = offset + (error.position ?? 0);
    const token = error.token !== undefined && error.token !== "(end)" ? error.token : "";
    const problem: JsonataProblem = {
      kind: "INVALID_JSONATA_EXPRESSION",
      code: error.code,
      offset: Math.max(offset, end - token.length),
      end,
      message: `${error.code}: ${error.message}`,
    };
    return { ok: false, problem, offset };
  }
}

/**
 * Parses a JSONata expression — either an ASL string `{% … %}` or a bare expression — and returns its
 * syntax error, if any (`INVALID_JSONATA_EXPRESSION`), with jsonata's code and message.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function checkJsonataSyntax(text: string): JsonataProblem[] {
  const parsed = parse(text);
  return parsed.ok ? [] : [parsed.problem];
}

/**
 * All the definition-time checks Step Functions makes on one expression: its syntax, then references it
 * refuses (`UNSUPPORTED_JSONATA_EXPRESSION`): a field name, `$` or `$$` read against the top-level
 * context (expressions run without one; write `$states.input.phone`, not `phone`).
 */
export function checkJsonataExpression(text: string): JsonataProblem[] {
  const parsed = parse(text);
  if (!parsed.ok) return [parsed.problem];
  return analyzeJsonata(parsed.ast).unsupported.map((reference) => ({
    kind: "UNSUPPORTED_JSONATA_EXPRESSION",
    offset: parsed.offset + reference.offset,
    end: parsed.offset + reference.end,
    message: reference.message,
  }));
}

/**
 * Every workflow-variable reference (`$name`) in an expression, with offsets relative to `text`:
 * `$states`, built-in functions and variables the expression binds itself (`$x := …`, function
 * parameters, `@$v`, `#$i`) are left out. Empty for text that does not parse (see {@link checkJsonataSyntax}).
 */
export function jsonataVariableReferences(text: string): VariableReference[] {
  const parsed = parse(text);
  if (!parsed.ok) return [];
  return analyzeJsonata(parsed.ast).variables.map((reference) => ({
    name: reference.name,
    offset: parsed.offset + reference.offset,
    end: parsed.offset + reference.end,
  }));
}

/** Names of the workflow variables an expression reads, each once, in order of first use. */
export function referencedVariables(text: string): string[] {
  return [...new Set(jsonataVariableReferences(text).map((reference) => reference.name))];
}

/** The `$states` fields an expression reads (`input`, `result`, `errorOutput`, `context`), in order. */
export function referencedStatesFields(text: string): string[] {
  const parsed = parse(text);
  return parsed.ok ? [...analyzeJsonata(parsed.ast).statesFields] : [];
}
