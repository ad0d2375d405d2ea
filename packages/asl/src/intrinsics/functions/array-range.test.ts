import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.ArrayRange", () => {
  it("builds the AWS guide example", () => {
    expect(run("States.ArrayRange(1, 9, 2)")).toEqual([1, 3, 5, 7, 9]);
  });

  it("includes the end only when a step lands on it, and counts down with a negative step", () => {
    expect(run("States.ArrayRange(1, 10, 3)")).toEqual([1, 4, 7, 10]);
    expect(run("States.ArrayRange(1, 9, 3)")).toEqual([1, 4, 7]);
    expect(run("States.ArrayRange(5, 1, -2)")).toEqual([5, 3, 1]);
    expect(run("States.ArrayRange(4, 4, 1)")).toEqual([4]);
    expect(run("States.ArrayRange(1, 5, -1)")).toEqual([]);
  });

  it("allows 1,000 items and refuses more", () => {
    expect(run("States.ArrayRange(1, 1000, 1)")).toHaveLength(1000);
    expect(problems("States.ArrayRange(0, 1000, 1)")).toEqual([
      "States.ArrayRange: the range would hold 1001 items, more than the maximum of 1000",
    ]);
    expect(failure("States.ArrayRange(0, $.end, 1)", { end: 5000 })).toBe(
      "Invalid arguments in States.ArrayRange: the range would hold 5001 items, more than the maximum of 1000",
    );
  });

  it("requires integers and a non-zero step", () => {
    expect(problems("States.ArrayRange(1, 9, 0)")).toEqual([
      "States.ArrayRange: the step (argument 3) must not be 0, but received 0",
    ]);
    expect(problems("States.ArrayRange(1.5, '9', 1)")).toEqual([
      "States.ArrayRange: the start (argument 1) must be an integer, but received number 1.5",
      "States.ArrayRange: the end (argument 2) must be an integer, but received string \"9\"",
    ]);
    expect(failure("States.ArrayRange(1, 2, $.s)", { s: 0 })).toContain("the step (argument 3) must not be 0");
    expect(problems("States.ArrayRange(1, 2)")).toEqual(["States.ArrayRange takes 3 arguments, but 2 were given"]);
  });
});
