// Cold import time of each Lambda bundle: a fresh Node process per sample
// imports dist/lambda/index.mjs and calls the handler once. Prints the median
// of the samples next to the bundle size. Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const samples = Number(process.env.SAMPLES ?? 15);
const lambdas = { song: { name: "PSY" }, lyrics: { song: "gangnam style" } };

const probe = `
const t0 = process.hrtime.bigint();
const m = await import(process.argv[1]);
const t1 = process.hrtime.bigint();
await m.handler(JSON.parse(process.argv[2]));
const t2 = process.hrtime.bigint();
console.log(JSON.stringify({ importMs: Number(t1 - t0) / 1e6, firstCallMs: Number(t2 - t1) / 1e6 }));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log("| bundle | size (minified) | cold import (median) | first call (median) |");
console.log("|---|---|---|---|");
for (const [name, event] of Object.entries(lambdas)) {
  const bundle = `${root}packages/lambda-${name}/dist/lambda/index.mjs`;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run pnpm build first`);
  const runs = Array.from({ length: samples }, () =>
    JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", probe, bundle, JSON.stringify(event)], { encoding: "utf8" })),
  );
  const kib = (statSync(bundle).size / 1024).toFixed(1);
  console.log(
    `| lambda-${name} | ${kib} KiB | ${median(runs.map((r) => r.importMs)).toFixed(1)} ms | ${median(runs.map((r) => r.firstCallMs)).toFixed(2)} ms |`,
  );
}
