/**
 * Choice rules in both query languages.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { JsonObject, JsonValue } from "./json.js";

/** Operators comparing the variable with a literal (and their `…Path` twins). */
export const comparisonOperators = [
  "StringEquals",
  "StringLessThan",
  "StringGreaterThan",
  "StringLessThanEquals",
  "StringGreaterThanEquals",
  "StringMatches",
  "NumericEquals",
  "NumericLessThan",
  "NumericGreaterThan",
  "NumericLessThanEquals",
  "NumericGreaterThanEquals",
  "BooleanEquals",
  "TimestampEquals",
  "TimestampLessThan",
  "TimestampGreaterThan",
  "TimestampLessThanEquals",
  "TimestampGreaterThanEquals",
] as const;

/** Operators that compare with another path of the input. `StringMatches` has none. */
export const pathComparisonOperators = [
  "StringEqualsPath",
  "StringLessThanPath",
  "StringGreaterThanPath",
  "StringLessThanEqualsPath",
  "StringGreaterThanEqualsPath",
  "NumericEqualsPath",
  "NumericLessThanPath",
  "NumericGreaterThanPath",
  "NumericLessThanEqualsPath",
  "NumericGreaterThanEqualsPath",
  "BooleanEqualsPath",
  "TimestampEqualsPath",
  "TimestampLessThanPath",
  "TimestampGreaterThanPath",
  "TimestampLessThanEqualsPath",
  "TimestampGreaterThanEqualsPath",
] as const;

/** Type tests: `true` asks the type to match, `false` asks it not to. */
export const typeTestOperators = [
  "IsNull",
  "IsPresent",
  "IsNumeric",
  "IsString",
  "IsBoolean",
  "IsTimestamp",
] as const;

export type ComparisonOperator = (typeof comparisonOperators)[number];
export type PathComparisonOperator = (typeof pathComparisonOperators)[number];
export type TypeTestOperator = (typeof typeTestOperators)[number];
/** Every data-test operator. */
export type DataTestOperator = ComparisonOperator | PathComparisonOperator | TypeTestOperator;

/** `{ "Variable": "$.x", "<Operator>": value }`: exactly one operator per rule. */
export type DataTestExpression = {
  Variable: string;
} & { [Op in ComparisonOperator]?: Op extends `String${string}` | `Timestamp${string}` ? string : Op extends "BooleanEquals" ? boolean : number } & {
  [Op in PathComparisonOperator]?: string;
} & { [Op in TypeTestOperator]?: boolean };

/** `And`, `Or` and `Not`. */
export type BooleanExpression =
  | { And: ChoiceExpression[] }
  | { Or: ChoiceExpression[] }
  | { Not: ChoiceExpression };

/** A JSONPath-mode choice expression (nested rules carry no `Next`). */
export type ChoiceExpression = DataTestExpression | BooleanExpression;

/** A top-level JSONPath choice rule. */
export type JsonPathChoiceRule = ChoiceExpression & {
  Next: string;
  Assign?: JsonObject;
  Comment?: string;
};

/** A JSONata choice rule. */
export interface JsonataChoiceRule {
  Condition: string | boolean;
  Next: string;
  Assign?: JsonObject;
  Output?: JsonValue;
  Comment?: string;
}

/** A top-level choice rule in either query language. */
export type ChoiceRule = JsonPathChoiceRule | JsonataChoiceRule;
