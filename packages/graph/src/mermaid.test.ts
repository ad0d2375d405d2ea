import type { StateMachineDefinition } from "@statecraft/asl";
import { describe, expect, test } from "vitest";
import { escapeMermaidLabel, renderMermaid } from "./mermaid.js";
import { loadFixture } from "./test-fixtures/fixtures.js";

describe("renderMermaid", () => {
  test("seed workflow matches its golden text", async () => {
    await expect(renderMermaid(loadFixture("song-lyrics"))).toMatchFileSnapshot("./test-fixtures/golden/song-lyrics.mmd");
  });

  test("image-upload workflow matches its golden text", async () => {
    await expect(renderMermaid(loadFixture("image-upload"))).toMatchFileSnapshot("./test-fixtures/golden/image-upload.mmd");
  });

  test("labels Choice branches with their conditions and the default", () => {
    const text = renderMermaid(loadFixture("image-upload"));
    expect(text).toContain('IsSupportedFormat -->|"$.image.info.width #gt; 10000"| RejectUpload');
    expect(text).toContain('IsSupportedFormat -->|"default"| RejectUpload');
  });

  test("draws Catch edges dashed with their error names", () => {
    expect(renderMermaid(loadFixture("image-upload"))).toContain('ReadImageInfo -.->|"catch InvalidImage"| RejectUpload');
  });

  test("nests Parallel branches and Map processors as subgraphs, each with its own start", () => {
    const lines = renderMermaid(loadFixture("image-upload")).split("\n");
    const open = lines.findIndex((line) => line.includes('subgraph RecordUpload["RecordUpload (Parallel)"]'));
    const branch = lines.findIndex((line) => line.includes('subgraph RecordUpload__branch2["Branch 2"]'));
    const wait = lines.findIndex((line) => line.includes('WaitForCdn{{"WaitForCdn"}}'));
    expect(open).toBeGreaterThan(0);
    expect(branch).toBeGreaterThan(open);
    expect(wait).toBeGreaterThan(branch);
    expect(lines).toContain("  RecordUpload__branch2__start --> WaitForCdn");
    expect(lines.some((line) => line.trim() === 'subgraph MakeThumbnails["MakeThumbnails (Map)"]')).toBe(true);
  });

  test("marks the start and every end", () => {
    const text = renderMermaid(loadFixture("image-upload"));
    expect(text).toContain("__start__ --> ReadImageInfo");
    expect(text).toContain("Done --> __end__");
    expect(text).toContain("RejectUpload --> __end__");
  });

  test("gives odd state names safe, distinct ids and escapes their labels", () => {
    const definition: StateMachineDefinition = {
      StartAt: 'Say "hi"',
      States: {
        'Say "hi"': { Type: "Pass", Next: "say-hi" },
        "say-hi": { Type: "Pass", Next: "end" },
        end: { Type: "Pass", Next: "Say_hi_" },
        Say_hi_: { Type: "Succeed" },
      },
    };
    const text = renderMermaid(definition);
    expect(text).toContain('Say__hi_("Say #quot;hi#quot;")');
    expect(text).toContain('say_hi("say-hi")');
    expect(text).toContain('s_end("end")');
    expect(text).toContain('Say_hi_(["Say_hi_"])');
    expect(text).toContain("Say__hi_ --> say_hi");
  });

  test("uses JSONata conditions without their delimiters", () => {
    const definition: StateMachineDefinition = {
      QueryLanguage: "JSONata",
      StartAt: "Check",
      States: {
        Check: { Type: "Choice", Choices: [{ Condition: "{% $states.input.n > 3 %}", Next: "Big" }], Default: "Small" },
        Big: { Type: "Succeed" },
        Small: { Type: "Succeed" },
      },
    };
    expect(renderMermaid(definition)).toContain('Check -->|"$states.input.n #gt; 3"| Big');
  });
});

describe("escapeMermaidLabel", () => {
  test("turns quotes, angle brackets and # into entity codes", () => {
    expect(escapeMermaidLabel('a "b" <c> #d')).toBe("a #quot;b#quot; #lt;c#gt; #35;d");
  });
});
