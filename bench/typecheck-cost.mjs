// Type-checking cost of the typed builder: generates a workflow of STATES states
// (default 200: Tasks placed by key, Pass, Wait, Choice with two branches,
// Parallel, Map) in a temporary project and runs `tsc --noEmit --extendedDiagnostics`
// (TypeScript 7 from packages/asl) on it, and on a baseline file that only imports
// the builder. Prints the check time and instantiation counts of both.
// Usage: node bench/typecheck-cost.mjs   (STATES=400 SAMPLES=5 to change)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const asl = join(root, "packages/asl");
const tsc = join(asl, "node_modules/.bin/tsc");
const targetStates = Number(process.env.STATES ?? 200);
const samples = Number(process.env.SAMPLES ?? 3);

/** TypeScript source of a workflow with `target` states, and the number it really has. */
function generateWorkflow(target) {
  const lines = [
    'import * as z from "zod";',
    'import { cond, defineTask, workflow } from "@statecraft/asl";',
    "const Start = z.object({ id: z.string(), n: z.number(), items: z.array(z.object({ id: z.string() })) });",
  ];
  const chain = ["export const built = workflow({ input: Start })"];
  let states = 0;
  let step = 0;
  while (states < target) {
    const kind = step % 6;
    const key = `s${step}`;
    if (kind === 0 || kind === 3) {
      lines.push(
        `const t${step} = defineTask({ name: "t${step}", resource: "arn:aws:lambda:us-east-1:123456789012:function:t${step}", input: z.object({ id: z.string() }), output: z.object({ v${step}: z.number(), tag: z.string() }), errors: ["E${step}"] });`,
      );
      chain.push(`  .next(t${step}, { into: "${key}", resultSelector: (r) => ({ v: r.v${step}, tag: r.tag }) })`);
      chain.push(`  .retry({ errors: ["E${step}"], maxAttempts: 2 })`);
      states += 1;
    } else if (kind === 1) {
      chain.push(`  .pass({ parameters: ($) => ({ id: $.id, n: $.n, prev: $.s${step - 1}.v }), into: "${key}" })`);
      states += 1;
    } else if (kind === 2) {
      chain.push(`  .wait({ seconds: ($) => $.n })`);
      states += 1;
    } else if (kind === 4) {
      chain.push(
        `  .choice((c) => c.when(($) => cond.numericGreaterThan($.s${step - 1}.v, 3), (b) => b.pass({ parameters: ($) => ({ size: $.n }), into: "${key}" })).otherwise((b) => b.pass({ parameters: ($) => ({ size: $.n }), into: "${key}" })))`,
      );
      states += 3;
    } else {
      chain.push(`  .parallel([(b) => b.pass({ parameters: ($) => ({ id: $.id }) }), (b) => b.wait({ seconds: 1 })] as const, { discardResult: true })`);
      chain.push(`  .map({ items: ($) => $.items, maxConcurrency: 2 }, (item) => item.pass({ parameters: ($) => ({ id: $.id }) }), { into: "${key}" })`);
      states += 5;
    }
    step += 1;
  }
  chain.push("  .succeed()\n  .build();");
  states += 1;
  return { source: `${lines.join("\n")}\n${chain.join("\n")}\n`, states };
}

/** Emits the builder's declarations (what a consumer type-checks against) into `outDir`. */
function emitDeclarations(outDir) {
  execFileSync(tsc, ["-p", join(asl, "tsconfig.build.json"), "--emitDeclarationOnly", "--declarationMap", "false", "--outDir", outDir], {
    encoding: "utf8",
    timeout: 600_000,
  });
}

function check(dir, file) {
  const tsconfig = {
    compilerOptions: {
      target: "ES2023",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(asl, "node_modules/@types")],
      paths: { "@statecraft/asl": [join(dir, "asl/index.d.ts")], zod: [join(asl, "node_modules/zod")] },
    },
    files: [file],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  const output = execFileSync(tsc, ["-p", dir, "--extendedDiagnostics"], { encoding: "utf8", timeout: 600_000 });
  const number = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(output)?.[1] ?? Number.NaN);
  return { checkSeconds: number("Check time"), totalSeconds: number("Total time"), instantiations: number("Instantiations") };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), "statecraft-typecheck-"));
try {
  emitDeclarations(join(dir, "asl"));
  const { source, states } = generateWorkflow(targetStates);
  writeFileSync(join(dir, "workflow.ts"), source);
  writeFileSync(join(dir, "baseline.ts"), 'import { workflow } from "@statecraft/asl";\nexport const w = workflow;\n');
  const runs = (file) => Array.from({ length: samples }, () => check(dir, join(dir, file)));
  const summarize = (results) => ({
    checkSeconds: median(results.map((r) => r.checkSeconds)),
    totalSeconds: median(results.map((r) => r.totalSeconds)),
    instantiations: results[0].instantiations,
  });
  const baseline = summarize(runs("baseline.ts"));
  const generated = summarize(runs("workflow.ts"));
  console.log(`typed workflow with ${states} states (${source.split("\n").length} lines) against the builder's emitted declarations, TypeScript from packages/asl, median of ${samples}`);
  console.log("| file | check time | total time | instantiations |");
  console.log("|---|---|---|---|");
  for (const [name, r] of [["baseline (imports the builder)", baseline], [`${states}-state workflow`, generated]]) {
    console.log(`| ${name} | ${r.checkSeconds.toFixed(2)} s | ${r.totalSeconds.toFixed(2)} s | ${r.instantiations} |`);
  }
  const cost = generated.checkSeconds - baseline.checkSeconds;
  console.log(`workflow cost: ${cost.toFixed(2)} s check, ${generated.instantiations - baseline.instantiations} instantiations (target < 5 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
