import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.StringToJson", () => {
  it("parses the AWS guide example", () => {
    expect(run("States.StringToJson($.escapedJsonString)", { escapedJsonString: "{\"foo\": \"bar\"}" })).toEqual({
      foo: "bar",
    });
  });

  it("parses the spec example and scalar JSON texts", () => {
    expect(run("States.StringToJson($.someString)", { someString: "{\"number\": 20}" })).toEqual({ number: 20 });
    expect(run("States.StringToJson('[1, true, null]')")).toEqual([1, true, null]);
    expect(run("States.StringToJson('\"x\"')")).toBe("x");
  });

  it("fails on text that is not JSON", () => {
    expect(failure("States.StringToJson($.s)", { s: "{foo" })).toMatch(
      /^Invalid arguments in States.StringToJson: the string is not valid JSON \(/,
    );
  });

  it("gives null for an empty or blank string (as recorded against Step Functions: localstack test_json_manipulation.snapshot.json)", () => {
    expect(run("States.StringToJson('')")).toBeNull();
    expect(run("States.StringToJson($.s)", { s: " " })).toBeNull();
  });

  it("refuses a value that is not a string", () => {
    expect(problems("States.StringToJson(1)")).toEqual([
      "States.StringToJson: the JSON text (argument 1) must be a string, but received number 1",
    ]);
    expect(failure("States.StringToJson($.o)", { o: { a: 1 } })).toContain("must be a string, but received object");
  });
});
