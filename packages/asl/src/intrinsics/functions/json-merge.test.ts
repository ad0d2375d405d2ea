import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.JsonMerge", () => {
  it("merges the AWS guide example shallowly", () => {
    const input = { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } };
    expect(run("States.JsonMerge($.json1, $.json2, false)", input)).toEqual({ a: { a3: 1, a4: 2 }, b: 2, c: 3 });
  });

  it("does not change its inputs", () => {
    const input = { x: { a: 1 }, y: { a: 2 } };
    run("States.JsonMerge($.x, $.y, false)", input);
    expect(input).toEqual({ x: { a: 1 }, y: { a: 2 } });
  });

  it("refuses deep merging", () => {
    expect(problems("States.JsonMerge($.a, $.b, true)")).toEqual([
      "States.JsonMerge: the deep merge flag (argument 3) must be false (Step Functions supports only shallow merging), but received true",
    ]);
    expect(failure("States.JsonMerge($.a, $.b, $.deep)", { a: {}, b: {}, deep: true })).toContain("must be false");
  });

  it("requires two objects and a boolean", () => {
    expect(failure("States.JsonMerge($.a, $.b, false)", { a: [1], b: {} })).toContain(
      "the first object (argument 1) must be an object, but received array [1]",
    );
    expect(failure("States.JsonMerge($.a, $.b, false)", { a: {}, b: null })).toContain(
      "the second object (argument 2) must be an object, but received null",
    );
    expect(problems("States.JsonMerge($.a, $.b, 'false')")).toEqual([
      "States.JsonMerge: the deep merge flag (argument 3) must be a boolean, but received string \"false\"",
    ]);
    expect(problems("States.JsonMerge($.a, $.b)")).toEqual(["States.JsonMerge takes 3 arguments, but 2 were given"]);
  });
});
