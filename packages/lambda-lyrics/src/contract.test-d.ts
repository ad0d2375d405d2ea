import type { SongOutput } from "@statecraft/contracts";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { handler } from "./index.js";

describe("lyrics contract", () => {
  it("accepts exactly what the song Lambda produces", () => {
    expectTypeOf(handler.contract.input).toEqualTypeOf<typeof SongOutput>();
    // Renaming `song` in SongOutput breaks this line (and the handler's `({ song })`).
    expectTypeOf<z.input<typeof handler.contract.input>>().toEqualTypeOf<{ song: string }>();
  });

  it("refuses the song output once a local copy of the contract renames `song`", () => {
    const RenamedSongInput = z.object({ songTitle: z.string() });
    const fromSong: SongOutput = { song: "gangnam style" };
    // @ts-expect-error SongOutput has no `songTitle`
    const renamed: z.input<typeof RenamedSongInput> = fromSong;
    expectTypeOf(renamed).toEqualTypeOf<{ songTitle: string }>();
  });
});
