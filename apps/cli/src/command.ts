/** One `sfn` subcommand. */
export interface Command {
  /** The word after `sfn`. */
  readonly name: string;
  /** Usage line, e.g. `run <definition.json> [--input <json>]`. */
  readonly usage: string;
  /** One line for `sfn --help`. */
  readonly summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** Where a command writes: injectable so tests can capture output. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A usage mistake: exit code 2, message on stderr. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
