import { describe, expect, it } from "vitest";
import type { JsonValue } from "../model/json.js";
import { compilePath } from "./evaluate.js";
import { PathSyntaxError } from "./errors.js";

const store: JsonValue = {
  store: {
    book: [
      { category: "reference", author: "Nigel Rees", title: "Sayings of the Century", price: 8.95 },
      { category: "fiction", author: "Evelyn Waugh", title: "Sword of Honour", price: 12.99 },
      { category: "fiction", author: "Herman Melville", title: "Moby Dick", isbn: "0-553-21311-3", price: 8.99 },
      { category: "fiction", author: "J. R. R. Tolkien", title: "The Lord of the Rings", isbn: "0-395-19395-8", price: 22.99 },
    ],
    bicycle: { color: "red", price: 19.95 },
  },
  "odd key": { "a.b": 1 },
  list: [1, 2, 3, 4, 5],
};

describe("compilePath", () => {
  it.each<[string, JsonValue | undefined]>([
    ["$", store],
    ["$.store.bicycle.color", "red"],
    ["$['store']['bicycle']['price']", 19.95],
    ['$["odd key"]["a.b"]', 1],
    // A bracket after a dot, as in the AWS paths guide ("$.abc.['def ghi']").
    ["$.['odd key'].['a.b']", 1],
    ["$.store.book[0].author", "Nigel Rees"],
    ["$.store.book[-1].title", "The Lord of the Rings"],
    ["$.list[1:3]", [2, 3]],
    ["$.list[:2]", [1, 2]],
    ["$.list[-2:]", [4, 5]],
    ["$.list[::2]", [1, 3, 5]],
    ["$.list[0,4]", [1, 5]],
    ["$.store.book[*].author", ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]],
    ["$.store.bicycle.*", ["red", 19.95]],
    ["$..isbn", ["0-553-21311-3", "0-395-19395-8"]],
    ["$.store.book[?(@.isbn)].title", ["Moby Dick", "The Lord of the Rings"]],
    ["$.store.book[?(@.price < 10)].price", [8.95, 8.99]],
    ["$.store.book[?(@.category == 'reference' || @.price > 20)].price", [8.95, 22.99]],
    ["$.store.book[?(@.category != 'fiction' && @.price >= 8.95)].title", ["Sayings of the Century"]],
    ["$.store.book[?(!(@.isbn))].title", ["Sayings of the Century", "Sword of Honour"]],
    ["$.store.book[?(@.price > $.store.bicycle.price)].title", ["The Lord of the Rings"]],
  ])("%s", (path, expected) => {
    expect(compilePath(path).select(store)).toEqual(expected);
  });

  it.each(["$.missing", "$.store.book[9]", "$.list.a", "$.store.bicycle[0]", "$.store.bicycle.color.x"])(
    "definite %s selects nothing (undefined)",
    (path) => {
      expect(compilePath(path).select(store)).toBeUndefined();
    },
  );

  it("reads a Jayway function call at the tail as a property name, as Step Functions does (accepted, then not found)", () => {
    expect(compilePath("$.list.length()").definite).toBe(true);
    expect(compilePath("$.list.length()").select(store)).toBeUndefined();
    expect(compilePath("$.list.sum()").select(store)).toBeUndefined();
    expect(compilePath("$.a.length()").select({ a: { "length()": 3 } })).toBe(3);
    expect(compilePath("$.store.book[?(@.title.length() > 1)]").select(store)).toEqual([]);
  });

  it("indefinite paths select an empty array when nothing matches", () => {
    expect(compilePath("$.missing[*]").select(store)).toEqual([]);
    expect(compilePath("$..nothing").select(store)).toEqual([]);
  });

  it("does not read inherited properties", () => {
    expect(compilePath("$.constructor").select({})).toBeUndefined();
    expect(compilePath("$.toString").select({})).toBeUndefined();
  });

  it("knows the root kind", () => {
    expect(compilePath("$$.Execution.Id").root).toEqual({ kind: "context" });
    expect(compilePath("$myVar.a").root).toEqual({ kind: "variable", name: "myVar" });
    expect(compilePath("$.a").root).toEqual({ kind: "input" });
    expect(compilePath("$.a").definite).toBe(true);
    expect(compilePath("$.a[*]").definite).toBe(false);
  });

  it.each(["", "a.b", "$.", "$[", "$['a'", "$.a[x]", "$[1:2:0]", "$.a[?(@.x ==)]", "$ .a"])("rejects %j", (path) => {
    expect(() => compilePath(path)).toThrow(PathSyntaxError);
  });

  it("reports the offset of a syntax error", () => {
    try {
      compilePath("$.a[?]");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PathSyntaxError);
      expect((error as PathSyntaxError).position).toBe(5);
      expect((error as PathSyntaxError).name).toBe("States.InvalidDefinition");
    }
  });
});
