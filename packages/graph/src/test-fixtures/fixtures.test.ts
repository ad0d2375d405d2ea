import { describe, expect, test } from "vitest";
import { renderMermaid } from "../mermaid.js";
import { renderSvg } from "../svg/render-svg.js";
import { allStateNames, generatedWorkflows } from "./fixtures.js";

const generated = generatedWorkflows();

describe("every workflow infra generates", () => {
  test("includes the seed workflow (turbo builds infra before these tests)", () => {
    expect(generated.map(([name]) => name)).toContain("song-lyrics");
  });

  test.each(generated)("%s: Mermaid and SVG draw every state", async (_name, definition) => {
    const mermaid = renderMermaid(definition);
    const svg = await renderSvg(definition);
    for (const state of allStateNames(definition)) {
      // Parallel and Map states are subgraphs titled "<name> (Parallel)" / "<name> (Map)".
      const label = state.replaceAll('"', "#quot;");
      expect([`"${label}"`, `"${label} (Parallel)"`, `"${label} (Map)"`].some((quoted) => mermaid.includes(quoted))).toBe(true);
      expect(svg).toContain(`data-state="${state}"`);
    }
    expect(mermaid).toContain("__start__ -->");
  });
});
