import { describe, expect, it } from "vitest";
import type { IntrinsicCall } from "./ast.js";
import { intrinsicPaths } from "./ast.js";
import { IntrinsicSyntaxError } from "./errors.js";
import { isIntrinsicCall, parseIntrinsic } from "./parser.js";

function syntaxError(text: string): IntrinsicSyntaxError {
  try {
    parseIntrinsic(text);
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe("parseIntrinsic", () => {
  it("parses a call with every kind of literal and keeps offsets", () => {
    const text = "States.Array('a', -1.5e2, true, false, null)";
    expect(parseIntrinsic(text)).toEqual({
      kind: "call",
      name: "States.Array",
      offset: 0,
      end: text.length,
      args: [
        { kind: "string", value: "a", raw: "a", offset: 13, end: 16 },
        { kind: "number", value: -150, offset: 18, end: 24 },
        { kind: "boolean", value: true, offset: 26, end: 30 },
        { kind: "boolean", value: false, offset: 32, end: 37 },
        { kind: "null", value: null, offset: 39, end: 43 },
      ],
    });
  });

  it("parses a call without arguments and tolerates surrounding spaces", () => {
    expect(parseIntrinsic("  States.UUID( )  ")).toMatchObject({ name: "States.UUID", args: [], offset: 2, end: 16 });
  });

  it("keeps path arguments as written: input, context object, variables, brackets and indices", () => {
    const call = parseIntrinsic(
      "States.Array($.x, $$.Execution.Id, $myVar.a, $['a b'], $.a[0], $.list[?(@.n == 'x, y')].n, $)",
    );
    expect(call.args.map((arg) => (arg.kind === "path" ? arg.path : arg.kind))).toEqual([
      "$.x",
      "$$.Execution.Id",
      "$myVar.a",
      "$['a b']",
      "$.a[0]",
      "$.list[?(@.n == 'x, y')].n",
      "$",
    ]);
    expect(intrinsicPaths(call).map((path) => path.offset)).toEqual([13, 18, 35, 45, 55, 63, 91]);
  });

  it("resolves the four escapes in string literals and keeps the raw text", () => {
    const call = parseIntrinsic("States.Format('It\\'s \\{\\} \\\\ {}', 1)");
    expect(call.args[0]).toMatchObject({ kind: "string", value: "It's {} \\ {}", raw: "It\\'s \\{\\} \\\\ {}" });
  });

  it("accepts a backslash before any character and keeps that character (Step Functions runs 'Hello\\nWorld')", () => {
    const call = parseIntrinsic("States.StringSplit('Hello\\nWorld', '\\n')");
    expect(call.args[0]).toMatchObject({ kind: "string", value: "HellonWorld", raw: "Hello\\nWorld" });
    expect(call.args[1]).toMatchObject({ kind: "string", value: "n", raw: "\\n" });
  });

  it("parses nested calls (the nine-call example from the AWS guide)", () => {
    const text =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    const call = parseIntrinsic(text);
    const count = (node: IntrinsicCall): number =>
      1 + node.args.reduce((sum, arg) => sum + (arg.kind === "call" ? count(arg) : 0), 0);
    expect(count(call)).toBe(9);
    expect(intrinsicPaths(call).map((path) => path.path)).toEqual(["$.ImageRecipe.Arn", "$.ImageRecipe.Arn"]);
  });

  it("accepts nesting 10 deep and refuses 11", () => {
    const nest = (depth: number): string => (depth === 1 ? "States.Array(1)" : `States.Array(${nest(depth - 1)})`);
    expect(() => parseIntrinsic(nest(10))).not.toThrow();
    const error = syntaxError(nest(11));
    expect(error.reason).toBe("intrinsic functions can be nested at most 10 deep");
    expect(error.offset).toBe(130);
  });

  it.each([
    ["$.a", 0, "expected an intrinsic function call such as States.Format(…)"],
    ["Format('x')", 0, "'Format' is not an intrinsic function name (expected States.<Name>)"],
    ["States.A.B()", 0, "'States.A.B' is not an intrinsic function name (expected States.<Name>)"],
    ["States.Array", 12, "expected '(' after States.Array, found the end of the text"],
    ["States.Array(1", 14, "expected ',' or ')' in the arguments of States.Array, found the end of the text"],
    ["States.Array(1 2)", 14, "unexpected '2' after 1"],
    ["States.Array(1,)", 15, "expected an argument (string, number, boolean, null, path or call), found ')'"],
    ["States.Array(1) x", 16, "unexpected 'x' after the end of the call"],
    ["States.Array('abc)", 13, "unterminated string literal (missing closing ')"],
    ["States.Array('a\\", 15, "a lone backslash at the end of a string literal"],
    ['States.Array("a")', 13, "string literals use single quotes ('text'), not double quotes"],
    ["States.Array(12abc)", 15, "unexpected 'a' after 12"],
    ["States.Array(-)", 13, "invalid number starting at '-'"],
    ["States.Array(truex)", 13, "'truex' is not an intrinsic function name (expected States.<Name>)"],
    ["States.Array($.a[0)", 16, "unterminated '[' in path"],
    ["States.Array($.a[0", 16, "unterminated '[' in path"],
    ["States.Array($.a])", 16, "unbalanced ']' in path"],
    ["States.Array($['a)", 15, "unterminated quoted name in path (missing closing ')"],
  ])("refuses %s at offset %i", (text, offset, reason) => {
    const error = syntaxError(text);
    expect(error.name).toBe("States.Runtime");
    expect({ offset: error.offset, reason: error.reason }).toEqual({ offset, reason });
    expect(error.message).toContain(`offset ${offset}: ${reason}`);
  });
});

describe("isIntrinsicCall", () => {
  it.each([
    ["States.Format('x')", true],
    ["  States.UUID()", true],
    ["States.Unknown(", true],
    ["$.a", false],
    ["$$.Execution.Id", false],
    ["States.Format", false],
    ["states.Format()", false],
  ])("%s → %s", (text, expected) => {
    expect(isIntrinsicCall(text)).toBe(expected);
  });
});
