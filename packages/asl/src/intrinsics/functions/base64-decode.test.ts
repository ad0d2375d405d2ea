import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.Base64Decode", () => {
  it("decodes the AWS guide example", () => {
    // The guide shows "Decoded data" as the result, but the input is the encoding of "Data to encode".
    expect(run("States.Base64Decode($.base64)", { base64: "RGF0YSB0byBlbmNvZGU=" })).toBe("Data to encode");
  });

  it("round-trips UTF-8 through Base64Encode", () => {
    expect(run("States.Base64Decode(States.Base64Encode($.s))", { s: "héllo ✓ 😀" })).toBe("héllo ✓ 😀");
    expect(run("States.Base64Decode('')")).toBe("");
  });

  it("refuses text that is not padded RFC 4648 Base64", () => {
    for (const text of ["abc", "ab=c", "a*bc", "YQ", "Y Q=="]) {
      expect(failure("States.Base64Decode($.s)", { s: text })).toContain("must be valid Base64");
    }
    expect(problems("States.Base64Decode('YQ')")).toEqual([
      "States.Base64Decode: the Base64 string (argument 1) must be valid Base64, but received \"YQ\"",
    ]);
  });

  it("refuses bytes that are not UTF-8 text", () => {
    expect(failure("States.Base64Decode('/w==')")).toBe(
      "Invalid arguments in States.Base64Decode: the decoded bytes are not UTF-8 text",
    );
  });

  it("refuses more than 10,000 characters", () => {
    expect(failure("States.Base64Decode($.s)", { s: "QUJD".repeat(2501) })).toContain(
      "must have at most 10000 characters (it has 10004)",
    );
  });
});
