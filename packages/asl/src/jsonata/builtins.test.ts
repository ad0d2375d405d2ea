import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { isJsonataBuiltin, JSONATA_LIBRARY_FUNCTIONS } from "./builtins.js";

describe("JSONata built-in functions", () => {
  it.each(JSONATA_LIBRARY_FUNCTIONS)("$%s is a function in the jsonata library", async (name) => {
    expect(await jsonata(`$type($${name})`).evaluate({})).toBe("function");
  });

  it("knows the functions Step Functions adds and nothing else", () => {
    for (const name of ["partition", "range", "hash", "random", "uuid", "parse"]) expect(isJsonataBuiltin(name)).toBe(true);
    expect(isJsonataBuiltin("customerName")).toBe(false);
    expect(isJsonataBuiltin("states")).toBe(false);
  });
});
