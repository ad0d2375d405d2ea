import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIO } from "../command.js";
import { startServer } from "../serve/server.js";
import { serveCommand } from "./serve.js";

const dir = mkdtempSync(join(tmpdir(), "sfn-serve-cmd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(...args: string[]): Promise<{ code: number; out: string; err: string }> {
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
  const io: CommandIO = { stdout, stderr, cwd: dir, env: {} };
  const code = await serveCommand.run(args, io);
  return { code, out, err };
}

// Starting and serving is covered by reliability.test.ts, which runs `sfn serve` as a child process.
describe("sfn serve options", () => {
  it.each([
    [["--port", "http"], /--port must be a number/],
    [["--port", "70000"], /--port must be 0 to 65535/],
    [["--region", "moon"], /--region must look like us-east-1/],
    [["--account", "42"], /--account must be 12 digits/],
    [["--lambda-endpoint", "not a url"], /--lambda-endpoint must be an http\(s\) URL/],
    [["--wait-time-scale=-1"], /--wait-time-scale must be at least 0/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j", async (args, message) => {
    await expect(serve(...args)).rejects.toThrow(message);
  });

  it("refuses a data directory another server holds, without starting", async () => {
    const data = join(dir, "data");
    const holder = await startServer({ port: 0, dataDir: data });
    try {
      const out = await serve("--port", "0", "--data", data);
      expect(out.code).toBe(1);
      expect(out.err).toMatch(/in use by another sfn serve process/);
    } finally {
      await holder.close();
    }
  });

  it("refuses a broken mock configuration, naming the problem", async () => {
    const path = join(dir, "mock.json");
    writeFileSync(path, JSON.stringify({ StateMachines: { M: { TestCases: { T: { S: "Missing" } } } }, MockedResponses: {} }));
    const out = await serve("--port", "0", "--in-memory", "--mock-config", path);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/mock\.json: StateMachines\.M\.TestCases\.T\.S: no MockedResponses\.Missing/);
  });
});
