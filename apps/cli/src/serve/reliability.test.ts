import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { startServer } from "./server.js";
import { bundleServeCommand, type ChildServer, spawnServer } from "./testing/child-server.js";
import { type FakeLambdaEndpoint, startFakeLambda } from "./testing/fake-lambda.js";
import { localClient, psyLyrics, roleArn, seedDefinition } from "./testing/fixtures.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sfn-reliability-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fullHistory(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return events;
}

async function runningCount(client: SFNClient, stateMachineArn: string): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: "RUNNING", maxResults: 1000, nextToken }));
    count += page.executions?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return count;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A complete history: ids 1..n in order, one ExecutionStarted first, exactly one terminal event, last. */
function expectComplete(events: HistoryEvent[], terminal: string): void {
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  expect(events[0]?.type).toBe("ExecutionStarted");
  expect(events.filter((e) => e.type === "ExecutionStarted")).toHaveLength(1);
  expect(events.filter((e) => /^Execution(Succeeded|Failed|Aborted|TimedOut)$/.test(e.type ?? ""))).toHaveLength(1);
  expect(events[events.length - 1]?.type).toBe(terminal);
}

describe("load: 1,000 executions from 50 concurrent clients", () => {
  it("loses none and records every history completely", async () => {
    const server = await startServer({ port: 0, dataDir: tempDir(), lambdas: workspaceLambdas });
    const admin = localClient(server.url);
    try {
      const { stateMachineArn } = await admin.send(
        new CreateStateMachineCommand({ name: "psy", definition: JSON.stringify(seedDefinition), roleArn }),
      );
      const clients = Array.from({ length: 50 }, () => localClient(server.url));
      const started = await Promise.all(
        clients.map(async (client, c) => {
          const arns: string[] = [];
          for (let i = 0; i < 20; i++) {
            const out = await client.send(
              new StartExecutionCommand({ stateMachineArn, name: `c${c}-e${i}`, input: JSON.stringify({ name: i % 2 ? "PSY" : "x" }) }),
            );
            arns.push(out.executionArn ?? "");
          }
          return arns;
        }),
      );
      const arns = started.flat();
      expect(new Set(arns).size).toBe(1000);
      await until(async () => (await runningCount(admin, stateMachineArn ?? "")) === 0, 30_000, "all executions to end");
      const listed = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await admin.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken }));
        for (const e of page.executions ?? []) listed.add(e.executionArn ?? "");
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      expect(listed).toEqual(new Set(arns));
      // Verified in process (same operations, no HTTP) to keep the test fast; the starts above went over the wire.
      for (const arn of arns) {
        const described = (await server.api.call("DescribeExecution", { executionArn: arn })) as { status: string };
        expect(described.status).toBe("SUCCEEDED");
        const { events } = (await server.api.call("GetExecutionHistory", { executionArn: arn, maxResults: 1000 })) as {
          events: HistoryEvent[];
        };
        expectComplete(events, "ExecutionSucceeded");
        expect(events).toHaveLength(12);
      }
      for (const client of clients) client.destroy();
    } finally {
      admin.destroy();
      await server.close();
    }
  }, 60_000);
});

/** song → Wait until `$.until` → lyrics, keeping the input around the song result. */
const waitUntil = {
  StartAt: "song",
  States: {
    song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", ResultPath: "$.found", Next: "pause" },
    pause: { Type: "Wait", TimestampPath: "$.until", Next: "lyrics" },
    lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", InputPath: "$.found", End: true },
  },
};

describe("crash: SIGKILL during 200 running executions, then restart", () => {
  let bundle: string;
  let lambda: FakeLambdaEndpoint;
  const children: ChildServer[] = [];

  beforeAll(async () => {
    bundle = await bundleServeCommand();
    lambda = await startFakeLambda({
      song: (event) => ({ song: (event as { name?: string }).name === "PSY" ? "gangnam style" : "i dont know" }),
      lyrics: (event) => ({ lyrics: (event as { song?: string }).song === "gangnam style" ? psyLyrics.lyrics : "i don't know" }),
    });
  }, 60_000);
  afterAll(async () => {
    // Also on failure: no child server outlives the test.
    for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGKILL");
    await lambda?.close();
  });

  it("finishes every execution exactly once, invoking each remaining task once", async () => {
    const data = tempDir();
    const args = ["--data", data, "--lambda-endpoint", lambda.url];
    let child: ChildServer = await spawnServer(bundle, args);
    children.push(child);
    let client = localClient(child.url);
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: "waits", definition: JSON.stringify(waitUntil), roleArn }),
    );
    // Every execution waits until the same instant, also after the restart, so the test does not wait twice.
    const input = JSON.stringify({ name: "PSY", until: new Date(Date.now() + 8_000).toISOString() });
    const arns: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = Array.from({ length: 20 }, (_, j) =>
        client.send(new StartExecutionCommand({ stateMachineArn, name: `e${i + j}`, input })),
      );
      arns.push(...(await Promise.all(batch)).map((out) => out.executionArn ?? ""));
    }
    // Every execution is inside its Wait (song done, lyrics not yet) when the server dies.
    const lastEventType = async (executionArn: string) =>
      (await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }))).events?.[0]?.type;
    await until(
      async () => {
        const types = await Promise.all(arns.map(lastEventType));
        return types.every((type) => type === "WaitStateEntered");
      },
      20_000,
      "every execution to be waiting",
    );
    expect(lambda.invocations.get("song")).toBe(200);
    expect(lambda.invocations.get("lyrics") ?? 0).toBe(0);
    child.process.kill("SIGKILL");
    await child.exited();
    client.destroy();

    child = await spawnServer(bundle, args);
    children.push(child);
    expect(child.output()).toContain("resumed 200 running execution(s)");
    client = localClient(child.url);
    try {
      await until(async () => (await runningCount(client, stateMachineArn ?? "")) === 0, 30_000, "resumed executions to end");
      for (const arn of arns) {
        const described = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
        expect(described.status).toBe("SUCCEEDED");
        expect(JSON.parse(described.output ?? "")).toEqual(psyLyrics);
        const events = await fullHistory(client, arn);
        expectComplete(events, "ExecutionSucceeded");
        // The Wait was entered before the crash and again on resume; each Lambda ran once.
        expect(events.filter((e) => e.type === "LambdaFunctionSucceeded")).toHaveLength(2);
      }
      expect(lambda.invocations.get("song")).toBe(200);
      expect(lambda.invocations.get("lyrics")).toBe(200);
    } finally {
      client.destroy();
      child.process.kill("SIGTERM");
      await child.exited();
    }
  }, 60_000);
});
