/**
 * The seed workflow: `{"name":"PSY"}` → song → lyrics →
 * `{"lyrics":"oh oh oh oh oh pan gangnam style"}`.
 */
import { workflow } from "@statecraft/asl";
import { NameInput } from "@statecraft/contracts";
import type { StatecraftConfig } from "../config.js";
import { seedTasks } from "../tasks.js";

/** Builds the song → lyrics state machine for `config`. */
export function songLyrics(config: StatecraftConfig) {
  const { song, lyrics } = seedTasks(config);
  return workflow({ input: NameInput }).next(song).next(lyrics).build();
}
