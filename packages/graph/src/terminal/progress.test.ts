import { runExecution } from "@statecraft/engine";
import { handler as lyrics } from "@statecraft/lambda-lyrics";
import { handler as song } from "@statecraft/lambda-song";
import { describe, expect, test } from "vitest";
import type { ExecutionRecord } from "../history/events.js";
import { loadWorkflow } from "../test-fixtures/fixtures.js";
import { imageUploadFailedInParallel, imageUploadRejected, seedSucceededAfterRetry } from "../test-fixtures/histories.js";
import { createProgressPrinter, shortCause, shouldUseColor } from "./progress.js";

function capture(isTTY = false): { out: { write(s: string): void; isTTY: boolean }; text: () => string } {
  let text = "";
  const write = (chunk: string): void => {
    text += chunk;
  };
  return { out: { write, isTTY }, text: () => text };
}

function print(record: ExecutionRecord, options = {}): string {
  const { out, text } = capture();
  const onEvent = createProgressPrinter(out, { env: {}, ...options });
  for (const event of record.history) onEvent(event);
  return text();
}

describe("createProgressPrinter", () => {
  test("prints each state entered and left with its duration, retries, and a summary with the output", () => {
    const lines = print(seedSucceededAfterRetry()).split("\n");
    expect(lines[0]).toMatch(/^▶ song +Task$/);
    expect(lines[1]).toMatch(/^↻ song +retry 1 after Lambda\.ServiceException: Rate exceeded$/);
    expect(lines[2]).toMatch(/^✓ song +1\.07 s {2}after 1 retry$/);
    expect(lines[3]).toMatch(/^▶ lyrics +Task$/);
    expect(lines[4]).toMatch(/^✓ lyrics +45 ms$/);
    expect(lines[5]).toBe("SUCCEEDED in 1.14 s · 2 states · 1 retry · 0 caught");
    expect(lines[6]).toBe('output {"lyrics":"oh oh oh oh oh pan gangnam style"}');
  });

  test("prints caught errors and the errors that ended the execution", () => {
    const text = print(imageUploadRejected());
    expect(text).toMatch(/⚠ ReadImageInfo +\d+ ms {2}caught InvalidImage: not an image\n/);
    expect(text).toMatch(/▶ RejectUpload +Fail\n/);
    expect(text).toMatch(/✗ RejectUpload +UploadRejected: The file is not a supported image\.\n/);
    expect(text).toContain("FAILED in");
    expect(text).toContain("· 1 caught");
    expect(text).toContain("error  UploadRejected The file is not a supported image.");
  });

  test("indents states inside Map and Parallel and numbers Map items", () => {
    const text = print(imageUploadFailedInParallel());
    expect(text).toMatch(/\n {2}▶ ResizeImage \[1\] +Task\n/);
    expect(text).toMatch(/\n {2}↻ ResizeImage \[1\] +retry 1 after/);
    expect(text).toMatch(/\n {2}▶ WaitForCdn +Wait\n {2}✓ WaitForCdn +5\.00 s\n/);
    expect(text).toMatch(/\n {2}✗ NotifyOwner +States\.TaskFailed: mail server down\n✗ RecordUpload +States\.TaskFailed: mail server down\n/);
    expect(text).toContain("8 states · 9 visits · 1 retry · 0 caught");
  });

  test("prints each state's input and output when asked", () => {
    const lines = print(seedSucceededAfterRetry(), { showData: true }).split("\n");
    expect(lines[0]).toMatch(/^▶ song +Task {2}input \{"name":"PSY"\}$/);
    expect(lines[2]).toMatch(/^✓ song +1\.07 s {2}after 1 retry {2}output \{"song":"gangnam style"\}$/);
    expect(print(seedSucceededAfterRetry())).not.toContain("input {");
  });

  test("uses no colour when not on a terminal, and colour when asked", () => {
    expect(print(seedSucceededAfterRetry())).not.toContain("\u001b[");
    expect(print(seedSucceededAfterRetry(), { color: true })).toContain("\u001b[32m");
  });

  test("prints live from a real engine run", async () => {
    const { out, text } = capture();
    const result = await runExecution(loadWorkflow("song-lyrics"), { name: "PSY" }, { lambdas: { song, lyrics }, onEvent: createProgressPrinter(out, { env: {} }) });
    expect(result.status).toBe("SUCCEEDED");
    expect(text()).toMatch(/^▶ song +Task\n✓ song +\d+ ms\n▶ lyrics +Task\n✓ lyrics +\d+ ms\nSUCCEEDED in \d+ ms · 2 states · 0 retries · 0 caught\noutput \{"lyrics":"oh oh oh oh oh pan gangnam style"\}\n$/);
  });
});

describe("shouldUseColor", () => {
  test("decides on isTTY, not CI", () => {
    expect(shouldUseColor({ write: () => {}, isTTY: false }, { CI: "true" })).toBe(false);
    expect(shouldUseColor({ write: () => {}, isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ write: () => {}, isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(shouldUseColor({ write: () => {} }, { FORCE_COLOR: "1" })).toBe(true);
  });
});

describe("shortCause", () => {
  test("takes Lambda's errorMessage and shortens long causes", () => {
    expect(shortCause('{"errorType":"X","errorMessage":"boom","trace":[]}', 80)).toBe("boom");
    expect(shortCause("a\n  b", 80)).toBe("a b");
    expect(shortCause("x".repeat(10), 5)).toBe("xxxx…");
  });
});
