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

describe("copyAsJson of plain objects (spread, then checked)", () => {
  it("takes the key-by-key copy where a value needs it, anywhere in the object", () => {
    const value = { first: 1, zero: 0, negZero: -0, nan: Number.NaN, nested: { fn: () => 1, kept: "x" }, last: undefined, tail: true };
    const copy = copyAsJson(value) as Record<string, unknown>;
    expect(copy).toStrictEqual(viaJson(value));
    expect(Object.keys(copy)).toEqual(["first", "zero", "negZero", "nan", "nested", "tail"]);
    expect(Object.is(copy.negZero, -0)).toBe(false);
  });

  it("keeps the key order and a __proto__ key holding a primitive", () => {
    const value = JSON.parse('{"b":1,"__proto__":"text","a":[1,{"c":null}]}') as object;
    const copy = copyAsJson(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it("leaves out what an enumerable property of Object.prototype adds, as JSON does", () => {
    Object.defineProperty(Object.prototype, "injected", { value: { deep: 1 }, enumerable: true, configurable: true, writable: true });
    try {
      const value = { a: { b: 1 }, c: "x" };
      const copy = copyAsJson(value) as Record<string, unknown>;
      expect(Object.keys(copy)).toEqual(["a", "c"]);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    } finally {
      delete (Object.prototype as Record<string, unknown>).injected;
    }
  });

  it("copies a null-prototype object into an ordinary one, as JSON.parse makes it", () => {
    const value = Object.assign(Object.create(null) as object, { a: { b: 2 } });
    const copy = copyAsJson(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toStrictEqual({ a: { b: 2 } });
  });
});
