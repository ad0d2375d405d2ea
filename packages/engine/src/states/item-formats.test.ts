import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ItemReaderFailed } from "../errors.js";
import { csvItems, jsonItems, jsonLinesItems, objectText } from "./item-formats.js";

const where = "the object 'k' in the bucket 'b'";
const all = Number.POSITIVE_INFINITY;
const comma = { delimiter: ",", headers: undefined };

describe("text-delimited items", () => {
  it("reads the documentation's example: quotes, doubled quotes, a newline, every value a string", () => {
    // https://docs.aws.amazon.com/step-functions/latest/dg/example-csv-parse-dist-map.html
    const text = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"';
    const headers = ["MyLetters", "MyNumbers", "MyString", "MyObject", "MyArray"];
    expect(csvItems(text, { delimiter: ",", headers }, all, where)).toEqual([
      {
        MyLetters: "abc",
        MyNumbers: "123",
        MyString: 'This string contains commas, a double quotation marks ("), and a newline (\n)',
        MyObject: '{"MyKey":"MyValue"}',
        MyArray: "[1,2,3]",
      },
    ]);
  });

  it("takes the header from the first row and fills or drops fields to match it", () => {
    const text = "userId,movieId,rating\r\n1,307,3.5\r\n2\r\n3,481,4,extra\r\n";
    expect(csvItems(text, comma, all, where)).toEqual([
      { userId: "1", movieId: "307", rating: "3.5" },
      { userId: "2", movieId: "", rating: "" },
      { userId: "3", movieId: "481", rating: "4" },
    ]);
  });

  it.each([
    ["PIPE", "|"],
    ["SEMICOLON", ";"],
    ["SPACE", " "],
    ["TAB", "\t"],
  ])("splits on the %s delimiter", (_name, delimiter) => {
    const text = `${["a", "b"].join(delimiter)}\n${["1", '"x y|z;w"'].join(delimiter)}`;
    expect(csvItems(text, { delimiter, headers: undefined }, all, where)).toEqual([{ a: "1", b: "x y|z;w" }]);
  });

  it("applies the backslash escapes: \\\\, \\\", the delimiter, and drops any other", () => {
    const text = "path,size\nC:\\\\Program Files\\\\MyApp.exe,6534512\na\\,b,say \\\"hi\\\" \\now";
    expect(csvItems(text, comma, all, where)).toEqual([
      { path: "C:\\Program Files\\MyApp.exe", size: "6534512" },
      { path: "a,b", size: 'say "hi" now' },
    ]);
  });

  it("fails the Map Run when the declared headers repeat a name, as AWS does", () => {
    const headers = ["H1", "H1", "H3"];
    expect(() => csvItems("a,b,c\n", { delimiter: ",", headers }, all, where)).toThrow(
      expect.objectContaining({ name: "States.ItemReaderFailed", cause: "CSV headers cannot contain duplicates." }),
    );
  });

  it("stops after the limit and reads a header-only or empty file as no items", () => {
    expect(csvItems("n\n1\n2\n3\n", comma, 2, where)).toEqual([{ n: "1" }, { n: "2" }]);
    expect(csvItems("n\n", comma, all, where)).toEqual([]);
    expect(csvItems("", comma, all, where)).toEqual([]);
  });
});

describe("JSON and JSON Lines items", () => {
  it("reads an array, an object, or the node an ItemsPointer selects", () => {
    expect(jsonItems("[1,2]", undefined, where)).toEqual([1, 2]);
    expect(jsonItems('{"a":1}', undefined, where)).toEqual({ a: 1 });
    const nested = '{"inventory":{"products":{"featured":[{"id":1}],"a/b":[2],"t~":[3]}}}';
    expect(jsonItems(nested, "/inventory/products/featured", where)).toEqual([{ id: 1 }]);
    expect(jsonItems(nested, "/inventory/products/a~1b", where)).toEqual([2]);
    expect(jsonItems(nested, "/inventory/products/t~0", where)).toEqual([3]);
    expect(jsonItems('{"rows":[[1],[2]]}', "/rows/1", where)).toEqual([2]);
  });

  it("fails with States.ItemReaderFailed on bad JSON, a pointer that selects nothing, or a scalar", () => {
    expect(() => jsonItems("[1,", undefined, where)).toThrow(ItemReaderFailed);
    expect(() => jsonItems("[1,", undefined, where)).toThrow(/the object 'k' in the bucket 'b' is not valid JSON/);
    expect(() => jsonItems('{"a":{}}', "/a/b", where)).toThrow("the ItemsPointer '/a/b' selects nothing in the object 'k' in the bucket 'b'");
    expect(() => jsonItems('{"a":{}}', "a", where)).toThrow(/not a JSON Pointer/);
    expect(() => jsonItems('{"a":3}', "/a", where)).toThrow("the object 'k' in the bucket 'b' must hold a JSON array or object at '/a'; it holds 3");
  });

  it("reads one value per line, skipping blank lines, up to the limit", () => {
    expect(jsonLinesItems('{"a":1}\n\n[2]\r\n"three"\n', all, where)).toEqual([{ a: 1 }, [2], "three"]);
    expect(jsonLinesItems("1\n2\n3", 2, where)).toEqual([1, 2]);
    expect(() => jsonLinesItems("1\n{oops\n", all, where)).toThrow(/line 2 of the object 'k' in the bucket 'b' is not valid JSON/);
  });

  it("decompresses GZIP objects and drops a byte order mark", () => {
    expect(objectText(gzipSync("[1,2]"), where)).toBe("[1,2]");
    expect(objectText(new TextEncoder().encode("\uFEFFa,b"), where)).toBe("a,b");
    expect(() => objectText(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), where)).toThrow(/could not be decompressed/);
  });
});
