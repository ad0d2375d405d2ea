import { describe, expect, it } from "vitest";
import { isJsonataTemplate, jsonataBody } from "./template.js";

describe("isJsonataTemplate", () => {
  it.each([
    ["{% $states.input.name %}", true],
    ["{%$x%}", true],
    ["{% (\n  $a := 1;\n  $a\n) %}", true],
    ["{%%}", true],
    [" {% $x %}", false],
    ["{% $x %} ", false],
    ["$states.input", false],
    ["{ % $x % }", false],
  ])("%j → %s", (value, expected) => {
    expect(isJsonataTemplate(value)).toBe(expected);
  });

  it("is false for non-strings", () => {
    expect(isJsonataTemplate(42)).toBe(false);
    expect(isJsonataTemplate({ "{%": "%}" })).toBe(false);
  });
});

describe("jsonataBody", () => {
  it("strips the delimiters and reports where the expression starts", () => {
    expect(jsonataBody("{% $x + 1 %}")).toEqual({ expression: " $x + 1 ", offset: 2 });
  });

  it("takes a bare expression as it is", () => {
    expect(jsonataBody("$x + 1")).toEqual({ expression: "$x + 1", offset: 0 });
  });
});
