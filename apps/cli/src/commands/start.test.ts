import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIO } from "../command.js";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "../serve/server.js";
import { roleArn, seedDefinition } from "../serve/testing/fixtures.js";
import { startCommand } from "./start.js";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, lambdas: workspaceLambdas });
  const definition = JSON.stringify(seedDefinition);
  await server.api.call("CreateStateMachine", { name: "song-lyrics", definition, roleArn });
  await server.api.call("CreateStateMachine", { name: "song-lyrics-express", definition, roleArn, type: "EXPRESS" });
  const failing = { StartAt: "no", States: { no: { Type: "Fail", Error: "Nope", Cause: "on purpose" } } };
  await server.api.call("CreateStateMachine", { name: "failing", definition: JSON.stringify(failing), roleArn });
});
afterAll(async () => {
  await server.close();
});

async function start(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const io: CommandIO = { stdout, stderr, cwd: process.cwd(), env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } };
  const code = await startCommand.run([...args, "--endpoint", server.url, "--poll-ms", "20"], io);
  return { code, out, err };
}

describe("sfn start", () => {
  it("starts the seed machine by name, follows it and prints the trace from GetExecutionHistory", async () => {
    const out = await start("song-lyrics", "--input", '{"name":"PSY"}', "--name", "cli-run");
    expect(out.code).toBe(0);
    const lines = out.out.trimEnd().split("\n");
    expect(lines[0]).toBe("execution arn:aws:states:us-east-1:123456789012:execution:song-lyrics:cli-run");
    // The trace (the CLI's progress printer fed from GetExecutionHistory) shows each state with its data.
    const trace = lines.slice(1, -1).join("\n");
    for (const text of ["song", '{"name":"PSY"}', '{"song":"gangnam style"}', "lyrics", "SUCCEEDED"]) {
      expect(trace).toContain(text);
    }
    expect(trace.indexOf('{"name":"PSY"}')).toBeLessThan(trace.indexOf('{"song":"gangnam style"}'));
    expect(lines.at(-1)).toBe('{"lyrics":"oh oh oh oh oh pan gangnam style"}');
  });

  it("runs an EXPRESS machine synchronously", async () => {
    const out = await start("arn:aws:states:us-east-1:123456789012:stateMachine:song-lyrics-express", "--input", '{"name":"PSY"}');
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^execution arn:aws:states:us-east-1:123456789012:express:song-lyrics-express:/);
    expect(out.out).toContain('{"lyrics":"oh oh oh oh oh pan gangnam style"}');
  });

  it("exits 1 with the error of a failed execution", async () => {
    const out = await start("failing");
    expect(out.code).toBe(1);
    expect(out.out).toContain("FAILED");
    expect(out.out).toContain("on purpose");
    expect(out.out).toContain('{"status":"FAILED","error":"Nope","cause":"on purpose"}');
  });

  it("refuses an unknown machine and bad input", async () => {
    await expect(start("nope")).rejects.toThrow(/no state machine named "nope"/);
    await expect(start("song-lyrics", "--input", "{")).rejects.toThrow(/--input is not valid JSON/);
    const missing = await start("arn:aws:states:us-east-1:123456789012:stateMachine:nope");
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/StateMachineDoesNotExist/);
  });
});
