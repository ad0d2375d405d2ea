import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../model/json.js";
import { checkIntrinsic } from "../check.js";
import { IntrinsicFailure } from "../errors.js";
import { evaluateIntrinsic } from "../evaluate.js";
import { parseIntrinsic } from "../parser.js";

const run = (text: string, input: Record<string, JsonValue> = {}) =>
  evaluateIntrinsic(parseIntrinsic(text), {
    resolvePath: (path) => {
      const value = input[path.slice(2)];
      if (value === undefined) throw new Error(`no ${path} in test input`);
      return value;
    },
  });
const problems = (text: string) => checkIntrinsic(parseIntrinsic(text)).map((problem) => problem.message);
const failure = (text: string, input: Record<string, JsonValue> = {}): string => {
  try {
    run(text, input);
  } catch (error) {
    if (error instanceof IntrinsicFailure) return error.message;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
};

describe("States.StringSplit", () => {
  it("splits the AWS guide example", () => {
    expect(run("States.StringSplit($.inputString, $.splitter)", { inputString: "1,2,3,4,5", splitter: "," })).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
  });

  it("treats every delimiter character as a separator and drops empty pieces", () => {
    expect(run("States.StringSplit($.s, '.+,=')", { s: "This.is+a,test=string" })).toEqual([
      "This",
      "is",
      "a",
      "test",
      "string",
    ]);
    expect(run("States.StringSplit(',,a,,b,', ',')")).toEqual(["a", "b"]);
    expect(run("States.StringSplit('', ',')")).toEqual([]);
    expect(run("States.StringSplit('abc', '')")).toEqual(["abc"]);
  });

  it("splits on escaped reserved characters and on characters outside the BMP", () => {
    expect(run("States.StringSplit('a{b}c', '\\\\{\\\\}')")).toEqual(["a", "b", "c"]);
    expect(run("States.StringSplit($.s, '😀')", { s: "x😀y" })).toEqual(["x", "y"]);
  });

  it("requires two strings", () => {
    expect(problems("States.StringSplit(1, ',')")).toEqual([
      "States.StringSplit: the string (argument 1) must be a string, but received number 1",
    ]);
    expect(failure("States.StringSplit('a', $.d)", { d: [","] })).toContain(
      "the delimiter characters (argument 2) must be a string",
    );
  });
});
