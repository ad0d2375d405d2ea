import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.JsonToString", () => {
  it("serializes the AWS guide and spec examples compactly", () => {
    expect(run("States.JsonToString($.unescapedJson)", { unescapedJson: { foo: "bar" } })).toBe("{\"foo\":\"bar\"}");
    expect(run("States.JsonToString($.someJson)", { someJson: { name: "Foo", year: 2020 } })).toBe(
      "{\"name\":\"Foo\",\"year\":2020}",
    );
  });

  it("serializes any JSON value, including the result of a nested call", () => {
    expect(run("States.JsonToString($.s)", { s: "x" })).toBe("\"x\"");
    expect(run("States.JsonToString(States.Array(1, null))")).toBe("[1,null]");
  });

  it("requires a path (or call), not a literal", () => {
    expect(problems("States.JsonToString('x')")).toEqual([
      "States.JsonToString: the value must be a path (such as $.data), not a literal",
    ]);
    expect(failure("States.JsonToString(1)")).toBe(
      "Invalid arguments in States.JsonToString: the value must be a path (such as $.data), not a literal",
    );
  });

  it("takes exactly one argument", () => {
    expect(problems("States.JsonToString($.a, $.b)")).toEqual([
      "States.JsonToString takes 1 argument, but 2 were given",
    ]);
  });
});
