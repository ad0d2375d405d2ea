import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "./server.js";
import { psyLyrics, roleArn, seedDefinition } from "./testing/fixtures.js";

/** The Debian AWS CLI v2; an `aws` on PATH may be a v1 (toolchain.md, notes A1–A3). */
const aws = "/usr/bin/aws";
const haveCli = existsSync(aws);
if (!haveCli) {
  console.warn("server.cli.test.ts: skipped: /usr/bin/aws (AWS CLI v2) is not installed (apt-get install -y awscli)");
}

let server: RunningServer;
let home: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      aws,
      ["stepfunctions", ...args, "--endpoint-url", server.url, "--region", "us-east-1", "--no-sign-request", "--output", "json"],
      {
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: home,
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_ACCESS_KEY_ID: "x",
          AWS_SECRET_ACCESS_KEY: "x",
          AWS_MAX_ATTEMPTS: "1",
          AWS_PAGER: "",
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe.skipIf(!haveCli)("the AWS CLI v2 (/usr/bin/aws) against sfn serve", () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "sfn-cli-"));
    writeFileSync(join(home, "psy.asl.json"), JSON.stringify(seedDefinition));
    server = await startServer({ port: 0, lambdas: workspaceLambdas });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("create → start → describe → history for the seed machine", async () => {
    const created = json(
      await cli("create-state-machine", "--name", "psy", "--definition", `file://${join(home, "psy.asl.json")}`, "--role-arn", roleArn),
    );
    expect(created.stateMachineArn).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:psy");
    expect(Number.isNaN(Date.parse(String(created.creationDate)))).toBe(false);

    const started = json(
      await cli("start-execution", "--state-machine-arn", String(created.stateMachineArn), "--name", "run1", "--input", '{"name":"PSY"}'),
    );
    expect(started.executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:psy:run1");

    let described = json(await cli("describe-execution", "--execution-arn", String(started.executionArn)));
    while (described.status === "RUNNING") {
      described = json(await cli("describe-execution", "--execution-arn", String(started.executionArn)));
    }
    expect(described).toMatchObject({ status: "SUCCEEDED", name: "run1", input: '{"name":"PSY"}' });
    expect(JSON.parse(String(described.output))).toEqual(psyLyrics);

    // The CLI paginates by itself: a page size of 3 makes it follow nextToken four times.
    const history = json(await cli("get-execution-history", "--execution-arn", String(started.executionArn), "--page-size", "3"));
    const events = history.events as { id: number; type: string }[];
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events[0]?.type).toBe("ExecutionStarted");
    expect(events[11]?.type).toBe("ExecutionSucceeded");
  }, 30_000);

  it("gets the right error code for each misuse", async () => {
    const psy = "arn:aws:states:us-east-1:123456789012:stateMachine:psy";
    // One CLI process costs about a second; the SDK tests cover every code, these prove the CLI reads them.
    const cases: [string[], string][] = [
      [["describe-state-machine", "--state-machine-arn", `${psy}-nope`], "StateMachineDoesNotExist"],
      [["describe-state-machine", "--state-machine-arn", "not-an-arn"], "InvalidArn"],
      [["create-state-machine", "--name", "m", "--definition", "{nope", "--role-arn", roleArn], "InvalidDefinition"],
      [["create-state-machine", "--name", "psy", "--definition", '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}', "--role-arn", roleArn], "StateMachineAlreadyExists"],
      [["start-execution", "--state-machine-arn", psy, "--input", "{"], "InvalidExecutionInput"],
      [["start-execution", "--state-machine-arn", psy, "--name", "run1", "--input", "{}"], "ExecutionAlreadyExists"],
    ];
    for (let i = 0; i < cases.length; i += 3) {
      const batch = cases.slice(i, i + 3);
      const results = await Promise.all(batch.map(([args]) => cli(...args)));
      results.forEach((result, j) => {
        const [args, code] = batch[j] ?? [[], ""];
        expect(result.code, args.join(" ")).toBe(254);
        expect(result.stderr).toMatch(new RegExp(`An error occurred \\(${code}\\) when calling the \\w+ operation`));
      });
    }
  }, 30_000);
});
