import { describe, expect, test } from "vitest";
import { textWidth, truncate } from "./text-width.js";

describe("textWidth", () => {
  // Measured in Chromium with DejaVu Sans: 110.9 px and 93.7 px.
  test("does not under-estimate DejaVu Sans", () => {
    expect(textWidth("ReadImageInfo", 13, true)).toBeGreaterThanOrEqual(111);
    expect(textWidth("Task · λ image-info", 10)).toBeGreaterThanOrEqual(94);
  });

  test("is not wildly generous either", () => {
    expect(textWidth("ReadImageInfo", 13, true)).toBeLessThan(111 * 1.2);
  });
});

describe("truncate", () => {
  test("keeps short text and cuts long text with an ellipsis", () => {
    expect(truncate("abc", 5)).toBe("abc");
    expect(truncate("abcdefgh", 5)).toBe("abcd…");
  });
});
