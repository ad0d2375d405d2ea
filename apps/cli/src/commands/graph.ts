import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { StateMachineDefinition } from "@statecraft/asl";
import { GraphDefinitionError, parseDrawableDefinition, renderHtml, renderMermaid, renderSvg } from "@statecraft/graph";
import * as z from "zod";
import { readJsonFile } from "../args.js";
import { type Command, type CommandIO, UsageError } from "../command.js";

/** Where generated workflows live, relative to the repository root. */
const workflowDir = join("infra", "dist", "asl");

const formats = ["mermaid", "svg", "html"] as const;
type Format = (typeof formats)[number];

/** File extension → format, when `--format` is not given. */
const formatByExtension: Readonly<Record<string, Format>> = { ".mmd": "mermaid", ".md": "mermaid", ".svg": "svg", ".html": "html", ".htm": "html" };

const GraphOptions = z.object({
  source: z.string({ error: "a definition file or workflow name is required" }).min(1),
  format: z.enum(formats, { error: `--format must be one of ${formats.join(", ")}` }).optional(),
  out: z.string().min(1, "--out needs a file name").optional(),
});

const graphFlags = {
  format: { type: "string" },
  out: { type: "string", short: "o" },
} as const;

function parseGraphArgs(argv: readonly string[]): z.output<typeof GraphOptions> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof graphFlags; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: graphFlags, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
  const result = GraphOptions.safeParse({ source: parsed.positionals[0], format: parsed.values.format, out: parsed.values.out });
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

/** Finds `infra/dist/asl/<name>.asl.json` in `cwd` or the nearest parent folder that has one. */
async function findWorkflow(name: string, cwd: string): Promise<string> {
  const file = `${name}.asl.json`;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, workflowDir, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  const known = await knownWorkflows(cwd);
  const hint = known.length > 0 ? ` (known: ${known.join(", ")})` : `; build the workflows first (\`pnpm build\` writes ${workflowDir})`;
  throw new UsageError(`"${name}" is neither a file nor a workflow in ${workflowDir}${hint}`);
}

async function knownWorkflows(cwd: string): Promise<string[]> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const folder = join(dir, workflowDir);
    if (existsSync(folder)) {
      return (await readdir(folder)).filter((f) => f.endsWith(".asl.json")).map((f) => f.slice(0, -".asl.json".length)).sort();
    }
    if (dirname(dir) === dir) return [];
  }
}

/** A path argument is a file when it exists or looks like one; anything else is a workflow name. */
async function definitionPath(source: string, cwd: string): Promise<string> {
  if (existsSync(resolve(cwd, source)) || source.endsWith(".json") || source.includes("/")) return source;
  return findWorkflow(source, cwd);
}

async function render(definition: StateMachineDefinition, format: Format, title: string): Promise<string> {
  switch (format) {
    case "mermaid":
      return renderMermaid(definition);
    case "svg":
      return `${await renderSvg(definition)}\n`;
    case "html":
      return renderHtml(definition, { title });
  }
}

async function graph(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = parseGraphArgs(argv);
  const path = await definitionPath(options.source, io.cwd);
  const format = options.format ?? (options.out === undefined ? undefined : formatByExtension[extname(options.out).toLowerCase()]) ?? "mermaid";
  let definition: StateMachineDefinition;
  try {
    definition = parseDrawableDefinition(await readJsonFile(path, io.cwd, "definition"));
  } catch (error) {
    if (!(error instanceof GraphDefinitionError)) throw error;
    const lines = error.problems.map((p) => `  ${p.pointer || "/"}: ${p.message}`);
    io.stderr.write(`sfn graph: cannot draw ${options.source}\n${lines.join("\n")}\n`);
    return 2;
  }
  const title = options.source.replace(/\.asl\.json$|\.json$/, "").split("/").at(-1) ?? options.source;
  const text = await render(definition, format, title);
  if (options.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const out = resolve(io.cwd, options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text, "utf8");
  io.stdout.write(`wrote ${out}\n`);
  return 0;
}

/** `sfn graph`: draws a definition or a generated workflow as Mermaid, SVG or HTML. */
export const graphCommand: Command = {
  name: "graph",
  usage: "graph <definition.json | workflow-name> [--format mermaid|svg|html] [--out FILE]",
  summary: "Draw a state machine as Mermaid text, a self-contained SVG or an HTML page.",
  run: graph,
};
