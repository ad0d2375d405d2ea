import { describe, expect, it } from "vitest";
import type { JsonValue } from "../model/json.js";
import { PathSyntaxError } from "./errors.js";
import { compileReferencePath, isReferencePath, ReferencePathMatchError } from "./reference-path.js";

describe("compileReferencePath", () => {
  it.each<[string, JsonValue, JsonValue, JsonValue]>([
    ["$", { a: 1 }, "x", "x"],
    ["$.b", { a: 1 }, 2, { a: 1, b: 2 }],
    ["$.a", { a: 1 }, { z: true }, { a: { z: true } }],
    ["$.x.y.z", { a: 1 }, 3, { a: 1, x: { y: { z: 3 } } }],
    ["$.a.b", { a: { c: 1 } }, 2, { a: { c: 1, b: 2 } }],
    ["$.list[1]", { list: [1, 2, 3] }, "two", { list: [1, "two", 3] }],
    ["$.list[-1].v", { list: [{}, { v: 0 }] }, 9, { list: [{}, { v: 9 }] }],
    ["$['a key']", {}, null, { "a key": null }],
    ["$.abc.['def ghi']", { abc: {} }, 1, { abc: { "def ghi": 1 } }],
  ])("%s on %j places %j", (path, document, value, expected) => {
    expect(compileReferencePath(path).set(document, value)).toEqual(expected);
  });

  it("never mutates the document", () => {
    const document = { a: { b: 1 }, keep: { c: 2 } };
    const result = compileReferencePath("$.a.b").set(document, 5) as { keep: unknown };
    expect(document).toEqual({ a: { b: 1 }, keep: { c: 2 } });
    expect(result.keep).toBe(document.keep);
  });

  it("keeps __proto__ an ordinary field", () => {
    const result = compileReferencePath("$['__proto__']").set({}, { polluted: true }) as Record<string, unknown>;
    expect(Object.hasOwn(result, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, JsonValue]>([
    ["$.a", "a string"],
    ["$.a", [1, 2]],
    ["$.a.b", { a: "text" }],
    ["$.a.b", { a: [1] }],
    ["$.list[5]", { list: [1] }],
    ["$.list[0]", { list: { 0: 1 } }],
    ["$.a", null],
  ])("%s cannot be applied to %j", (path, document) => {
    expect(() => compileReferencePath(path).set(document, 1)).toThrow(ReferencePathMatchError);
  });

  it.each(["$.a[*]", "$..a", "$.a[1:2]", "$$.Execution", "$var.x", "$.a[?(@.b)]", "$.a[0,1]"])("refuses %s", (path) => {
    expect(() => compileReferencePath(path)).toThrow(PathSyntaxError);
    expect(isReferencePath(path)).toBe(false);
  });

  it("selects like a path", () => {
    expect(compileReferencePath("$.a[0]").select({ a: [7] })).toBe(7);
    expect(isReferencePath("$.a[0].b")).toBe(true);
  });
});
