// Where a seed run's time goes: the seed workflow and variants of it that drop one cost at a time, each measured
// in fresh Node processes (best of three): CPU time of the best of 10 rounds of 3,000 runs, timed by timing.mjs.
// Run: node bench/seed-breakdown.mjs   (after `pnpm build`).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bestRoundMs } from "./timing.mjs";

const song = "arn:aws:lambda:us-east-1:123456789012:function:song";
const lyrics = "arn:aws:lambda:us-east-1:123456789012:function:lyrics";
const twoTasks = (first, second) => ({ StartAt: "Song", States: { Song: { Type: "Task", Resource: first, Next: "Lyrics" }, Lyrics: { Type: "Task", Resource: second, End: true } } });
const songOf = (event) => ({ song: event.name === "PSY" ? "gangnam style" : "i dont know" });
const lyricsOf = (event) => ({ lyrics: event.song === "gangnam style" ? "oh oh oh oh oh pan gangnam style" : "i don't know" });

/** Each variant: a label and what it runs (loaded in the measuring process only). */
const variants = [
  { label: "seed workflow (zod-checked async Lambda handlers)", load: async (handlers) => ({ definition: twoTasks(song, lyrics), options: { lambdas: handlers } }) },
  {
    label: "same handlers as plain tasks (no Lambda emulation)",
    load: async (handlers) => ({
      definition: twoTasks("arn:aws:states:::local:song", "arn:aws:states:::local:lyrics"),
      options: { tasks: { "arn:aws:states:::local:song": handlers.song, "arn:aws:states:::local:lyrics": handlers.lyrics } },
    }),
  },
  {
    label: "trivial async Lambda handlers (no zod)",
    load: async () => ({ definition: twoTasks(song, lyrics), options: { lambdas: { song: async (e) => songOf(e), lyrics: async (e) => lyricsOf(e) } } }),
  },
  { label: "trivial synchronous Lambda handlers", load: async () => ({ definition: twoTasks(song, lyrics), options: { lambdas: { song: songOf, lyrics: lyricsOf } } }) },
  { label: "one Pass state", load: async () => ({ definition: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, options: {} }) },
];

const runs = 3000;

async function measureChild(index) {
  const { runExecution } = await import("@statecraft/engine");
  const handlers = { song: (await import("@statecraft/lambda-song")).handler, lyrics: (await import("@statecraft/lambda-lyrics")).handler };
  const { definition, options } = await variants[index].load(handlers);
  const input = { name: "PSY" };
  const once = async () => {
    const result = await runExecution(definition, input, options);
    if (result.status !== "SUCCEEDED") throw new Error(`${variants[index].label}: ${result.error} ${result.cause}`);
  };
  const best = await bestRoundMs(once, runs, 10);
  process.stdout.write(JSON.stringify({ usPerRun: (best * 1000) / runs }));
}

function main() {
  for (const [index, variant] of variants.entries()) {
    const samples = [];
    for (let process_ = 0; process_ < 3; process_++) {
      const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", String(index)], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`${variant.label}: ${child.stderr}`);
      samples.push(JSON.parse(child.stdout).usPerRun);
    }
    console.log(`${variant.label}: ${Math.min(...samples).toFixed(2)} µs a run (processes: ${samples.map((value) => value.toFixed(2)).join(" / ")})`);
  }
}

const measureIndex = process.argv.indexOf("--measure");
if (measureIndex >= 0) await measureChild(Number(process.argv[measureIndex + 1]));
else main();
