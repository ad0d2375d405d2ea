import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.ArrayContains", () => {
  it("finds the AWS guide example", () => {
    expect(
      run("States.ArrayContains($.inputArray, $.lookingFor)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5 }),
    ).toBe(true);
  });

  it("compares deeply and by type", () => {
    const input = { a: [1, "2", { k: [1, { z: null }] }, [3]] };
    expect(run("States.ArrayContains($.a, 2)", input)).toBe(false);
    expect(run("States.ArrayContains($.a, '2')", input)).toBe(true);
    expect(run("States.ArrayContains($.a, $.o)", { ...input, o: { k: [1, { z: null }] } })).toBe(true);
    expect(run("States.ArrayContains($.a, States.Array(3))", input)).toBe(true);
    expect(run("States.ArrayContains($.a, null)", input)).toBe(false);
  });

  it("requires an array and a value", () => {
    expect(problems("States.ArrayContains(1, 1)")).toEqual([
      "States.ArrayContains: the array (argument 1) must be an array, but received number 1",
    ]);
    expect(problems("States.ArrayContains($.a)")).toEqual(["States.ArrayContains takes 2 arguments, but 1 was given"]);
    expect(failure("States.ArrayContains($.a, 1)", { a: "x" })).toContain("must be an array, but received string");
  });
});
