import { NameInput, SongOutput } from "@statecraft/contracts";
import { defineHandler } from "@statecraft/contracts/handler";

/** The song each artist is known for. */
const knownSongs: Readonly<Record<string, string>> = { PSY: "gangnam style" };

/** `{"name":"PSY"}` → `{"song":"gangnam style"}`; any other name → `"i dont know"`. */
export const handler = defineHandler("song", NameInput, SongOutput, ({ name }) => ({
  song: knownSongs[name] ?? "i dont know",
}));
