import { describe, expect, it } from "vitest";
import { evaluateIntrinsic } from "../evaluate.js";
import { parseIntrinsic } from "../parser.js";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.MathRandom", () => {
  it("draws within the AWS guide example bounds, both included", () => {
    const low = run("States.MathRandom($.start, $.end)", { start: 1, end: 999 });
    expect(Number.isInteger(low)).toBe(true);
    const draw = (unit: number) =>
      evaluateIntrinsic(parseIntrinsic("States.MathRandom(1, 999)"), { resolvePath: () => null, random: () => unit });
    expect(draw(0)).toBe(1);
    expect(draw(0.999_999_9)).toBe(999);
    expect(draw(0.5)).toBe(500);
  });

  it("returns the same number for the same seed", () => {
    const first = run("States.MathRandom(1, 1000000, 42)");
    expect(run("States.MathRandom(1, 1000000, 42)")).toBe(first);
    const seeds = new Set(Array.from({ length: 20 }, (_, seed) => run(`States.MathRandom(1, 1000000, ${seed})`)));
    expect(seeds.size).toBeGreaterThan(15);
  });

  it("rounds non-integer bounds to the nearest integer", () => {
    const draw = (unit: number) =>
      evaluateIntrinsic(parseIntrinsic("States.MathRandom(1.6, 3.4)"), { resolvePath: () => null, random: () => unit });
    expect([draw(0), draw(0.99)]).toEqual([2, 3]);
  });

  it("refuses a start above the end and non-numbers", () => {
    expect(problems("States.MathRandom(5, 1)")).toEqual([
      "States.MathRandom: the start (5) must not be greater than the end (1)",
    ]);
    expect(problems("States.MathRandom('1', 2)")).toEqual([
      "States.MathRandom: the start (argument 1) must be a number, but received string \"1\"",
    ]);
    expect(failure("States.MathRandom(1, 2, $.seed)", { seed: "x" })).toContain(
      "the seed (argument 3) must be a number, but received string",
    );
    expect(problems("States.MathRandom(1)")).toEqual(["States.MathRandom takes 2 to 3 arguments, but 1 was given"]);
  });
});
