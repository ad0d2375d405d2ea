import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.ArrayPartition", () => {
  it("chunks the AWS guide example", () => {
    expect(run("States.ArrayPartition($.inputArray,4)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
  });

  it("handles exact multiples, oversized chunks and empty arrays", () => {
    expect(run("States.ArrayPartition($.a, 2)", { a: [1, 2, 3, 4] })).toEqual([[1, 2], [3, 4]]);
    expect(run("States.ArrayPartition($.a, 10)", { a: [1, 2] })).toEqual([[1, 2]]);
    expect(run("States.ArrayPartition($.a, 3)", { a: [] })).toEqual([]);
  });

  it("requires a positive integer chunk size", () => {
    expect(problems("States.ArrayPartition($.a, 0)")).toEqual([
      "States.ArrayPartition: the chunk size (argument 2) must be greater than 0, but received 0",
    ]);
    expect(problems("States.ArrayPartition($.a, 1.5)")).toEqual([
      "States.ArrayPartition: the chunk size (argument 2) must be an integer, but received number 1.5",
    ]);
    expect(failure("States.ArrayPartition($.a, $.n)", { a: [1], n: -2 })).toBe(
      "Invalid arguments in States.ArrayPartition: the chunk size (argument 2) must be greater than 0, but received -2",
    );
  });

  it("requires an array", () => {
    expect(problems("States.ArrayPartition('abc', 1)")).toEqual([
      "States.ArrayPartition: the array (argument 1) must be an array, but received string \"abc\"",
    ]);
    expect(failure("States.ArrayPartition($.a, 1)", { a: { x: 1 } })).toContain("must be an array, but received object");
  });
});
