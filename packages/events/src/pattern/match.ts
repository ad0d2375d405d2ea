import { matcherMatches } from "./leaf.js";
import { type EventPattern, EventPatternSchema, type ExactValue, type Matcher } from "./schema.js";

/** The outcome of matching an event; a mismatch names the first field that failed. */
export type MatchResult =
  | { readonly matched: true }
  | { readonly matched: false; readonly field: string; readonly reason: string };

/**
 * Thrown for a pattern EventBridge would refuse; the name is the error code
 * of `PutRule`/`TestEventPattern`.
 */
export class InvalidEventPatternException extends Error {
  override readonly name = "InvalidEventPatternException";
}

/**
 * Validates an event pattern (for example one read from a file or a template),
 * throwing {@link InvalidEventPatternException} that names every problem and where.
 */
export function parseEventPattern(value: unknown): EventPattern {
  const result = EventPatternSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const at = issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".");
    return `${at}: ${issue.message}`;
  });
  throw new InvalidEventPatternException(`Event pattern is not valid. ${problems.join("; ")}`);
}

/**
 * Matches an event against a pattern the way an EventBridge rule does:
 * fields are ANDed, entries of a field's array are ORed, a pattern field must
 * exist in the event (except `exists: false`), event arrays match when any
 * element matches, and a nested pattern applied to an array of objects must
 * be satisfied by one element (array-consistent matching).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export function matchEvent(pattern: EventPattern, event: unknown): MatchResult {
  return matchNested(pattern, event, "");
}

function matchNested(pattern: EventPattern, value: unknown, path: string): MatchResult {
  if (!Array.isArray(value)) return matchFields(pattern, isObject(value) ? value : undefined, path);
  const elements = flatten(value).filter(isObject);
  if (elements.length === 0) return matchFields(pattern, undefined, path);
  let firstMiss: MatchResult | undefined;
  for (const element of elements) {
    const result = matchFields(pattern, element, path);
    if (result.matched) return result;
    firstMiss ??= result;
  }
  return firstMiss ?? { matched: true };
}

function matchFields(pattern: EventPattern, object: Record<string, unknown> | undefined, path: string): MatchResult {
  for (const [field, node] of Object.entries(pattern)) {
    if (field === "$or") {
      const alternatives = node as readonly EventPattern[];
      if (!alternatives.some((alternative) => matchFields(alternative, object, path).matched)) {
        return { matched: false, field: path === "" ? "$or" : `${path}.$or`, reason: "no $or alternative matched" };
      }
      continue;
    }
    const fieldPath = path === "" ? field : `${path}.${field}`;
    const child = object !== undefined && Object.hasOwn(object, field) ? object[field] : undefined;
    if (Array.isArray(node)) {
      const matchers = node as readonly Matcher[];
      const leaves = leavesOf(child);
      if (!matchers.some((matcher) => matcherMatches(matcher, leaves))) {
        return { matched: false, field: fieldPath, reason: `${describe(child)} matches none of ${JSON.stringify(matchers)}` };
      }
      continue;
    }
    const result = matchNested(node as EventPattern, child, fieldPath);
    if (!result.matched) return result;
  }
  return { matched: true };
}

/** The scalar values at a field: none when missing or an object, each element of an array. */
function leavesOf(value: unknown): ExactValue[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? flatten(value) : [value];
  return values.filter(isScalar);
}

function flatten(values: readonly unknown[]): unknown[] {
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is ExactValue {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function describe(value: unknown): string {
  if (value === undefined) return "the field is missing and";
  if (isObject(value)) return "the field is an object and";
  return `${JSON.stringify(value)}`;
}
