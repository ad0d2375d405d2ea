import { describe, expect, it } from "vitest";
import { decodeToken, encodeToken, pageSize } from "./pagination.js";

describe("pagination tokens", () => {
  it("round-trips a position for its own list", () => {
    expect(decodeToken("L", encodeToken("L", 42))).toBe(42);
    expect(decodeToken("L", undefined)).toBe(0);
  });

  it("refuses a foreign or broken token with InvalidToken", () => {
    expect(() => decodeToken("L", encodeToken("Other", 1))).toThrow(expect.objectContaining({ name: "InvalidToken" }));
    expect(() => decodeToken("L", "garbage!")).toThrow(expect.objectContaining({ name: "InvalidToken" }));
  });

  it("reads maxResults 0 or absent as the default page of 100", () => {
    expect(pageSize(undefined)).toBe(100);
    expect(pageSize(0)).toBe(100);
    expect(pageSize(7)).toBe(7);
  });
});
