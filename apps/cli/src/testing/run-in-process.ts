import { runCli } from "../cli.js";

/** What one in-process `sfn …` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that appends what is written to it. */
function collector(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = {
    write(chunk: string | Uint8Array): boolean {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    },
  } as NodeJS.WritableStream;
  return { stream, text: () => chunks.join("") };
}

/** Runs `sfn <argv>` in this process (no build needed), capturing stdout, stderr and the exit code. */
export async function runSfn(argv: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, cwd: options.cwd, env: options.env ?? {} });
  return { code, stdout: out.text(), stderr: err.text() };
}
