import { InvalidInput } from "@statecraft/contracts";
import { describe, expect, it } from "vitest";
import { handler } from "./index.js";

describe("song handler", () => {
  it("knows PSY", async () => {
    expect(await handler({ name: "PSY" })).toEqual({ song: "gangnam style" });
  });

  it("does not know other names", async () => {
    expect(await handler({ name: "IU" })).toEqual({ song: "i dont know" });
    expect(await handler({ name: "psy" })).toEqual({ song: "i dont know" });
  });

  it("refuses invalid input with InvalidInput naming the field", async () => {
    await expect(handler({ name: "" })).rejects.toThrow(InvalidInput);
    await expect(handler({ nom: "PSY" })).rejects.toMatchObject({
      name: "InvalidInput",
      message: "song input: name: name must be a string",
    });
    await expect(handler(null)).rejects.toMatchObject({ name: "InvalidInput" });
  });
});
