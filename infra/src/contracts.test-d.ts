import { type BuiltWorkflow, lambdaTask, type TaskInput, type TaskOutput, workflow } from "@statecraft/asl";
import { LyricsOutput, NameInput, type SongOutput } from "@statecraft/contracts";
import type { handler as lyricsHandler } from "@statecraft/lambda-lyrics";
import type { handler as songHandler } from "@statecraft/lambda-song";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { parseConfig } from "./config.js";
import { seedTasks } from "./tasks.js";
import { songLyrics } from "./workflows/song-lyrics.js";

const { song, lyrics } = seedTasks(parseConfig(undefined, {}));

describe("seed contracts", () => {
  it("declares the tasks with the schemas the Lambda handlers implement", () => {
    expectTypeOf(song.input).toEqualTypeOf<typeof songHandler.contract.input>();
    expectTypeOf(song.output).toEqualTypeOf<typeof songHandler.contract.output>();
    expectTypeOf(lyrics.input).toEqualTypeOf<typeof lyricsHandler.contract.input>();
    expectTypeOf(lyrics.output).toEqualTypeOf<typeof lyricsHandler.contract.output>();
  });

  it("hands the song Lambda's `song` field to the lyrics Lambda", () => {
    // Renaming `song` in SongOutput breaks these two lines (and lambda-lyrics' handler).
    expectTypeOf<TaskOutput<typeof song>>().toEqualTypeOf<{ song: string }>();
    expectTypeOf<TaskInput<typeof lyrics>>().toEqualTypeOf<SongOutput>();
    expectTypeOf(songLyrics).returns.toEqualTypeOf<BuiltWorkflow<{ name: string }, { lyrics: string }>>();
  });

  it("refuses a song task whose output renamed `song`", () => {
    const renamedSong = lambdaTask({
      name: "song",
      functionArn: "arn:aws:lambda:us-east-1:123456789012:function:song",
      input: NameInput,
      output: z.object({ songTitle: z.string() }),
    });
    workflow({ input: NameInput }).next(song).next(lyrics);
    // @ts-expect-error lyrics wants { song: string }, the renamed task gives { songTitle: string }
    workflow({ input: NameInput }).next(renamedSong).next(lyrics);
    // @ts-expect-error lyrics cannot start a workflow whose input is NameInput
    workflow({ input: NameInput }).next(lyrics);
    expectTypeOf(workflow({ input: NameInput }).next(song).next(lyrics).build().output).toEqualTypeOf<z.ZodType>();
    expectTypeOf(LyricsOutput.parse({ lyrics: "x" })).toEqualTypeOf<{ lyrics: string }>();
  });
});
