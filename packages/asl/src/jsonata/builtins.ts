/**
 * Functions every JSONata expression in Step Functions can call: the JSONata 2.x library (including `$now`
 * and `$millis`, bound per expression, and `$eval`, which Step Functions disables) plus the functions
 * Step Functions adds.
 *
 * @see https://docs.jsonata.org/overview.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export const JSONATA_LIBRARY_FUNCTIONS = [
  "sum", "count", "max", "min", "average", "string", "substring", "substringBefore", "substringAfter",
  "lowercase", "uppercase", "length", "trim", "pad", "match", "contains", "replace", "split", "join",
  "formatNumber", "formatBase", "formatInteger", "parseInteger", "number", "floor", "ceil", "round", "abs",
  "sqrt", "power", "random", "boolean", "not", "map", "zip", "filter", "single", "reduce", "sift", "keys",
  "lookup", "append", "exists", "spread", "merge", "reverse", "each", "error", "assert", "type", "sort",
  "shuffle", "distinct", "base64encode", "base64decode", "encodeUrlComponent", "encodeUrl",
  "decodeUrlComponent", "decodeUrl", "eval", "toMillis", "fromMillis", "clone", "now", "millis",
] as const;

/** Functions Step Functions adds to JSONata. `$random` also exists in JSONata; Step Functions adds a seed. */
export const STEP_FUNCTIONS_JSONATA_FUNCTIONS = ["partition", "range", "hash", "random", "uuid", "parse"] as const;

const BUILTINS: ReadonlySet<string> = new Set([...JSONATA_LIBRARY_FUNCTIONS, ...STEP_FUNCTIONS_JSONATA_FUNCTIONS]);

/** Whether `$name` is a built-in function rather than a workflow variable. */
export function isJsonataBuiltin(name: string): boolean {
  return BUILTINS.has(name);
}

/** `$states`, the reserved variable holding input, result, errorOutput and context. */
export const STATES_VARIABLE = "states";
