import * as z from "zod";
import { parseWildcard } from "./wildcard.js";

/**
 * The shape of an Amazon EventBridge event pattern and its comparison
 * operators, as zod schemas and the TypeScript types they produce.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */

/** A literal a pattern can compare with exactly: `"aws.s3"`, `5`, `true`, `null`. */
export type ExactValue = string | number | boolean | null;

/** `"x"` or `{ "equals-ignore-case": "x" }`: the argument of `prefix` and `suffix`. */
export type TextArgument = string | { readonly "equals-ignore-case": string };

/** The argument of `anything-but`. Lists hold only strings or only numbers. */
export type AnythingButArgument =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly "equals-ignore-case": string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

export type NumericOperator = "=" | "<" | "<=" | ">" | ">=";

/** `[op, n]`, or a range `[">"|">=", low, "<"|"<=", high]`. */
export type NumericCondition =
  | readonly [NumericOperator, number]
  | readonly [">" | ">=", number, "<" | "<=", number];

/** One entry of a field's array. Entries of one array are ORed. */
export type Matcher =
  | ExactValue
  | { readonly prefix: TextArgument }
  | { readonly suffix: TextArgument }
  | { readonly "equals-ignore-case": string }
  | { readonly wildcard: string }
  | { readonly "anything-but": AnythingButArgument }
  | { readonly exists: boolean }
  | { readonly numeric: NumericCondition };

/**
 * An event pattern: each field holds an array of matchers (ORed) or a nested
 * pattern; fields are ANDed. `$or` holds two or more alternative patterns for
 * the same level.
 */
export interface EventPattern {
  readonly [field: string]: readonly Matcher[] | EventPattern | readonly EventPattern[];
}

const textArgument = z.union([z.string(), z.strictObject({ "equals-ignore-case": z.string() })]);

const wildcardText = z.string().superRefine((value, ctx) => {
  const parsed = parseWildcard(value);
  if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
});

const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, { error: "the list must not be empty" });

const anythingButArgument: z.ZodType<AnythingButArgument> = z.union([
  z.string(),
  z.number(),
  nonEmpty(z.string()),
  nonEmpty(z.number()),
  z.strictObject({ prefix: z.string().min(1, { error: "prefix must not be empty" }) }),
  z.strictObject({ suffix: z.string().min(1, { error: "suffix must not be empty" }) }),
  z.strictObject({ "equals-ignore-case": z.union([z.string(), nonEmpty(z.string())]) }),
  z.strictObject({ wildcard: z.union([wildcardText, nonEmpty(wildcardText)]) }),
]);

const numericOperator = z.enum(["=", "<", "<=", ">", ">="]);

const numericCondition: z.ZodType<NumericCondition> = z.union([
  z.tuple([numericOperator, z.number()]),
  z
    .tuple([z.enum([">", ">="]), z.number(), z.enum(["<", "<="]), z.number()])
    .refine(([, low, , high]) => low < high, { error: "the lower bound must be below the upper bound" }),
]);

/** One matcher; operator objects have exactly one operator key. */
export const MatcherSchema: z.ZodType<Matcher> = z.union(
  [
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.strictObject({ prefix: textArgument }),
    z.strictObject({ suffix: textArgument }),
    z.strictObject({ "equals-ignore-case": z.string() }),
    z.strictObject({ wildcard: wildcardText }),
    z.strictObject({ "anything-but": anythingButArgument }),
    z.strictObject({ exists: z.boolean() }),
    z.strictObject({ numeric: numericCondition }),
  ],
  { error: "not a value or a known comparison operator" },
);

/**
 * Validates an event pattern: every field holds a non-empty array of matchers
 * or a non-empty nested pattern, and `$or` a list of at least two patterns.
 * Issues carry the path of the offending field.
 */
export const EventPatternSchema: z.ZodType<EventPattern> = z
  .unknown()
  .superRefine((value, ctx) => checkPattern(value, [], ctx))
  .transform((value) => value as EventPattern);

type Context = z.core.$RefinementCtx<unknown>;

function checkPattern(value: unknown, path: readonly (string | number)[], ctx: Context): void {
  if (!isPlainObject(value)) {
    ctx.addIssue({ code: "custom", path: [...path], message: "a pattern must be a JSON object" });
    return;
  }
  if (Object.keys(value).length === 0) {
    ctx.addIssue({ code: "custom", path: [...path], message: "a pattern must not be empty" });
  }
  for (const [field, node] of Object.entries(value)) {
    const at = [...path, field];
    if (field === "$or") {
      if (!Array.isArray(node) || node.length < 2 || !node.every(isPatternLike)) {
        ctx.addIssue({ code: "custom", path: at, message: "$or must list at least two patterns" });
        continue;
      }
      node.forEach((alternative, index) => {
        checkPattern(alternative, [...at, index], ctx);
      });
    } else if (Array.isArray(node)) {
      const result = nonEmpty(MatcherSchema).safeParse(node);
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: "custom", path: [...at, ...issue.path.map(asKey)], message: issue.message });
      }
    } else if (isPlainObject(node)) {
      checkPattern(node, at, ctx);
    } else {
      ctx.addIssue({ code: "custom", path: at, message: "a field must hold an array of matchers or a nested pattern" });
    }
  }
}

const asKey = (key: PropertyKey): string | number => (typeof key === "symbol" ? String(key) : key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const operatorKeys = new Set(["prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "exists", "numeric"]);

/** An object that is not a single-operator matcher, so it can only be a (nested) pattern. */
function isPatternLike(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length !== 1 || !operatorKeys.has(keys[0] ?? "");
}
