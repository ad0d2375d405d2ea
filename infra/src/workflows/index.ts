import type { BuiltWorkflow } from "@statecraft/asl";
import type { StatecraftConfig } from "../config.js";
import { imageUpload } from "./image-upload.js";
import { songLyrics } from "./song-lyrics.js";

/** Every workflow the project ships, by file name. */
export const workflows: Readonly<Record<string, (config: StatecraftConfig) => BuiltWorkflow<unknown, unknown>>> = {
  "song-lyrics": songLyrics,
  "image-upload": imageUpload,
};
