import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { renderHtml } from "../html.js";
import { loadFixture } from "../test-fixtures/fixtures.js";
import { imageUploadFailedInParallel, imageUploadRejected, seedFailedInLyrics } from "../test-fixtures/histories.js";
import { viewerScript } from "./client.js";
import { renderReportHtml, writeReport } from "./render-report.js";

/** The detail section of one state. */
function section(html: string, state: string): string {
  const start = html.indexOf(`<section class="sfn-details" data-details-for="${state}"`);
  expect(start, `section for ${state}`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("renderReportHtml", () => {
  test("is one self-contained page: inline style and script, nothing fetched", async () => {
    const html = await renderReportHtml(loadFixture("song-lyrics"), seedFailedInLyrics());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http|src="http/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("<svg");
    expect(html).toContain(viewerScript());
  });

  test("marks the failed state and keeps its error, cause and input for the panel", async () => {
    const html = await renderReportHtml(loadFixture("song-lyrics"), seedFailedInLyrics());
    expect(html).toMatch(/<g class="[^"]*sfn-status-failed[^"]*" data-state="lyrics"/);
    expect(html).toMatch(/data-state="song"[^>]*data-status="succeeded"/);
    const lyrics = section(html, "lyrics");
    expect(lyrics).toContain('data-field="error">InvalidInput<');
    expect(lyrics).toContain('data-field="cause">song: expected string</pre>');
    expect(lyrics).toContain("full cause (error type, trace)");
    expect(lyrics).toContain('<td>failed</td><td>+70 ms</td><td>30 ms</td><td class="sfn-attempt-error" title="InvalidInput: song: expected string">');
    expect(lyrics).toContain('data-field="input">{\n  &quot;song&quot;: &quot;gangnam style&quot;\n}<');
    expect(lyrics).toContain("hidden");
  });

  test("shows caught errors, retries, map items and states that did not run", async () => {
    const rejected = await renderReportHtml(loadFixture("image-upload"), imageUploadRejected());
    expect(rejected).toMatch(/data-state="ReadImageInfo"[^>]*data-status="caught"/);
    expect(section(rejected, "ReadImageInfo")).toContain('data-field="error">InvalidImage<');
    expect(section(rejected, "Done")).toContain("did not run");

    const parallel = await renderReportHtml(loadFixture("image-upload"), imageUploadFailedInParallel());
    const resize = section(parallel, "ResizeImage");
    expect(resize).toContain("Visit 2 · item 1");
    expect(resize).toContain("2 attempts (1 retry)");
    expect(parallel).toMatch(/data-state="RecordUpload"[^>]*data-status="failed"/);
  });

  test("puts a timeline of the visits and every history event under the graph", async () => {
    const record = imageUploadFailedInParallel();
    const html = await renderReportHtml(loadFixture("image-upload"), record);
    const timeline = html.slice(html.indexOf('class="sfn-card sfn-timeline"'));
    expect(timeline.match(/class="sfn-row"/g)).toHaveLength(9);
    expect(timeline).toContain(`History: ${record.history.length} events`);
    expect(timeline).toContain("<td>ParallelStateFailed</td>");
  });

  test("cannot be broken out of by state data", async () => {
    const record = seedFailedInLyrics();
    const html = await renderReportHtml(loadFixture("song-lyrics"), {
      ...record,
      history: record.history.map((e) => (e.type === "ExecutionStarted" ? { ...e, executionStartedEventDetails: { input: '{"x":"</script><b>"}' } } : e)),
    });
    expect(html).not.toContain("</script><b>");
    expect(html).toContain("&lt;/script&gt;&lt;b&gt;");
  });
});

describe("writeReport", () => {
  test("writes the page, creating folders", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sfn-report-"));
    try {
      const path = await writeReport(join(dir, "a", "b", "report.html"), loadFixture("song-lyrics"), seedFailedInLyrics());
      expect(path).toBe(join(dir, "a", "b", "report.html"));
      expect(await readFile(path, "utf8")).toContain('data-details-for="lyrics"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("renderHtml", () => {
  test("wraps the drawing in a page without script", async () => {
    const html = await renderHtml(loadFixture("image-upload"), { title: "image-upload" });
    expect(html).toContain("<title>image-upload</title>");
    expect(html).toContain('data-state="NotifyOwner"');
    expect(html).not.toContain("<script");
  });
});
