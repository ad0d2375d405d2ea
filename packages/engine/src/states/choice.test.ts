import type { JsonValue } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../errors.js";
import { run, runState } from "../testing/helpers.js";
import { wildcardPattern } from "./choice-rules.js";

/** Runs a Choice with one rule; resolves "Yes" when it matched, "No" otherwise. */
async function decide(rule: Record<string, unknown>, input: JsonValue): Promise<string> {
  const result = await run(
    {
      StartAt: "C",
      States: {
        C: { Type: "Choice", Choices: [{ ...rule, Next: "Yes" }], Default: "No" },
        Yes: { Type: "Pass", Result: "Yes", End: true },
        No: { Type: "Pass", Result: "No", End: true },
      },
    },
    input,
  );
  if (result.status !== "SUCCEEDED") throw new Error(`${result.error}: ${result.cause}`);
  return result.output as string;
}

const input = {
  s: "banana",
  n: 10,
  b: true,
  t: "2024-06-01T12:00:00Z",
  nil: null,
  other: { s: "apple", n: 20, b: true, t: "2024-06-01T13:00:00+01:00" },
};

describe("Choice operators", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["StringEquals", { Variable: "$.s", StringEquals: "banana" }, true],
    ["StringEquals on a number is false", { Variable: "$.n", StringEquals: "10" }, false],
    ["StringLessThan", { Variable: "$.s", StringLessThan: "cherry" }, true],
    ["StringGreaterThan", { Variable: "$.s", StringGreaterThan: "cherry" }, false],
    ["StringLessThanEquals", { Variable: "$.s", StringLessThanEquals: "banana" }, true],
    ["StringGreaterThanEquals", { Variable: "$.s", StringGreaterThanEquals: "banana" }, true],
    ["StringMatches", { Variable: "$.s", StringMatches: "b*n*a" }, true],
    ["StringMatches anchored", { Variable: "$.s", StringMatches: "an*" }, false],
    ["StringEqualsPath", { Variable: "$.s", StringEqualsPath: "$.other.s" }, false],
    ["StringLessThanPath", { Variable: "$.other.s", StringLessThanPath: "$.s" }, true],
    ["StringGreaterThanPath", { Variable: "$.s", StringGreaterThanPath: "$.other.s" }, true],
    ["StringLessThanEqualsPath", { Variable: "$.s", StringLessThanEqualsPath: "$.s" }, true],
    ["StringGreaterThanEqualsPath", { Variable: "$.other.s", StringGreaterThanEqualsPath: "$.s" }, false],
    ["NumericEquals", { Variable: "$.n", NumericEquals: 10 }, true],
    ["NumericEquals on a string is false", { Variable: "$.s", NumericEquals: 10 }, false],
    ["NumericLessThan", { Variable: "$.n", NumericLessThan: 10 }, false],
    ["NumericGreaterThan", { Variable: "$.n", NumericGreaterThan: 9.5 }, true],
    ["NumericLessThanEquals", { Variable: "$.n", NumericLessThanEquals: 10 }, true],
    ["NumericGreaterThanEquals", { Variable: "$.n", NumericGreaterThanEquals: 11 }, false],
    ["NumericEqualsPath", { Variable: "$.n", NumericEqualsPath: "$.other.n" }, false],
    ["NumericLessThanPath", { Variable: "$.n", NumericLessThanPath: "$.other.n" }, true],
    ["NumericGreaterThanPath", { Variable: "$.n", NumericGreaterThanPath: "$.other.n" }, false],
    ["NumericLessThanEqualsPath", { Variable: "$.n", NumericLessThanEqualsPath: "$.n" }, true],
    ["NumericGreaterThanEqualsPath", { Variable: "$.other.n", NumericGreaterThanEqualsPath: "$.n" }, true],
    ["BooleanEquals", { Variable: "$.b", BooleanEquals: true }, true],
    ["BooleanEquals false", { Variable: "$.b", BooleanEquals: false }, false],
    ["BooleanEqualsPath", { Variable: "$.b", BooleanEqualsPath: "$.other.b" }, true],
    ["TimestampEquals", { Variable: "$.t", TimestampEquals: "2024-06-01T12:00:00.000Z" }, true],
    ["TimestampEquals across offsets", { Variable: "$.t", TimestampEqualsPath: "$.other.t" }, true],
    ["TimestampLessThan", { Variable: "$.t", TimestampLessThan: "2024-06-01T12:00:01Z" }, true],
    ["TimestampGreaterThan", { Variable: "$.t", TimestampGreaterThan: "2024-06-01T12:00:01Z" }, false],
    ["TimestampLessThanEquals", { Variable: "$.t", TimestampLessThanEquals: "2024-06-01T12:00:00Z" }, true],
    ["TimestampGreaterThanEquals", { Variable: "$.t", TimestampGreaterThanEquals: "2025-01-01T00:00:00Z" }, false],
    ["TimestampLessThanPath", { Variable: "$.t", TimestampLessThanPath: "$.other.t" }, false],
    ["TimestampGreaterThanPath", { Variable: "$.t", TimestampGreaterThanPath: "$.other.t" }, false],
    ["TimestampLessThanEqualsPath", { Variable: "$.t", TimestampLessThanEqualsPath: "$.other.t" }, true],
    ["TimestampGreaterThanEqualsPath", { Variable: "$.t", TimestampGreaterThanEqualsPath: "$.other.t" }, true],
    ["Timestamp on a non-timestamp string is false", { Variable: "$.s", TimestampEquals: "2024-06-01T12:00:00Z" }, false],
    ["IsNull true", { Variable: "$.nil", IsNull: true }, true],
    ["IsNull false", { Variable: "$.s", IsNull: false }, true],
    ["IsPresent true", { Variable: "$.s", IsPresent: true }, true],
    ["IsPresent true on a missing field", { Variable: "$.missing", IsPresent: true }, false],
    ["IsPresent false on a missing field", { Variable: "$.missing", IsPresent: false }, true],
    ["IsNumeric true", { Variable: "$.n", IsNumeric: true }, true],
    ["IsNumeric false", { Variable: "$.s", IsNumeric: false }, true],
    ["IsString true", { Variable: "$.s", IsString: true }, true],
    ["IsString false", { Variable: "$.n", IsString: false }, true],
    ["IsBoolean true", { Variable: "$.b", IsBoolean: true }, true],
    ["IsBoolean false", { Variable: "$.b", IsBoolean: false }, false],
    ["IsTimestamp true", { Variable: "$.t", IsTimestamp: true }, true],
    ["IsTimestamp false", { Variable: "$.s", IsTimestamp: false }, true],
    ["And", { And: [{ Variable: "$.n", NumericGreaterThan: 5 }, { Variable: "$.s", StringEquals: "banana" }] }, true],
    ["And with one false", { And: [{ Variable: "$.n", NumericGreaterThan: 50 }, { Variable: "$.s", StringEquals: "banana" }] }, false],
    ["Or", { Or: [{ Variable: "$.n", NumericGreaterThan: 50 }, { Variable: "$.s", StringEquals: "banana" }] }, true],
    ["Not", { Not: { Variable: "$.s", StringEquals: "banana" } }, false],
    ["nested", { Not: { And: [{ Variable: "$.b", BooleanEquals: true }, { Or: [{ Variable: "$.n", NumericEquals: 1 }] }] } }, true],
    ["a context-object variable", { Variable: "$$.State.Name", StringEquals: "C" }, true],
  ])("%s", async (_label, rule, expected) => {
    expect(await decide(rule, input)).toBe(expected ? "Yes" : "No");
  });

  it("StringMatches: * is a wildcard, \\* and \\\\ are literal", () => {
    expect(wildcardPattern("log-*.txt").test("log-2024-06.txt")).toBe(true);
    expect(wildcardPattern("*.log").test("a.log.gz")).toBe(false);
    expect(wildcardPattern("a\\*b").test("a*b")).toBe(true);
    expect(wildcardPattern("a\\*b").test("axxb")).toBe(false);
    expect(wildcardPattern("a\\\\b").test("a\\b")).toBe(true);
    expect(wildcardPattern("*").test("")).toBe(true);
    expect(wildcardPattern("a.c").test("abc")).toBe(false);
  });

  it("picks the first matching rule, in order", async () => {
    const result = await runState(
      { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 1, Next: "A" }, { Variable: "$.n", NumericGreaterThan: 0, Next: "B" }] },
      { n: 5 },
    ).catch((error: unknown) => error);
    expect(result).toBeInstanceOf(InvalidDefinitionError);
    const ok = await run(
      {
        StartAt: "C",
        States: {
          C: { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 1, Next: "A" }, { Variable: "$.n", NumericGreaterThan: 0, Next: "B" }] },
          A: { Type: "Pass", Result: "A", End: true },
          B: { Type: "Pass", Result: "B", End: true },
        },
      },
      { n: 5 },
    );
    expect(ok.output).toBe("A");
  });

  it("fails with States.NoChoiceMatched without Default", async () => {
    const result = await run(
      { StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "D" }] }, D: { Type: "Succeed" } } },
      { n: 2 },
    );
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.NoChoiceMatched");
  });

  it("fails with States.Runtime when the Variable path matches nothing", async () => {
    const result = await run(
      { StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Variable: "$.missing", NumericEquals: 1, Next: "D" }], Default: "D" }, D: { Type: "Succeed" } } },
      {},
    );
    expect(result.error).toBe("States.Runtime");
  });

  it("applies InputPath and OutputPath and records ChoiceStateEntered/Exited", async () => {
    const result = await run(
      {
        StartAt: "C",
        States: {
          C: { Type: "Choice", InputPath: "$.inner", OutputPath: "$.v", Choices: [{ Variable: "$.v", NumericEquals: 1, Next: "D" }] },
          D: { Type: "Succeed" },
        },
      },
      { inner: { v: 1 } },
    );
    expect(result.output).toBe(1);
    expect(result.history.map((event) => event.type)).toContain("ChoiceStateExited");
  });

  it("refuses rules with unknown operators, bad literals or missing targets", async () => {
    const choices = [{ Variable: "$.n", NumericEquals: "1", Next: "X" }, { Variable: "$.n", Nope: 1, Next: "C" }];
    const error = (await run({ StartAt: "C", States: { C: { Type: "Choice", Choices: choices } } }, {}).catch((e: unknown) => e)) as InvalidDefinitionError;
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    const pointers = error.problems.map((problem) => problem.pointer);
    for (const pointer of ["/States/C/Choices/0/NumericEquals", "/States/C/Choices/0/Next"]) expect(pointers).toContain(pointer);
    expect(pointers.some((pointer) => pointer.startsWith("/States/C/Choices/1"))).toBe(true);
  });
});
