// Compares two (or more) builds of @statecraft/engine on one workload: each sample is a fresh Node process that loads
// one build's `index.js`, timed by timing.mjs as engine.bench.mjs is (warm-up, collection, settling, best of 10
// rounds); builds alternate, and the medians show which is faster on this noisy machine better than any one sample.
// Run: node bench/compare-builds.mjs <dist dir> <dist dir> [--workload seed|task|pass] [--samples 8]
// A build to compare against: copy `packages/engine/dist` somewhere before changing the engine.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bestRoundMs } from "./timing.mjs";

const lambda = (name) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const increment = (input) => ({ n: input.n + 1 });

/** What each workload runs, and how many runs make a round. */
async function workload(name) {
  switch (name) {
    case "seed": {
      const song = (await import("@statecraft/lambda-song")).handler;
      const lyrics = (await import("@statecraft/lambda-lyrics")).handler;
      const definition = { StartAt: "Song", States: { Song: { Type: "Task", Resource: lambda("song"), Next: "Lyrics" }, Lyrics: { Type: "Task", Resource: lambda("lyrics"), End: true } } };
      return { definition, input: { name: "PSY" }, options: { lambdas: { song, lyrics } }, runs: 3000 };
    }
    case "task": {
      const states = {};
      for (let i = 0; i < 50; i++) states[`S${i}`] = { Type: "Task", Resource: "arn:aws:states:::local:increment", ...(i === 49 ? { End: true } : { Next: `S${i + 1}` }) };
      return { definition: { StartAt: "S0", States: states }, input: { n: 0 }, options: { tasks: { "arn:aws:states:::local:increment": increment } }, runs: 300 };
    }
    case "pass":
      return { definition: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, input: { a: 1 }, options: {}, runs: 5000 };
    default:
      throw new Error(`unknown workload '${name}' (seed, task or pass)`);
  }
}

async function measureChild(build, name) {
  const { runExecution } = await import(pathToFileURL(resolve(build, "index.js")).href);
  const { definition, input, options, runs } = await workload(name);
  // Shaped as engine.bench.mjs runs it (what V8 inlines into the loop depends on it).
  const once = async () => {
    const result = await runExecution(definition, input, options);
    if (result.status !== "SUCCEEDED") throw new Error(`${result.error}: ${result.cause}`);
  };
  const best = await bestRoundMs(once, runs, 10);
  process.stdout.write(JSON.stringify({ usPerRun: (best * 1000) / runs }));
}

function main(argv) {
  const option = (flag, fallback) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : fallback;
  };
  const name = option("--workload", "seed");
  const samples = Number(option("--samples", "8"));
  const builds = argv.filter((arg, index) => !arg.startsWith("--") && !argv[index - 1]?.startsWith("--"));
  if (builds.length < 2) throw new Error("usage: node bench/compare-builds.mjs <dist dir> <dist dir> [--workload seed|task|pass] [--samples 8]");
  const results = builds.map(() => []);
  for (let sample = 0; sample < samples; sample++) {
    for (const [index, build] of builds.entries()) {
      const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", build, name], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`${build}: ${child.stderr}`);
      results[index].push(JSON.parse(child.stdout).usPerRun);
    }
  }
  for (const [index, build] of builds.entries()) {
    const sorted = results[index].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`${build}: median ${median.toFixed(3)} µs a run (${sorted.map((value) => value.toFixed(3)).join(" ")})`);
  }
}

const measureIndex = process.argv.indexOf("--measure");
if (measureIndex >= 0) await measureChild(process.argv[measureIndex + 1], process.argv[measureIndex + 2]);
else main(process.argv.slice(2));
