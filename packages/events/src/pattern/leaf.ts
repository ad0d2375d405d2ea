import type { AnythingButArgument, ExactValue, Matcher, NumericCondition, TextArgument } from "./schema.js";
import { matchesWildcard, parseWildcard } from "./wildcard.js";

/**
 * Evaluates one matcher against the leaf values found at a field. `leaves` is
 * empty when the field is missing, is an object (not a leaf), or is an empty
 * array; an array contributes each of its scalar elements. A matcher other
 * than `exists` matches when any leaf satisfies it.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
export function matcherMatches(matcher: Matcher, leaves: readonly ExactValue[]): boolean {
  if (matcher !== null && typeof matcher === "object") {
    if ("exists" in matcher) return matcher.exists === leaves.length > 0;
    return leaves.some((leaf) => operatorMatches(matcher, leaf));
  }
  return leaves.some((leaf) => exactEquals(matcher, leaf));
}

type Operator = Exclude<Matcher, ExactValue | { readonly exists: boolean }>;

function operatorMatches(matcher: Operator, leaf: ExactValue): boolean {
  if ("prefix" in matcher) return typeof leaf === "string" && textMatches(matcher.prefix, leaf, startsWith);
  if ("suffix" in matcher) return typeof leaf === "string" && textMatches(matcher.suffix, leaf, endsWith);
  if ("equals-ignore-case" in matcher) return typeof leaf === "string" && fold(leaf) === fold(matcher["equals-ignore-case"]);
  if ("wildcard" in matcher) return typeof leaf === "string" && wildcardMatches(matcher.wildcard, leaf);
  if ("numeric" in matcher) return typeof leaf === "number" && numericMatches(matcher.numeric, leaf);
  return !anythingButExcludes(matcher["anything-but"], leaf);
}

/**
 * Exact comparison: strings by code units, numbers by numeric value (a parsed
 * event no longer tells `300` from `300.0`), `true`/`false`/`null` as literals.
 * A string never equals a number (`"5"` is not `5`).
 */
function exactEquals(expected: ExactValue, leaf: ExactValue): boolean {
  return expected === leaf;
}

/**
 * True when `anything-but` rejects the leaf. Values compare exactly; the
 * prefix, suffix, equals-ignore-case and wildcard forms apply to strings, so a
 * non-string leaf (a number, `true`, `null`) is never excluded by them.
 */
function anythingButExcludes(argument: AnythingButArgument, leaf: ExactValue): boolean {
  if (typeof argument === "string" || typeof argument === "number") return argument === leaf;
  if (Array.isArray(argument)) return (argument as readonly ExactValue[]).includes(leaf);
  if (typeof leaf !== "string") return false;
  const form = argument as Exclude<AnythingButArgument, string | number | readonly unknown[]>;
  if ("prefix" in form) return leaf.startsWith(form.prefix);
  if ("suffix" in form) return leaf.endsWith(form.suffix);
  if ("equals-ignore-case" in form) {
    const excluded = form["equals-ignore-case"];
    return (typeof excluded === "string" ? [excluded] : excluded).some((value) => fold(value) === fold(leaf));
  }
  const wildcards = form.wildcard;
  return (typeof wildcards === "string" ? [wildcards] : wildcards).some((w) => wildcardMatches(w, leaf));
}

function textMatches(argument: TextArgument, leaf: string, test: (text: string, part: string) => boolean): boolean {
  if (typeof argument === "string") return test(leaf, argument);
  return test(fold(leaf), fold(argument["equals-ignore-case"]));
}

const startsWith = (text: string, part: string): boolean => text.startsWith(part);
const endsWith = (text: string, part: string): boolean => text.endsWith(part);

/** Case folding for the `equals-ignore-case` forms. */
function fold(text: string): string {
  return text.toLowerCase();
}

function wildcardMatches(value: string, leaf: string): boolean {
  const parsed = parseWildcard(value);
  // Patterns are validated before matching; an invalid wildcard matches nothing.
  return typeof parsed !== "string" && matchesWildcard(parsed, leaf);
}

function numericMatches(condition: NumericCondition, value: number): boolean {
  for (let i = 0; i < condition.length; i += 2) {
    const operator = condition[i] as NumericCondition[0];
    const bound = condition[i + 1] as number;
    if (!compare(operator, value, bound)) return false;
  }
  return true;
}

function compare(operator: NumericCondition[0], value: number, bound: number): boolean {
  switch (operator) {
    case "=":
      return value === bound;
    case "<":
      return value < bound;
    case "<=":
      return value <= bound;
    case ">":
      return value > bound;
    case ">=":
      return value >= bound;
  }
}
