import { describe, expect, it } from "vitest";
import { defineHandler } from "./handler.js";
import { InvalidInput, NameInput, SongOutput } from "./index.js";

describe("defineHandler", () => {
  it("always returns a promise: a result, an invalid event and a throwing implementation all settle it", async () => {
    const handler = defineHandler("song", NameInput, SongOutput, ({ name }) => {
      if (name === "boom") throw new RangeError("no song");
      return { song: name };
    });
    const ok = handler({ name: "PSY" });
    const invalid = handler({ name: 1 });
    const thrown = handler({ name: "boom" });
    expect([ok, invalid, thrown].every((value) => value instanceof Promise)).toBe(true);
    await expect(ok).resolves.toEqual({ song: "PSY" });
    await expect(invalid).rejects.toBeInstanceOf(InvalidInput);
    await expect(thrown).rejects.toThrow(RangeError);
  });

  it("passes the implementation's own promise through, and the Lambda context to it", async () => {
    const seen: unknown[] = [];
    const handler = defineHandler("song", NameInput, SongOutput, async ({ name }, context) => {
      seen.push(context);
      return { song: name.toLowerCase() };
    });
    const context = { functionName: "song" } as Parameters<typeof handler>[1];
    await expect(handler({ name: "PSY" }, context)).resolves.toEqual({ song: "psy" });
    expect(seen).toEqual([context]);
    expect(handler.contract).toMatchObject({ name: "song", input: NameInput, output: SongOutput });
  });
});
