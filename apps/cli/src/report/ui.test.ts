import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "../serve/server.js";
import { roleArn, seedDefinition, seedWithWait } from "../serve/testing/fixtures.js";
import { uiRoute } from "./ui.js";

let server: RunningServer;
let machineArn: string;
let failedArn: string;
let succeededArn: string;

async function finished(executionArn: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const described = (await server.api.call("DescribeExecution", { executionArn })) as { status: string };
    if (described.status !== "RUNNING") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${executionArn} did not finish`);
}

async function get(path: string, method = "GET"): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, { method });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

beforeAll(async () => {
  server = await startServer({ port: 0, lambdas: workspaceLambdas, extraRoutes: { "/ui": uiRoute } });
  const created = (await server.api.call("CreateStateMachine", { name: "psy", definition: JSON.stringify(seedDefinition), roleArn })) as {
    stateMachineArn: string;
  };
  machineArn = created.stateMachineArn;
  const start = async (name: string, input: unknown): Promise<string> => {
    const started = (await server.api.call("StartExecution", { stateMachineArn: machineArn, name, input: JSON.stringify(input) })) as {
      executionArn: string;
    };
    await finished(started.executionArn);
    return started.executionArn;
  };
  succeededArn = await start("ok", { name: "PSY" });
  failedArn = await start("bad-name", { name: 42 });
});

afterAll(async () => {
  await server.close();
});

describe("/ui on the local API", () => {
  test("lists state machines with their recent executions", async () => {
    const { status, html, headers } = await get("/ui");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain('data-state-machine="psy"');
    expect(html).toContain(`href="/ui/state-machine?arn=${encodeURIComponent(machineArn)}"`);
    expect(html).toContain(`href="/ui/execution?arn=${encodeURIComponent(failedArn)}"`);
    expect(html).toMatch(/bad-name<\/a><\/td><td><span class="sfn-pill"[^>]*>✗ FAILED</);
  });

  test("shows a state machine's graph and executions", async () => {
    const { status, html } = await get(`/ui/state-machine?arn=${encodeURIComponent(machineArn)}`);
    expect(status).toBe(200);
    expect(html).toContain('data-state="song"');
    expect(html).toContain('data-state="lyrics"');
    expect(html).toContain(`href="/ui/execution?arn=${encodeURIComponent(succeededArn)}"`);
  });

  test("serves the execution viewer for an execution, from its history", async () => {
    const { status, html } = await get(`/ui/execution?arn=${encodeURIComponent(failedArn)}`);
    expect(status).toBe(200);
    expect(html).toMatch(/data-state="song"[^>]*data-status="failed"/);
    expect(html).toMatch(/data-state="lyrics"[^>]*data-status="notRun"/);
    expect(html).toContain('data-field="error">InvalidInput<');
    expect(html).toContain("<title>psy · bad-name</title>");
    expect(html).not.toContain('http-equiv="refresh"');
    const ok = await get(`/ui/execution?arn=${encodeURIComponent(succeededArn)}`);
    expect(ok.html).toMatch(/data-state="lyrics"[^>]*data-status="succeeded"/);
    expect(ok.html).toContain("oh oh oh oh oh pan gangnam style");
  });

  test("shows a running execution with its running state, and reloads", async () => {
    const created = (await server.api.call("CreateStateMachine", { name: "waits", definition: JSON.stringify(seedWithWait(3600)), roleArn })) as {
      stateMachineArn: string;
    };
    const started = (await server.api.call("StartExecution", { stateMachineArn: created.stateMachineArn, input: '{"name":"PSY"}' })) as {
      executionArn: string;
    };
    try {
      let html = "";
      for (let i = 0; i < 200 && !/data-state="pause"[^>]*data-status="running"/.test(html); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        html = (await get(`/ui/execution?arn=${encodeURIComponent(started.executionArn)}`)).html;
      }
      expect(html).toMatch(/data-state="pause"[^>]*data-status="running"/);
      expect(html).toMatch(/data-state="song"[^>]*data-status="succeeded"/);
      expect(html).toMatch(/data-state="lyrics"[^>]*data-status="notRun"/);
      expect(html).toContain('<meta http-equiv="refresh" content="2">');
    } finally {
      await server.api.call("StopExecution", { executionArn: started.executionArn });
    }
  });

  test("answers unknown ARNs with 404, a missing one with 400, and HEAD without a body", async () => {
    const unknown = await get(`/ui/execution?arn=${encodeURIComponent(`${failedArn}-nope`)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('data-field="error">');
    expect((await get("/ui/execution")).status).toBe(400);
    expect((await get("/ui/nothing-here")).status).toBe(404);
    const head = await get("/ui", "HEAD");
    expect(head.status).toBe(200);
    expect(head.html).toBe("");
  });

  test("works in a browser: click the failed state and read its error", async () => {
    expect(existsSync("/usr/bin/chromium"), "apt-get install -y chromium").toBe(true);
    const browser: Browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${server.url}/ui`);
      await page.locator('[data-state-machine="psy"] a', { hasText: "bad-name" }).click();
      await page.locator('svg [data-state="song"]').click();
      await expect(page.locator('[data-details-for="song"] [data-field="error"]').textContent()).resolves.toBe("InvalidInput");
      await expect(page.locator('[data-details-for="song"] [data-field="input"]').textContent()).resolves.toContain('"name": 42');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
