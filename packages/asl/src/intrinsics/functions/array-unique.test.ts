import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

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
