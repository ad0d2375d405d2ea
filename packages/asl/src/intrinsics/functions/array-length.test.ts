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

describe("States.ArrayLength", () => {
  it("counts the AWS guide example", () => {
    expect(run("States.ArrayLength($.inputArray)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(9);
    expect(run("States.ArrayLength(States.Array())")).toBe(0);
  });

  it("requires an array", () => {
    expect(problems("States.ArrayLength(null)")).toEqual([
      "States.ArrayLength: the array (argument 1) must be an array, but received null null",
    ]);
    expect(problems("States.ArrayLength(States.Format('x'))")).toEqual([
      "States.ArrayLength: the array (argument 1) must be an array, but States.Format returns a string",
    ]);
    expect(failure("States.ArrayLength($.s)", { s: "abc" })).toContain("must be an array, but received string");
  });
});
