import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommandIO, UsageError } from "../command.js";
import { type RunningServer, startServer } from "../serve/server.js";
import { seedDefinition, seedWithWait } from "../serve/testing/fixtures.js";
import { deployCommand } from "./deploy.js";

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "sfn-deploy-"));
  mkdirSync(join(dir, "infra/dist/asl"), { recursive: true });
  writeFileSync(join(dir, "infra/dist/asl/song-lyrics.asl.json"), JSON.stringify(seedDefinition, null, 2));
  writeFileSync(join(dir, "infra/dist/asl/waiting.asl.json"), JSON.stringify(seedWithWait(1)));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deploy(...args: string[]): Promise<{ code: number; out: string; err: string }> {
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
  const io: CommandIO = { stdout, stderr, cwd: dir, env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } };
  const code = await deployCommand.run(args, io);
  return { code, out, err };
}

describe("sfn deploy against the local server", () => {
  it("creates every state machine, then a second run changes nothing and says so", async () => {
    const first = await deploy("--endpoint", server.url);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toBe(
      "created    song-lyrics  arn:aws:states:us-east-1:123456789012:stateMachine:song-lyrics\n" +
        "created    waiting  arn:aws:states:us-east-1:123456789012:stateMachine:waiting\n" +
        "2 created, 0 updated, 0 unchanged.\n",
    );
    const second = await deploy("--endpoint", server.url);
    expect(second.code).toBe(0);
    expect(second.out).toContain("unchanged  song-lyrics  arn:aws:states:us-east-1:123456789012:stateMachine:song-lyrics");
    expect(second.out).toContain("No changes: all 2 state machine(s) are up to date.");
    const listed = (await server.api.call("ListStateMachines", {})) as { stateMachines: { name: string }[] };
    expect(listed.stateMachines.map((m) => m.name)).toEqual(["song-lyrics", "waiting"]);
  });

  it("updates a changed definition or role, and prefixes names", async () => {
    writeFileSync(join(dir, "infra/dist/asl/waiting.asl.json"), JSON.stringify(seedWithWait(2)));
    const changed = await deploy("--endpoint", server.url);
    expect(changed.out).toContain("updated    waiting");
    expect(changed.out).toContain("0 created, 1 updated, 1 unchanged.");
    const role = await deploy("--endpoint", server.url, "--role-arn", "arn:aws:iam::123456789012:role/other");
    expect(role.out).toContain("0 created, 2 updated, 0 unchanged.");
    const prefixed = await deploy("--endpoint", server.url, "--prefix", "dev-");
    expect(prefixed.out).toContain("created    dev-song-lyrics  arn:aws:states:us-east-1:123456789012:stateMachine:dev-song-lyrics");
  });

  it("refuses bad usage with a clear message", async () => {
    await expect(deploy("--endpoint", server.url, "--dir", "nowhere")).rejects.toThrow(UsageError);
    await expect(deploy()).rejects.toThrow(/--role-arn is required when deploying to AWS/);
    await expect(deploy("--endpoint", "ftp://x")).rejects.toThrow(/--endpoint must be an http\(s\) URL/);
    await expect(deploy("--endpoint", server.url, "--role-arn", "bob")).rejects.toThrow(/IAM role ARN/);
  });

  it("reports a service error and exits 1", async () => {
    writeFileSync(join(dir, "infra/dist/asl/broken.asl.json"), '{"StartAt":"nowhere","States":{}}');
    const out = await deploy("--endpoint", server.url);
    rmSync(join(dir, "infra/dist/asl/broken.asl.json"));
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/^sfn deploy: InvalidDefinition: /);
  });
});
