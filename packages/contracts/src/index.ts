export { LyricsOutput, NameInput, SongOutput } from "./seed.js";
export { type ContractIssue, describeIssues, InvalidInput, parseContract } from "./validation.js";
