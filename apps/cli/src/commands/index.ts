import type { Command } from "../command.js";
import { deployCommand } from "./deploy.js";
import { graphCommand } from "./graph.js";
import { runCommand } from "./run.js";
import { serveCommand } from "./serve.js";
import { startCommand } from "./start.js";
import { uploadCommand } from "./upload.js";
import { validateCommand } from "./validate.js";

/**
 * Every `sfn` subcommand. Add a command by writing `commands/<name>.ts` that
 * exports a {@link Command} and listing it here.
 */
export const commands: readonly Command[] = [runCommand, validateCommand, serveCommand, deployCommand, startCommand, graphCommand, uploadCommand];
