import type { Command } from "../command.js";
import { runCommand } from "./run.js";

/**
 * Every `sfn` subcommand. Add a command by writing `commands/<name>.ts` that
 * exports a {@link Command} and listing it here.
 */
export const commands: readonly Command[] = [runCommand];
