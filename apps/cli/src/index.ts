export { runCli } from "./cli.js";
export type { Command, CommandIO } from "./command.js";
export { UsageError } from "./command.js";
