import { describe, expect, test } from "vitest";
import { formatDuration, formatOffset, prettyJson } from "./format.js";

describe("format", () => {
  test.each([
    [0, "0 ms"],
    [12.4, "12 ms"],
    [1250, "1.25 s"],
    [12_340, "12.3 s"],
    [125_000, "2 min 05 s"],
    [3_600_000, "1 h 00 min"],
    [5_430_000, "1 h 31 min"],
    [365 * 86_400_000, "365 d 0 h 00 min"],
  ])("formatDuration(%d) = %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test("offsets and JSON", () => {
    expect(formatOffset(5)).toBe("+5 ms");
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
