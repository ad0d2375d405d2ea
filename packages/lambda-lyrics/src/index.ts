import { LyricsOutput, SongOutput } from "@statecraft/contracts";
import { defineHandler } from "@statecraft/contracts/handler";

/** The lyrics of each song we know. */
const knownLyrics: Readonly<Record<string, string>> = {
  "gangnam style": "oh oh oh oh oh pan gangnam style",
};

/** `{"song":"gangnam style"}` → its lyrics; any other song → `"i don't know"`. */
export const handler = defineHandler("lyrics", SongOutput, LyricsOutput, ({ song }) => ({
  lyrics: knownLyrics[song] ?? "i don't know",
}));
