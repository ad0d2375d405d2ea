import { describe, expect, it } from "vitest";
import { handler } from "./index.js";

describe("lyrics handler", () => {
  it("knows gangnam style", async () => {
    expect(await handler({ song: "gangnam style" })).toEqual({ lyrics: "oh oh oh oh oh pan gangnam style" });
  });

  it("does not know other songs", async () => {
    expect(await handler({ song: "i dont know" })).toEqual({ lyrics: "i don't know" });
  });

  it("refuses invalid input with InvalidInput naming the field", async () => {
    await expect(handler({ name: "PSY" })).rejects.toMatchObject({
      name: "InvalidInput",
      message: "lyrics input: song: song must be a string",
    });
    await expect(handler({ song: 7 })).rejects.toMatchObject({ name: "InvalidInput" });
  });
});
