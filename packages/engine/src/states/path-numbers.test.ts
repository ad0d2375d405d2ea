import { describe, expect, it } from "vitest";
import { notValidCause, parsePathNumber } from "./path-numbers.js";

// The values recorded against Step Functions (see path-numbers.ts for the recordings).
describe("parsePathNumber", () => {
  it.each([
    [1, "integer", 1],
    ["1", "integer", 1],
    [0, "integer", 0],
    [-1, "integer", -1],
    [1.5, "integer", undefined],
    ["NoNumber", "integer", undefined],
    [{}, "integer", undefined],
    [1.1, "float", 1.1],
    ["1", "float", 1],
    [-1.1, "float", -1.1],
    ["NoNumber", "float", undefined],
    [{}, "float", undefined],
  ] as const)("reads %j as a %s: %j", (value, kind, expected) => {
    expect(parsePathNumber(value, kind)).toBe(expected);
  });

  it("quotes the value's text in the cause", () => {
    expect(notValidCause("MaxItemsPath", "$.MaxItems", 1.5, "integer")).toBe('The MaxItemsPath field refers to value "1.5" which is not a valid integer: $.MaxItems');
    expect(notValidCause("MaxConcurrencyPath", "$.m", {}, "integer")).toBe('The MaxConcurrencyPath field refers to value "{}" which is not a valid integer: $.m');
  });
});
