import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../cli.js";
import type { CommandIO } from "../command.js";

const seed = {
  Comment: "seed",
  StartAt: "song",
  States: {
    song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "lyrics" },
    lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
  },
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function sfn(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (chunk: string) => void): CommandIO["stdout"] =>
    ({
      write(chunk: string) {
        append(chunk);
        return true;
      },
    }) as unknown as CommandIO["stdout"];
  const io: CommandIO = {
    stdout: sink((chunk) => {
      stdout += chunk;
    }),
    stderr: sink((chunk) => {
      stderr += chunk;
    }),
    cwd,
    env: {},
  };
  const code = await runCli(["graph", ...argv], io);
  return { code, stdout, stderr };
}

describe("sfn graph", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "sfn-graph-"));
    await mkdir(join(root, "infra", "dist", "asl"), { recursive: true });
    await mkdir(join(root, "apps", "cli"), { recursive: true });
    await writeFile(join(root, "infra", "dist", "asl", "song-lyrics.asl.json"), JSON.stringify(seed));
    await writeFile(join(root, "seed.json"), JSON.stringify(seed));
    await writeFile(join(root, "broken.json"), JSON.stringify({ StartAt: "a", States: { a: { Type: "Pass", Next: "b" } } }));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("prints Mermaid for a definition file by default", async () => {
    const run = await sfn(root, "seed.json");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("flowchart TD\n");
    expect(run.stdout).toContain("  song --> lyrics\n");
  });

  test("finds a workflow by name in infra/dist/asl from a subfolder", async () => {
    const run = await sfn(join(root, "apps", "cli"), "song-lyrics", "--format", "svg");
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("<svg")).toBe(true);
    expect(run.stdout).toContain('data-state="lyrics"');
  });

  test("writes --out, taking the format from the extension", async () => {
    const run = await sfn(root, "song-lyrics", "--out", "out/seed.html");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${join(root, "out", "seed.html")}\n`);
    const html = await readFile(join(root, "out", "seed.html"), "utf8");
    expect(html).toContain("<title>song-lyrics</title>");
    expect(html).toContain('data-state="song"');
  });

  test("refuses an unknown format or workflow with a usage error", async () => {
    const format = await sfn(root, "seed.json", "--format", "png");
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of mermaid, svg, html");
    const missing = await sfn(root, "nope");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"nope" is neither a file nor a workflow in infra/dist/asl (known: song-lyrics)');
  });

  test("names each problem of a definition it cannot draw", async () => {
    const run = await sfn(root, "broken.json");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sfn graph: cannot draw broken.json\n  /States/a/Next: "b" is not a state in this scope\n');
  });
});
