/**
 * Conformance corpus runner: every folder `conformance/<area>/<case>/` is an ASL definition written by others
 * (AWS documentation, the States Language spec, executions recorded against AWS) with the exact `--json` object
 * AWS semantics give. Each case runs through the real built CLI (`node dist/main.js run … --json --no-wait`), so
 * the command-line contract is tested along with the engine. Layout and conventions: `conformance/README.md`.
 *
 * Cases listed in `conformance/known-divergences.json` are ones where the engine disagrees with AWS today; the
 * runner asserts they STILL diverge, so the list cannot go stale silently, and that every other case passes.
 *
 * @see https://states-language.net/spec.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";

const cliRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusRoot = join(cliRoot, "conformance");
const cliMain = join(cliRoot, "dist", "main.js");
/** Processes running at once: the machine is shared, and each CLI start costs ~0.5 s of CPU. */
const poolSize = 2;
const perCaseTimeoutMs = 20_000;

/** What `sfn run --json` must print for an execution. */
const ExecutionExpectation = z.union([
  z.strictObject({ status: z.literal("SUCCEEDED"), output: z.json() }),
  z.strictObject({
    status: z.enum(["FAILED", "TIMED_OUT", "ABORTED"]),
    error: z.string().nullable(),
    cause: z.string().nullable(),
  }),
]);
/** A usage error or an invalid definition: exit code 2, nothing on stdout, stderr naming each problem. */
const UsageExpectation = z.strictObject({ exitCode: z.literal(2), stderrIncludes: z.array(z.string()).min(1) });
const Expectation = z.union([ExecutionExpectation, UsageExpectation]);
type Expectation = z.output<typeof Expectation>;

/** Optional `case.json`: how to call the CLI when the defaults (definition.asl.json, `--input` <input.json>) differ. */
const CaseOptions = z.strictObject({
  definition: z.string().optional(),
  inputFile: z.boolean().optional(),
  /** Text passed as `--input` as it is (for input that is not JSON, which input.json cannot hold). */
  rawInput: z.string().optional(),
  extraArgs: z.array(z.string()).optional(),
});

/** `known-divergences.json`: case id (`area/case`) → what the engine does differently from AWS. */
const KnownDivergences = z.record(z.string().regex(/^[\w-]+\/[\w-]+$/), z.string().min(10));

/** A Node.js Lambda error Cause as Step Functions reports it (the runtime's `{errorType, errorMessage, trace}`). */
const LambdaErrorCause = z.strictObject({
  errorType: z.string(),
  errorMessage: z.string(),
  trace: z.array(z.string()),
});

interface ConformanceCase {
  id: string;
  dir: string;
  expected: Expectation;
  args: string[];
}

interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SyntaxError(`${path}: ${(error as Error).message}`);
  }
}

function parseFile<S extends z.ZodType>(schema: S, path: string): z.output<S> {
  const result = schema.safeParse(readJson(path));
  if (!result.success) throw new TypeError(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

function subfolders(path: string): string[] {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The CLI arguments for one case folder; paths are absolute so the CLI's working directory never matters. */
function cliArguments(dir: string): string[] {
  const optionsPath = join(dir, "case.json");
  const options = existsSync(optionsPath) ? parseFile(CaseOptions, optionsPath) : {};
  const args = ["run", join(dir, options.definition ?? "definition.asl.json")];
  const inputPath = join(dir, "input.json");
  if (options.rawInput !== undefined) {
    args.push("--input", options.rawInput);
  } else if (existsSync(inputPath)) {
    args.push(...(options.inputFile ? ["--input-file", inputPath] : ["--input", readFileSync(inputPath, "utf8").trim()]));
  }
  const tasksPath = join(dir, "tasks.mjs");
  if (existsSync(tasksPath)) args.push("--tasks", tasksPath);
  return [...args, ...(options.extraArgs ?? []), "--json", "--no-wait"];
}

function discoverCases(): ConformanceCase[] {
  return subfolders(corpusRoot).flatMap((area) =>
    subfolders(join(corpusRoot, area)).map((name) => {
      const dir = join(corpusRoot, area, name);
      return { id: `${area}/${name}`, dir, expected: parseFile(Expectation, join(dir, "expected.json")), args: cliArguments(dir) };
    }),
  );
}

function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  // pnpm sets INIT_CWD, which the CLI prefers over process.cwd(); the case folder must be the working directory.
  const { INIT_CWD: _ignored, ...env } = process.env;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliMain, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), perCaseTimeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ exitCode, stdout, stderr });
    });
  });
}

/** Runs every case with at most {@link poolSize} CLI processes alive at once. */
async function runAll(cases: readonly ConformanceCase[]): Promise<Map<string, CliRun>> {
  const runs = new Map<string, CliRun>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < cases.length; index = next++) {
      const current = cases[index]!;
      runs.set(current.id, await runCli(current.args, current.dir));
    }
  };
  await Promise.all(Array.from({ length: poolSize }, worker));
  return runs;
}

/**
 * A Lambda error's `trace` holds stack frames that depend on the machine. When the expected Cause is a Lambda
 * error JSON, its `trace` lists the leading lines (`"<errorType>: <errorMessage>"`); the actual trace must start
 * with exactly those lines and continue with stack frames only. The rest of the Cause must match exactly.
 */
function causeMatches(expected: string | null, actual: unknown): boolean {
  if (expected === actual) return true;
  if (expected === null || typeof actual !== "string") return false;
  const want = LambdaErrorCause.safeParse(safeJson(expected));
  const have = LambdaErrorCause.safeParse(safeJson(actual));
  if (!want.success || !have.success) return false;
  const head = have.data.trace.slice(0, want.data.trace.length);
  const frames = have.data.trace.slice(want.data.trace.length);
  return (
    JSON.stringify(Object.keys(safeJson(actual) as object)) === JSON.stringify(["errorType", "errorMessage", "trace"]) &&
    have.data.errorType === want.data.errorType &&
    have.data.errorMessage === want.data.errorMessage &&
    isDeepStrictEqual(head, want.data.trace) &&
    frames.every((line) => /^\s+at /.test(line))
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What the run showed, in the shape of the expectation, so a mismatch prints as a readable diff. */
function observed(expected: Expectation, run: CliRun): unknown {
  if ("exitCode" in expected) {
    const missing = expected.stderrIncludes.filter((text) => !run.stderr.includes(text));
    return { exitCode: run.exitCode, stdout: run.stdout, stderrMissing: missing, stderr: run.stderr };
  }
  const lines = run.stdout.split("\n").filter((line) => line.length > 0);
  const printed = lines.length === 1 ? safeJson(lines[0]!) : undefined;
  if (printed === undefined) return { exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr };
  const summary = printed as Record<string, unknown>;
  // A Lambda Cause whose trace conforms is shown as the expected text, leaving only real differences in the diff.
  const shown = "cause" in expected && causeMatches(expected.cause, summary.cause) ? { ...summary, cause: expected.cause } : summary;
  return { exitCode: run.exitCode, json: shown };
}

function wanted(expected: Expectation): unknown {
  if ("exitCode" in expected) return { exitCode: 2, stdout: "", stderrMissing: [], stderr: expect.any(String) };
  return { exitCode: expected.status === "SUCCEEDED" ? 0 : 1, json: expected };
}

function conforms(expected: Expectation, run: CliRun): boolean {
  const have = observed(expected, run);
  if ("exitCode" in expected) {
    const usage = have as { exitCode: number | null; stdout: string; stderrMissing: string[] };
    return usage.exitCode === 2 && usage.stdout === "" && usage.stderrMissing.length === 0;
  }
  return isDeepStrictEqual(have, wanted(expected));
}

const cases = discoverCases();
const divergences = parseFile(KnownDivergences, join(corpusRoot, "known-divergences.json"));
let runs = new Map<string, CliRun>();

beforeAll(async () => {
  if (!existsSync(cliMain)) throw new Error(`${cliMain} is missing: run \`pnpm build\` first`);
  runs = await runAll(cases);
}, 900_000);

describe("conformance corpus", () => {
  it("lists only existing cases as known divergences", () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(divergences).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const current of cases) {
    const reason = divergences[current.id];
    if (reason === undefined) {
      it(`${current.id} behaves as on AWS`, () => {
        const run = runs.get(current.id)!;
        expect(observed(current.expected, run)).toEqual(wanted(current.expected));
        expect(conforms(current.expected, run)).toBe(true);
      });
    } else {
      it(`${current.id} still diverges (${reason})`, () => {
        const run = runs.get(current.id)!;
        expect(conforms(current.expected, run), `now conforms: remove it from known-divergences.json`).toBe(false);
      });
    }
  }
});
