import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { s3ObjectCreatedEvent } from "@statecraft/events";
import { imageUpload, parseConfig, songLyrics } from "@statecraft/infra";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runSfn } from "../testing/run-in-process.js";

const fixtures = fileURLToPath(new URL("../../test-fixtures/", import.meta.url));
let dir: string;
let seedFile: string;

function sfn(...argv: string[]): Promise<CliRun> {
  return runSfn(argv, { cwd: dir, env: { NO_COLOR: "1" } });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sfn-run-"));
  // The ASL infra generates, with the default configuration.
  seedFile = join(dir, "song-lyrics.asl.json");
  await writeFile(seedFile, JSON.stringify(songLyrics(parseConfig(undefined, {})).definition));
});

describe("sfn run", () => {
  it("runs the generated seed ASL with the workspace Lambdas and prints a trace", async () => {
    const { code, stdout } = await sfn("run", seedFile, "--input", '{"name":"PSY"}');
    expect(code).toBe(0);
    expect(stdout).toMatch(/▶ song +Task {2}input \{"name":"PSY"\}/);
    expect(stdout).toMatch(/✓ song .*output \{"song":"gangnam style"\}/);
    expect(stdout).toMatch(/✓ lyrics .*output \{"lyrics":"oh oh oh oh oh pan gangnam style"\}/);
    expect(stdout).toContain('output {"lyrics":"oh oh oh oh oh pan gangnam style"}');
  });

  it("keeps the --json contract: one object, exit 0 on success", async () => {
    const { code, stdout } = await sfn("run", seedFile, "--input", '{"name":"PSY"}', "--json");
    expect(code).toBe(0);
    expect(stdout).toBe('{"status":"SUCCEEDED","output":{"lyrics":"oh oh oh oh oh pan gangnam style"}}\n');
  });

  it("takes the last --input, so `pnpm start --input …` overrides the default", async () => {
    const { stdout } = await sfn("run", seedFile, "--input", '{"name":"PSY"}', "--input", '{"name":"IU"}', "--json");
    expect(JSON.parse(stdout)).toEqual({ status: "SUCCEEDED", output: { lyrics: "i don't know" } });
  });

  it("runs with a --tasks module mapping the ARNs to the handlers", async () => {
    const { code, stdout } = await sfn("run", seedFile, "--input", '{"name":"PSY"}', "--tasks", join(fixtures, "seed-tasks.mjs"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ status: "SUCCEEDED", output: { lyrics: "oh oh oh oh oh pan gangnam style" } });
  });

  it("reads --input-file and exits 1 with error and cause when the execution fails", async () => {
    const inputFile = join(dir, "input.json");
    await writeFile(inputFile, '{"name":""}');
    const { code, stdout } = await sfn("run", seedFile, "--input-file", inputFile, "--json");
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ status: "FAILED", error: "InvalidInput" });
    expect(JSON.parse(summary.cause)).toMatchObject({ errorType: "InvalidInput", errorMessage: "song input: name: name must not be empty" });
  });

  it("exits 2 naming each problem of an invalid definition", async () => {
    const bad = join(dir, "bad.asl.json");
    await writeFile(bad, JSON.stringify({ StartAt: "a", States: { a: { Type: "Pass", Next: "missing" } } }));
    const { code, stdout, stderr } = await sfn("run", bad, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("/States/a/Next (state a):");
    expect(stderr).toContain("missing");
  });

  it("exits 2 for usage errors: bad JSON, both inputs, missing file, bad --tasks module", async () => {
    expect((await sfn("run", seedFile, "--input", "{nope")).code).toBe(2);
    expect((await sfn("run", seedFile, "--input", "{}", "--input-file", "x.json")).code).toBe(2);
    expect((await sfn("run", join(dir, "absent.json"))).code).toBe(2);
    const notTasks = await sfn("run", seedFile, "--tasks", join(fixtures, "not-tasks.mjs"));
    expect(notTasks.code).toBe(2);
    expect(notTasks.stderr).toContain("each task must be a function");
    expect((await sfn("run")).stderr).toContain("a definition file is required");
  });

  it("prints the output alone with --quiet and embeds the history in --json with --history", async () => {
    expect((await sfn("run", seedFile, "--input", '{"name":"PSY"}', "--quiet")).stdout).toBe(
      '{"lyrics":"oh oh oh oh oh pan gangnam style"}\n',
    );
    const { stdout } = await sfn("run", seedFile, "--input", '{"name":"PSY"}', "--json", "--history");
    const history = JSON.parse(stdout).history as { type: string }[];
    expect(history[0]?.type).toBe("ExecutionStarted");
    expect(history.at(-1)?.type).toBe("ExecutionSucceeded");
  });

  it("runs the generated image-upload ASL with the workspace image Lambdas on the local store", async () => {
    const imageFile = join(dir, "image-upload.asl.json");
    await writeFile(imageFile, JSON.stringify(imageUpload(parseConfig(undefined, {})).definition));
    const event = s3ObjectCreatedEvent({
      bucket: "statecraft-images",
      key: "notes.txt",
      size: 12,
      etag: "0123456789abcdef0123456789abcdef",
      region: "us-east-1",
      account: "123456789012",
      time: new Date("2026-11-30T00:00:00Z"),
    });
    const { code, stdout } = await sfn("run", imageFile, "--input", JSON.stringify(event), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: "SUCCEEDED", output: { status: "skipped", source: { key: "notes.txt" } } });
  });

  it("writes a self-contained report with --report", async () => {
    const report = join(dir, "out", "report.html");
    const { code, stderr } = await sfn("run", seedFile, "--input", '{"name":42}', "--report", report, "--quiet");
    expect(code).toBe(1);
    expect(stderr).toContain("report written to");
    const html = await readFile(report, "utf8");
    expect(html).toContain("InvalidInput");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
