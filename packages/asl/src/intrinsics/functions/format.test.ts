import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.Format", () => {
  it("formats the AWS guide example with a literal template or a template path", () => {
    const input = { name: "Arnav", template: "Hello, my name is {}." };
    expect(run("States.Format('Hello, my name is {}.', $.name)", input)).toBe("Hello, my name is Arnav.");
    expect(run("States.Format($.template, $.name)", input)).toBe("Hello, my name is Arnav.");
  });

  it("formats the spec example with a number literal", () => {
    expect(run("States.Format('Your name is {}, we are in the year {}', $.name, 2020)", { name: "Foo" })).toBe(
      "Your name is Foo, we are in the year 2020",
    );
  });

  it("renders strings bare, numbers, booleans and null as JSON, arrays and objects Java-style", () => {
    expect(run("States.Format('{}|{}|{}|{}|{}|{}', 's', 1.5, true, null, $.list, $.object)", {
      list: [1, "a", [2]],
      object: { a: 1, b: { c: "x" } },
    })).toBe("s|1.5|true|null|[1, a, [2]]|{a=1, b={c=x}}");
  });

  it("treats escaped braces in a literal template as text, not placeholders", () => {
    expect(run("States.Format('\\{\\} {} \\'q\\' \\\\', 7)")).toBe("{} 7 'q' \\");
    expect(problems("States.Format('\\{}')")).toEqual([]);
  });

  it("takes a template from a path as it is", () => {
    expect(run("States.Format($.t, 1)", { t: "\\\\{}" })).toBe("\\\\1");
  });

  it("refuses a placeholder count that does not match the values, statically and at run time", () => {
    expect(problems("States.Format('{} and {}', 1)")).toEqual([
      "States.Format: the template has 2 {} placeholders but 1 value was given",
    ]);
    expect(failure("States.Format($.t, 1, 2)", { t: "{}" })).toBe(
      "Invalid arguments in States.Format: the template has 1 {} placeholder but 2 values were given",
    );
  });

  it("refuses a template that is not a string", () => {
    expect(problems("States.Format(12)")).toEqual([
      "States.Format: the template (argument 1) must be a string, but received number 12",
    ]);
    expect(failure("States.Format($.t)", { t: ["{}"] })).toBe(
      "Invalid arguments in States.Format: the template (argument 1) must be a string, but received array [\"{}\"]",
    );
  });

  it("needs at least the template", () => {
    expect(problems("States.Format()")).toEqual(["States.Format takes at least 1 argument, but 0 were given"]);
  });
});
