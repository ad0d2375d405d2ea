export { configEnvironment, InvalidConfig, loadConfig, parseConfig, StatecraftConfig } from "./config.js";
export { type SynthesizedWorkflow, synthesize } from "./synthesize.js";
export { functionArn, seedTasks } from "./tasks.js";
export { workflows } from "./workflows/index.js";
export { songLyrics } from "./workflows/song-lyrics.js";
