import type { Command } from "../command.js";

/**
 * Every `sfn` subcommand, loaded on demand: a command's module (and what it
 * imports: the engine, the server, the AWS SDK, …) is only loaded when that
 * command runs, which keeps `sfn run` quick to start. Add a command by writing
 * `commands/<name>.ts` that exports a {@link Command} and listing it here.
 */
export const commandLoaders: Readonly<Record<string, () => Promise<Command>>> = {
  run: async () => (await import("./run.js")).runCommand,
  validate: async () => (await import("./validate.js")).validateCommand,
  graph: async () => (await import("./graph.js")).graphCommand,
  upload: async () => (await import("./upload.js")).uploadCommand,
  serve: async () => (await import("./serve.js")).serveCommand,
  deploy: async () => (await import("./deploy.js")).deployCommand,
  start: async () => (await import("./start.js")).startCommand,
};

/** Loads every command (for `sfn --help`). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}
