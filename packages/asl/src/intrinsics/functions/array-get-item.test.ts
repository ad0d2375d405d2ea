import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.ArrayGetItem", () => {
  it("reads the AWS guide example", () => {
    expect(run("States.ArrayGetItem($.inputArray, $.index)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 })).toBe(6);
  });

  it("returns any kind of item, null included", () => {
    expect(run("States.ArrayGetItem($.a, 0)", { a: [{ x: 1 }] })).toEqual({ x: 1 });
    expect(run("States.ArrayGetItem($.a, 1)", { a: [1, null] })).toBeNull();
  });

  it("refuses an index out of bounds", () => {
    expect(failure("States.ArrayGetItem($.a, 3)", { a: [1, 2, 3] })).toBe(
      "Invalid arguments in States.ArrayGetItem: the index 3 is out of bounds for an array of 3 items",
    );
    expect(problems("States.ArrayGetItem(States.Array(1), 1)")).toEqual([]);
    expect(failure("States.ArrayGetItem(States.Array(1), 1)")).toContain("out of bounds for an array of 1 item");
  });

  it("refuses negative and non-integer indexes and non-arrays", () => {
    expect(problems("States.ArrayGetItem($.a, -1)")).toEqual([
      "States.ArrayGetItem: the index (argument 2) must not be negative, but received -1",
    ]);
    expect(problems("States.ArrayGetItem($.a, 0.5)")).toEqual([
      "States.ArrayGetItem: the index (argument 2) must be an integer, but received number 0.5",
    ]);
    expect(failure("States.ArrayGetItem($.a, 0)", { a: "abc" })).toContain("the array (argument 1) must be an array");
  });
});
