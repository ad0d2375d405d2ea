import { describe, expect, expectTypeOf, it } from "vitest";
import { InvalidInput, LyricsOutput, NameInput, parseContract, SongOutput } from "./index.js";
import { jsonSchemas } from "./json-schema.js";

describe("seed contracts", () => {
  it("accepts valid values", () => {
    expect(NameInput.parse({ name: "PSY" })).toEqual({ name: "PSY" });
    expect(SongOutput.parse({ song: "gangnam style" })).toEqual({ song: "gangnam style" });
    expect(LyricsOutput.parse({ lyrics: "x" })).toEqual({ lyrics: "x" });
  });

  it("rejects an empty name, naming the field", () => {
    expect(() => parseContract("NameInput", NameInput, { name: "" })).toThrow(
      "NameInput: name: name must not be empty",
    );
  });

  it("rejects unknown shapes, naming each wrong field", () => {
    const error = (() => {
      try {
        parseContract("SongOutput", SongOutput, { lyrics: 1 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).name).toBe("InvalidInput");
    expect((error as InvalidInput).issues).toEqual([{ path: "song", message: "song must be a string" }]);
    expect(() => parseContract("NameInput", NameInput, "PSY")).toThrow("NameInput: (root):");
  });

  it("infers the types from the schemas", () => {
    expectTypeOf<NameInput>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<SongOutput>().toEqualTypeOf<{ song: string }>();
    expectTypeOf<LyricsOutput>().toEqualTypeOf<{ lyrics: string }>();
  });

  it("publishes JSON Schemas", () => {
    expect(jsonSchemas.NameInput).toMatchObject({
      type: "object",
      properties: { name: { type: "string", minLength: 1 } },
      required: ["name"],
    });
    expect(Object.keys(jsonSchemas)).toEqual(["NameInput", "SongOutput", "LyricsOutput"]);
  });
});
