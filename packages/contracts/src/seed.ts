import * as z from "zod";

/** Input of the seed workflow and of the `song` Lambda: `{"name":"PSY"}`. */
export const NameInput = z.object({
  name: z.string({ error: "name must be a string" }).min(1, { error: "name must not be empty" }),
});
export type NameInput = z.output<typeof NameInput>;

/** Output of the `song` Lambda, and input of the `lyrics` Lambda: `{"song":"gangnam style"}`. */
export const SongOutput = z.object({
  song: z.string({ error: "song must be a string" }),
});
export type SongOutput = z.output<typeof SongOutput>;

/** Output of the `lyrics` Lambda and of the seed workflow. */
export const LyricsOutput = z.object({
  lyrics: z.string({ error: "lyrics must be a string" }),
});
export type LyricsOutput = z.output<typeof LyricsOutput>;
