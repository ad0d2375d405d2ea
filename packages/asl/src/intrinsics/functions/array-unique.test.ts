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

describe("States.ArrayUnique", () => {
  it("deduplicates the AWS guide example", () => {
    expect(run("States.ArrayUnique($.inputArray)", { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] })).toEqual([1, 2, 3, 4]);
  });

  it("keeps first occurrences in order and compares deeply and by type", () => {
    expect(run("States.ArrayUnique($.a)", { a: [3, 1, 3, "3", { a: [1] }, { a: [1] }, null, null] })).toEqual([
      3,
      1,
      "3",
      { a: [1] },
      null,
    ]);
  });

  it("requires an array", () => {
    expect(problems("States.ArrayUnique('a')")).toEqual([
      'States.ArrayUnique: the array (argument 1) must be an array, but received string "a"',
    ]);
    expect(failure("States.ArrayUnique($.a)", { a: 1 })).toContain("must be an array, but received number 1");
  });
});
