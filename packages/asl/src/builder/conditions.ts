/**
 * Typed Choice conditions over the current value: `cond.stringEquals($.name, "PSY")`.
 * Each operator takes a path of the matching type, so a condition on a missing
 * field or a string operator on a number field does not compile.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import type { DataTestOperator, JsonValue } from "../model/index.js";
import type { Expr, RawRef, Ref } from "./expr.js";

/** The description of a condition, rendered per query language. */
export type ConditionNode =
  | {
      readonly kind: "test";
      readonly operator: DataTestOperator;
      readonly variable: Expr<unknown>;
      /** A literal, or (for `…Path` operators) a path. */
      readonly value: JsonValue | Expr<unknown>;
    }
  | { readonly kind: "and" | "or"; readonly conditions: readonly ConditionNode[] }
  | { readonly kind: "not"; readonly condition: ConditionNode }
  /** Escape hatch: a JSONata condition written by hand. */
  | { readonly kind: "rawJsonata"; readonly expression: string };

declare const conditionMark: unique symbol;

/** A Choice rule's condition. */
export interface Condition {
  readonly [conditionMark]: true;
  readonly node: ConditionNode;
}

function condition(node: ConditionNode): Condition {
  // The mark exists only in the type, so conditions come from `cond`.
  return { node } as Condition;
}

type Operand<T> = Ref<T | undefined> | RawRef;
type StringTest = `String${"Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals"}`;
type NumericTest = `Numeric${"Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals"}`;
type TimestampTest = `Timestamp${"Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals"}`;

/** A literal compares with `Op`, a path with `OpPath`. */
function compare(operator: StringTest | NumericTest | TimestampTest | "BooleanEquals") {
  return (variable: Expr<unknown>, value: JsonValue | Expr<unknown>): Condition => {
    const isLiteral = value === null || typeof value !== "object";
    return condition({
      kind: "test",
      operator: isLiteral ? operator : `${operator}Path`,
      variable,
      value,
    });
  };
}

function typeTest(operator: "IsNull" | "IsPresent" | "IsNumeric" | "IsString" | "IsBoolean" | "IsTimestamp") {
  return (variable: Operand<unknown>, expected = true): Condition =>
    condition({ kind: "test", operator, variable, value: expected });
}

const string = (op: StringTest) => compare(op) as <T extends string>(variable: Operand<T>, value: NoInfer<T> | Ref<string>) => Condition;
const numeric = (op: NumericTest) => compare(op) as (variable: Operand<number>, value: number | Ref<number>) => Condition;
const timestamp = (op: TimestampTest) =>
  compare(op) as (variable: Operand<string>, value: string | Ref<string>) => Condition;

/**
 * Choice conditions. Comparison operators take a literal or a path of the same
 * type (rendered as the `…Path` operator); type tests take any path.
 */
export const cond = {
  stringEquals: string("StringEquals"),
  stringLessThan: string("StringLessThan"),
  stringGreaterThan: string("StringGreaterThan"),
  stringLessThanEquals: string("StringLessThanEquals"),
  stringGreaterThanEquals: string("StringGreaterThanEquals"),
  /** `*` matches any run of characters; `\\*` a literal star. */
  stringMatches: (variable: Operand<string>, pattern: string): Condition =>
    condition({ kind: "test", operator: "StringMatches", variable, value: pattern }),
  numericEquals: numeric("NumericEquals"),
  numericLessThan: numeric("NumericLessThan"),
  numericGreaterThan: numeric("NumericGreaterThan"),
  numericLessThanEquals: numeric("NumericLessThanEquals"),
  numericGreaterThanEquals: numeric("NumericGreaterThanEquals"),
  booleanEquals: compare("BooleanEquals") as (variable: Operand<boolean>, value: boolean | Ref<boolean>) => Condition,
  timestampEquals: timestamp("TimestampEquals"),
  timestampLessThan: timestamp("TimestampLessThan"),
  timestampGreaterThan: timestamp("TimestampGreaterThan"),
  timestampLessThanEquals: timestamp("TimestampLessThanEquals"),
  timestampGreaterThanEquals: timestamp("TimestampGreaterThanEquals"),
  isNull: typeTest("IsNull"),
  isPresent: typeTest("IsPresent"),
  isNumeric: typeTest("IsNumeric"),
  isString: typeTest("IsString"),
  isBoolean: typeTest("IsBoolean"),
  isTimestamp: typeTest("IsTimestamp"),
  and: (...conditions: [Condition, ...Condition[]]): Condition =>
    condition({ kind: "and", conditions: conditions.map((c) => c.node) }),
  or: (...conditions: [Condition, ...Condition[]]): Condition =>
    condition({ kind: "or", conditions: conditions.map((c) => c.node) }),
  not: (inner: Condition): Condition => condition({ kind: "not", condition: inner.node }),
  /** Escape hatch: a JSONata condition written by hand, without `{% %}`. JSONata states only. */
  unsafeJsonata: (expression: string): Condition => condition({ kind: "rawJsonata", expression }),
} as const;
