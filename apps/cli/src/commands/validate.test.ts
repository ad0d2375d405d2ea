import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runSfn } from "../testing/run-in-process.js";

let dir: string;

function sfn(...argv: string[]): Promise<CliRun> {
  return runSfn(argv, { cwd: dir, env: {} });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sfn-validate-"));
  await writeFile(
    join(dir, "vars.json"),
    JSON.stringify({
      QueryLanguage: "JSONata",
      StartAt: "a",
      States: { a: { Type: "Pass", Output: "{% $later %}", Next: "b" }, b: { Type: "Pass", Assign: { later: 1 }, End: true } },
    }),
  );
  await writeFile(
    join(dir, "good.json"),
    JSON.stringify({ StartAt: "a", States: { a: { Type: "Pass", Next: "b" }, b: { Type: "Succeed" } } }),
  );
  await writeFile(
    join(dir, "bad.json"),
    JSON.stringify({
      StartAt: "a",
      States: { a: { Type: "Pass", Next: "nowhere" }, orphan: { Type: "Succeed" } },
    }),
  );
});

describe("sfn validate", () => {
  it("accepts a valid definition with exit 0", async () => {
    const { code, stdout } = await sfn("validate", "good.json");
    expect(code).toBe(0);
    expect(stdout).toBe("✓ good.json: valid\n");
  });

  it("lists every problem with its pointer and state, exit 1", async () => {
    const { code, stdout } = await sfn("validate", "good.json", "bad.json");
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ bad\.json: \d+ problems/);
    expect(stdout).toMatch(/\/States\/a\/Next \(state a\): .*nowhere/);
    expect(stdout).toMatch(/\/States\/orphan \(state orphan\): .*cannot be reached/);
  });

  it("prints a JSON report with --json", async () => {
    const { stdout } = await sfn("validate", "bad.json", "--json");
    const report = JSON.parse(stdout) as Record<string, { problems: { pointer: string }[] }>;
    expect(report["bad.json"]?.problems.map((p) => p.pointer)).toContain("/States/a/Next");
  });

  it("warns, without failing, about a variable no path into its state assigns", async () => {
    const { code, stdout } = await sfn("validate", "vars.json");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "✓ vars.json: valid (1 warning)\n" +
        '  warning /States/a/Output (state a): variable $later is read here, but no path into state "a" assigns it\n',
    );
  });

  it("exits 2 for a missing file or no file", async () => {
    expect((await sfn("validate", "absent.json")).code).toBe(2);
    expect((await sfn("validate")).code).toBe(2);
  });
});
