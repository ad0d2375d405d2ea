/**
 * Writes the build outputs of every workflow: its ASL definition, the JSON
 * Schemas of its execution input and output, and a Mermaid flowchart.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderMermaid } from "@statecraft/graph";
import * as z from "zod";
import type { StatecraftConfig } from "./config.js";
import { workflows } from "./workflows/index.js";

/** The files written for one workflow, relative to the output directory. */
export interface SynthesizedWorkflow {
  readonly name: string;
  readonly files: readonly string[];
}

/**
 * Builds every workflow for `config` and writes `asl/<name>.asl.json`,
 * `schemas/<name>.{input,output}.schema.json` and `graph/<name>.mmd` under `outDir`.
 */
export async function synthesize(config: StatecraftConfig, outDir: string): Promise<SynthesizedWorkflow[]> {
  await mkdir(join(outDir, "asl"), { recursive: true });
  await mkdir(join(outDir, "schemas"), { recursive: true });
  await mkdir(join(outDir, "graph"), { recursive: true });
  const written: SynthesizedWorkflow[] = [];
  for (const [name, build] of Object.entries(workflows)) {
    const built = build(config);
    const files: Record<string, unknown> = {
      [`asl/${name}.asl.json`]: built.definition,
      [`schemas/${name}.input.schema.json`]: z.toJSONSchema(built.input, { io: "input" }),
      [`schemas/${name}.output.schema.json`]: z.toJSONSchema(built.output, { io: "output" }),
    };
    for (const [file, content] of Object.entries(files)) {
      await writeFile(join(outDir, file), `${JSON.stringify(content, null, 2)}\n`);
    }
    const mermaid = `graph/${name}.mmd`;
    await writeFile(join(outDir, mermaid), renderMermaid(built.definition));
    written.push({ name, files: [...Object.keys(files), mermaid] });
  }
  return written;
}
