import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.Base64Encode", () => {
  it("encodes the AWS guide example", () => {
    expect(run("States.Base64Encode($.input)", { input: "Data to encode" })).toBe("RGF0YSB0byBlbmNvZGU=");
  });

  it("encodes UTF-8 and the empty string", () => {
    expect(run("States.Base64Encode($.s)", { s: "héllo ✓ 😀" })).toBe("aMOpbGxvIOKckyDwn5iA");
    expect(run("States.Base64Encode('')")).toBe("");
  });

  it("accepts 10,000 characters and refuses more", () => {
    expect(run("States.Base64Encode($.s)", { s: "😀".repeat(10_000) })).toMatch(/^8J\+YgP/);
    expect(failure("States.Base64Encode($.s)", { s: "a".repeat(10_001) })).toBe(
      `Invalid arguments in States.Base64Encode: the string (argument 1) must have at most 10000 characters (it has 10001), but received "${"a".repeat(56)}...`,
    );
  });

  it("requires a string", () => {
    expect(problems("States.Base64Encode(1)")).toEqual([
      "States.Base64Encode: the string (argument 1) must be a string, but received number 1",
    ]);
  });
});
