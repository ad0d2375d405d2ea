import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.Array", () => {
  it("builds the AWS guide example", () => {
    expect(run("States.Array($.Id)", { Id: 123456 })).toEqual([123456]);
  });

  it("builds the spec example from literals and paths", () => {
    expect(run("States.Array('Foo', 2020, $.someJson, null)", { someJson: { random: "abcdefg" } })).toEqual([
      "Foo",
      2020,
      { random: "abcdefg" },
      null,
    ]);
  });

  it("fails only through its nested calls", () => {
    expect(failure("States.Array(States.ArrayLength($.x))", { x: "not an array" })).toContain(
      "Invalid arguments in States.ArrayLength",
    );
  });

  it("takes zero arguments and nested calls", () => {
    expect(run("States.Array()")).toEqual([]);
    expect(run("States.Array(States.Array(1), States.ArrayLength(States.Array(1, 2)))")).toEqual([[1], 2]);
    expect(problems("States.Array(1, 'a', true, null, $.x)")).toEqual([]);
  });
});
