import { describe, expect, it } from "vitest";
import { copyAsJson } from "./json-copy.js";

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

describe("copyAsJson", () => {
  const cases: Array<[string, unknown]> = [
    ["a string", "PSY"],
    ["null", null],
    ["a nested object", { name: "PSY", tags: ["a", 1, true, null, { deep: [[]] }], meta: {} }],
    ["numbers JSON cannot write", { nan: Number.NaN, inf: [Number.POSITIVE_INFINITY], negZero: -0 }],
    ["undefined and functions", { gone: undefined, fn: () => 1, list: [undefined, () => 1] }],
    ["a Date and toJSON", { at: new Date(0), custom: { toJSON: () => "x" }, dropped: { toJSON: () => undefined }, list: [{ toJSON: () => undefined }] }],
    ["a __proto__ key", JSON.parse('{"__proto__":{"polluted":true},"ok":1}')],
  ];
  it.each(cases)("copies %s exactly as a JSON round trip does", (_label, value) => {
    const copy = copyAsJson(value);
    expect(copy).toStrictEqual(viaJson(value));
    expect(Object.is((copy as { negZero?: number } | null)?.negZero, -0)).toBe(false);
  });

  it("keeps a __proto__ key an own property and leaves the prototype alone", () => {
    const copy = copyAsJson(JSON.parse('{"__proto__":{"polluted":true}}') as object) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("shares nothing with the original", () => {
    const original = { list: [{ n: 1 }] };
    const copy = copyAsJson(original);
    copy.list[0]!.n = 2;
    expect(original.list[0]!.n).toBe(1);
  });
});
