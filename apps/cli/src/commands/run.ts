import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { JsonValue } from "@statecraft/asl";
import { type ExecutionResult, InvalidDefinitionError, runExecution, type TaskHandler } from "@statecraft/engine";
import { parseDrawableDefinition, writeReport } from "@statecraft/graph";
import * as z from "zod";
import { parseJsonArgument, readJsonFile } from "../args.js";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { workspaceLambdasAt } from "../lambdas.js";
import { mapObjectStore } from "../object-store.js";
import { describeProblem } from "../problems.js";
import { createTracePrinter } from "../trace.js";

const RunOptions = z
  .object({
    definition: z.string({ error: "a definition file is required" }),
    input: z.string().optional(),
    "input-file": z.string().optional(),
    tasks: z.string().optional(),
    wait: z.boolean(),
    json: z.boolean(),
    history: z.boolean(),
    quiet: z.boolean(),
    report: z.string().min(1, { error: "--report needs a file name" }).optional(),
  })
  .refine((o) => o.input === undefined || o["input-file"] === undefined, {
    error: "give --input or --input-file, not both",
  });

/** A `--tasks` module's default export: Resource string → handler. */
const TasksModule = z.object({
  default: z.record(
    z.string(),
    z.custom<TaskHandler>((value) => typeof value === "function", { error: "each task must be a function" }),
    { error: "the default export must be an object mapping Resource strings to async functions" },
  ),
});

async function loadTasks(path: string, cwd: string): Promise<Record<string, TaskHandler>> {
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(resolve(cwd, path)).href);
  } catch (error) {
    throw new UsageError(`cannot load --tasks module ${path}: ${(error as Error).message}`);
  }
  const parsed = TasksModule.safeParse(loaded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--tasks module ${path}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data.default;
}

function parseRunArgs(argv: readonly string[]): z.output<typeof RunOptions> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof runFlags; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: runFlags, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
  const { values } = parsed;
  const result = RunOptions.safeParse({
    definition: parsed.positionals[0],
    input: values.input,
    "input-file": values["input-file"],
    tasks: values.tasks,
    wait: !values["no-wait"],
    json: values.json ?? false,
    history: values.history ?? false,
    quiet: values.quiet ?? false,
    report: values.report,
  });
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

const runFlags = {
  input: { type: "string" },
  "input-file": { type: "string" },
  tasks: { type: "string" },
  "no-wait": { type: "boolean" },
  json: { type: "boolean" },
  history: { type: "boolean" },
  quiet: { type: "boolean" },
  report: { type: "string" },
} as const;

/** The one-object `--json` contract: how the engine is checked from outside. */
function jsonSummary(result: ExecutionResult): Record<string, JsonValue> {
  if (result.status === "SUCCEEDED") return { status: result.status, output: result.output ?? null };
  return { status: result.status, error: result.error ?? null, cause: result.cause ?? null };
}

async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = parseRunArgs(argv);
  const definition = await readJsonFile(options.definition, io.cwd, "definition");
  const input: JsonValue =
    options["input-file"] !== undefined
      ? await readJsonFile(options["input-file"], io.cwd, "input file")
      : options.input !== undefined
        ? parseJsonArgument(options.input, "--input")
        : {};
  const registries =
    options.tasks !== undefined ? { tasks: await loadTasks(options.tasks, io.cwd) } : { lambdas: workspaceLambdasAt(io.cwd) };
  const progress = options.json || options.quiet ? undefined : createTracePrinter(io.stdout, io.env);

  let result: ExecutionResult;
  try {
    result = await runExecution(definition, input, {
      ...registries,
      clock: options.wait ? "real" : "virtual",
      // Distributed Map ItemReader/ResultWriter: .statecraft/s3 here, or the S3 endpoint of the environment.
      objectStore: mapObjectStore(io.cwd, io.env),
      ...(progress === undefined ? {} : { onEvent: progress }),
    });
  } catch (error) {
    if (error instanceof InvalidDefinitionError) {
      const lines = error.problems.map((problem) => `  ${describeProblem(problem)}`);
      io.stderr.write(`sfn run: invalid definition ${options.definition}\n${lines.join("\n")}\n`);
      return 2;
    }
    throw error;
  }

  if (options.report !== undefined) {
    const file = await writeReport(resolve(io.cwd, options.report), parseDrawableDefinition(definition), result);
    io.stderr.write(`report written to ${file}\n`);
  }
  if (options.json) {
    // Still exactly one object on stdout: the history rides along when asked for.
    const summary = options.history ? { ...jsonSummary(result), history: toJson(result.history) } : jsonSummary(result);
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return exitCode(result);
  }
  if (options.history) io.stdout.write(`${JSON.stringify(result.history, null, 2)}\n`);
  // The progress printer already ended with the output; --quiet prints the output alone.
  if (options.quiet) {
    const final = result.status === "SUCCEEDED" ? (result.output ?? null) : jsonSummary(result);
    io.stdout.write(`${JSON.stringify(final)}\n`);
  }
  return exitCode(result);
}

/** 0 when the execution succeeded; 1 for FAILED, TIMED_OUT and ABORTED. */
function exitCode(result: ExecutionResult): number {
  return result.status === "SUCCEEDED" ? 0 : 1;
}

/** History events hold `Date`s; JSON carries them as ISO strings. */
function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/** `sfn run`: runs any ASL definition on the embedded engine. */
export const runCommand: Command = {
  name: "run",
  usage:
    "run <definition.json> [--input <json> | --input-file <file>] [--tasks <module>] [--no-wait] [--json] [--quiet] [--history] [--report <file.html>]",
  summary: "Run an ASL definition locally on the embedded engine and print the trace and output.",
  run,
};
