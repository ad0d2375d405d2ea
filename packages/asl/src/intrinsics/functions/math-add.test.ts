import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.MathAdd", () => {
  it("adds the AWS guide example", () => {
    expect(run("States.MathAdd($.value1, $.step)", { value1: 111, step: -1 })).toBe(110);
  });

  it("rounds non-integers to the nearest integer first, halves upwards", () => {
    expect(run("States.MathAdd(1.5, 1.4)")).toBe(3);
    expect(run("States.MathAdd(-1.5, 0)")).toBe(-1);
    expect(run("States.MathAdd(-2.6, 0.5)")).toBe(-2);
  });

  it("requires two numbers", () => {
    expect(problems("States.MathAdd('1', 2)")).toEqual([
      "States.MathAdd: the first number (argument 1) must be a number, but received string \"1\"",
    ]);
    expect(failure("States.MathAdd(1, $.b)", { b: null })).toContain(
      "the second number (argument 2) must be a number, but received null",
    );
    expect(problems("States.MathAdd(1, 2, 3)")).toEqual(["States.MathAdd takes 2 arguments, but 3 were given"]);
  });
});
