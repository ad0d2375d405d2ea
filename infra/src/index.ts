export { buildTemplate, stackFunctions, writeTemplate } from "./cloudformation/stack.js";
export type { CfnTemplate } from "./cloudformation/model.js";
export { configEnvironment, InvalidConfig, loadConfig, parseConfig, StatecraftConfig } from "./config.js";
export { type SynthesizedWorkflow, synthesize } from "./synthesize.js";
export { functionArn, seedTasks } from "./tasks.js";
export { imageUpload, type ImageUploadOutcome, maxImageBytes } from "./workflows/image-upload.js";
export { workflows } from "./workflows/index.js";
export { songLyrics } from "./workflows/song-lyrics.js";
