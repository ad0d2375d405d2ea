/**
 * Opens the execution viewer of a real failed engine run in Chromium
 * (Debian's `chromium` with playwright-core), clicks the failed state and
 * reads its error and input from the page.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runExecution } from "@statecraft/engine";
import { handler as lyrics } from "@statecraft/lambda-lyrics";
import { handler as song } from "@statecraft/lambda-song";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadWorkflow } from "../test-fixtures/fixtures.js";
import { writeReport } from "./render-report.js";

const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

describe("execution viewer in a browser", () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
    dir = await mkdtemp(join(tmpdir(), "sfn-viewer-"));
    // The seed workflow with a name that is not a string: the real `song` Lambda refuses it.
    const definition = loadWorkflow("song-lyrics");
    const result = await runExecution(definition, { name: 42 }, { lambdas: { song, lyrics } });
    expect(result.status).toBe("FAILED");
    const file = await writeReport(join(dir, "failed.html"), definition, result);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  test("marks the failed state in the graph and the rest as not run", async () => {
    const failed = page.locator('svg [data-state="song"]');
    await expect(failed.getAttribute("data-status")).resolves.toBe("failed");
    await expect(failed.getAttribute("class")).resolves.toContain("sfn-status-failed");
    await expect(failed.locator(".sfn-badge").count()).resolves.toBe(1);
    await expect(page.locator('svg [data-state="lyrics"]').getAttribute("data-status")).resolves.toBe("notRun");
    await expect(page.locator('[data-field="execution-status"]').textContent()).resolves.toBe("FAILED");
  });

  test("clicking the failed state shows its error and input", async () => {
    const panel = page.locator('[data-details-for="song"]');
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.locator('svg [data-state="song"]').click();
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-details-for=""]').isVisible()).resolves.toBe(false);
    await expect(panel.locator('[data-field="error"]').textContent()).resolves.toBe("InvalidInput");
    await expect(panel.locator('[data-field="cause"]').textContent()).resolves.toBe("song input: name: name must be a string");
    const input = JSON.parse((await panel.locator('[data-field="input"]').textContent()) ?? "null") as unknown;
    expect(input).toEqual({ name: 42 });
    await expect(page.locator('svg [data-state="song"]').getAttribute("class")).resolves.toContain("sfn-selected");
    expect(new URL(page.url()).hash).toBe("#state=song");
  });

  test("the timeline selects states too, and Escape returns to the execution", async () => {
    await page.keyboard.press("Escape");
    await expect(page.locator('[data-details-for=""]').isVisible()).resolves.toBe(true);
    await page.locator('.sfn-row[data-state="song"]').click();
    await expect(page.locator('[data-details-for="song"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.sfn-visit[data-visit="0"]').getAttribute("class")).resolves.toContain("sfn-visit-selected");
  });

  test("runs without script errors and fetches nothing", () => {
    expect(pageErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
  });
});
