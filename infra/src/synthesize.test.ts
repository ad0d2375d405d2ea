import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "./config.js";
import { synthesize } from "./synthesize.js";

let outDir: string | undefined;
afterEach(async () => {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe("synthesize", () => {
  it("writes the ASL, the input/output JSON Schemas and a Mermaid flowchart of every workflow", async () => {
    outDir = await mkdtemp(join(tmpdir(), "statecraft-infra-"));
    const written = await synthesize(parseConfig(undefined, { STATECRAFT_REGION: "eu-central-1" }), outDir);
    expect(written).toEqual(
      ["song-lyrics", "image-upload"].map((name) => ({
        name,
        files: [
          `asl/${name}.asl.json`,
          `schemas/${name}.input.schema.json`,
          `schemas/${name}.output.schema.json`,
          `graph/${name}.mmd`,
        ],
      })),
    );
    const read = async (file: string): Promise<unknown> => JSON.parse(await readFile(join(outDir ?? "", file), "utf8"));
    expect(await read("asl/song-lyrics.asl.json")).toMatchObject({
      StartAt: "song",
      States: { song: { Resource: "arn:aws:lambda:eu-central-1:123456789012:function:song" } },
    });
    expect(await read("schemas/song-lyrics.input.schema.json")).toMatchObject({
      type: "object",
      properties: { name: { type: "string", minLength: 1 } },
      required: ["name"],
    });
    expect(await read("schemas/song-lyrics.output.schema.json")).toMatchObject({
      type: "object",
      properties: { lyrics: { type: "string" } },
      required: ["lyrics"],
    });
    const mermaid = await readFile(join(outDir, "graph/song-lyrics.mmd"), "utf8");
    expect(mermaid).toContain("flowchart TD");
    expect(mermaid).toContain("song --> lyrics");
  });
});
