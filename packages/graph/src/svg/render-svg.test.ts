import { describe, expect, test } from "vitest";
import { allStateNames, loadFixture } from "../test-fixtures/fixtures.js";
import { renderSvg } from "./render-svg.js";

describe("renderSvg", () => {
  test.each(["song-lyrics", "image-upload"] as const)("draws every state of %s", async (fixture) => {
    const definition = loadFixture(fixture);
    const svg = await renderSvg(definition);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const name of allStateNames(definition)) expect(svg).toContain(`data-state="${name}"`);
    expect(svg).not.toMatch(/href="http|url\(http|@import/);
  });

  test("draws Catch edges dashed and labelled", async () => {
    const svg = await renderSvg(loadFixture("image-upload"));
    expect(svg).toMatch(/<path class="sfn-edge sfn-edge-catch"[^>]*marker-end="url\(#sfn-arrow-catch\)"/);
    expect(svg).toContain(">catch InvalidImage</text>");
    expect(svg).toContain(".sfn-edge-catch { stroke: #d9801a; stroke-dasharray: 5 4; }");
  });

  test("colours states by status and draws the rest as not run", async () => {
    const svg = await renderSvg(loadFixture("image-upload"), {
      statuses: { ReadImageInfo: "retried", IsSupportedFormat: "succeeded", MakeThumbnails: "caught", ResizeImage: "failed" },
    });
    expect(svg).toMatch(/data-state="ReadImageInfo"[^>]*data-status="retried"/);
    expect(svg).toMatch(/data-state="MakeThumbnails"[^>]*data-status="caught"/);
    expect(svg).toMatch(/data-state="ResizeImage"[^>]*data-status="failed"/);
    expect(svg).toMatch(/data-state="Done"[^>]*data-status="notRun"/);
    expect(svg).toContain("<title>ResizeImage · Task · λ resize · has Retry · failed</title>");
  });

  test("escapes names and uses the Comment as title", async () => {
    const svg = await renderSvg({ Comment: "a < b", StartAt: "A&B", States: { "A&B": { Type: "Succeed" } } });
    expect(svg).toContain('data-state="A&amp;B"');
    expect(svg).toContain("<title>a &lt; b</title>");
  });
});
