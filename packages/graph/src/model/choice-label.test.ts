import type { ChoiceRule } from "@statecraft/asl";
import { describe, expect, test } from "vitest";
import { describeChoiceRule } from "./choice-label.js";

describe("describeChoiceRule", () => {
  test.each<[string, ChoiceRule, string]>([
    ["string equality", { Variable: "$.song", StringEquals: "gangnam style", Next: "X" }, '$.song == "gangnam style"'],
    ["numeric less-or-equal", { Variable: "$.n", NumericLessThanEquals: 3, Next: "X" }, "$.n <= 3"],
    ["numeric greater", { Variable: "$.n", NumericGreaterThan: 3, Next: "X" }, "$.n > 3"],
    ["boolean", { Variable: "$.ok", BooleanEquals: false, Next: "X" }, "$.ok == false"],
    ["timestamp", { Variable: "$.t", TimestampLessThan: "2026-01-01T00:00:00Z", Next: "X" }, '$.t < "2026-01-01T00:00:00Z"'],
    ["path comparison", { Variable: "$.a", NumericGreaterThanEqualsPath: "$.b", Next: "X" }, "$.a >= $.b"],
    ["pattern", { Variable: "$.key", StringMatches: "*.png", Next: "X" }, '$.key matches "*.png"'],
    ["type test true", { Variable: "$.x", IsPresent: true, Next: "X" }, "$.x is present"],
    ["type test false", { Variable: "$.x", IsNull: false, Next: "X" }, "$.x is not null"],
    ["not", { Not: { Variable: "$.x", StringEquals: "a" }, Next: "X" }, 'not $.x == "a"'],
    [
      "nested and/or",
      { And: [{ Variable: "$.a", IsNumeric: true }, { Or: [{ Variable: "$.b", NumericEquals: 1 }, { Variable: "$.b", NumericEquals: 2 }] }], Next: "X" },
      "$.a is numeric and ($.b == 1 or $.b == 2)",
    ],
    ["JSONata condition", { Condition: "{%  $states.input.n > 3 %}", Next: "X" }, "$states.input.n > 3"],
    ["JSONata literal", { Condition: true, Next: "X" }, "true"],
  ])("%s", (_name, rule, text) => {
    expect(describeChoiceRule(rule)).toBe(text);
  });
});
