import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

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
