import { type CommandIO, UsageError } from "./command.js";
import { commandLoaders, loadCommands } from "./commands/index.js";

async function helpText(): Promise<string> {
  const commands = await loadCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: sfn <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun \`sfn <command> --help\` for a command's options.\n`;
}

/**
 * Dispatches `sfn <command> …`. Exit codes: the command's own, or 2 for a
 * usage error (message on stderr).
 */
export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(await helpText());
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (load === undefined) {
    io.stderr.write(`sfn: unknown command "${name}"\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`Usage: sfn ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`sfn ${name}: ${error.message}\nUsage: sfn ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
