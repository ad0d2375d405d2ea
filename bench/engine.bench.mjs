// Engine benchmark: @statecraft/engine (built dist) side by side with aws-local-stepfunctions 3.0.0 on the same
// workloads, plus the peak RSS of a 100,000-item Map in a separate child process per engine.
// Run: pnpm --filter @statecraft/bench bench   (after `pnpm build`); `--markdown` prints the README table.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// aws-local-stepfunctions 3.0.0 needs Promise.withResolvers, which Node 20 lacks.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { runExecution } = await import("@statecraft/engine");
const { StateMachine: PeerMachine } = await import("aws-local-stepfunctions");
const { handler: songHandler } = await import("@statecraft/lambda-song");
const { handler: lyricsHandler } = await import("@statecraft/lambda-lyrics");

const unlimited = { maxHistoryEvents: Number.POSITIVE_INFINITY, maxPayloadBytes: Number.POSITIVE_INFINITY };

function chain(count, makeState) {
  const states = {};
  for (let i = 0; i < count; i++) states[`S${i}`] = { ...makeState(i), ...(i === count - 1 ? { End: true } : { Next: `S${i + 1}` }) };
  return { StartAt: "S0", States: states };
}

function mapOver(items) {
  return {
    definition: {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemsPath: "$.items",
          ItemProcessor: { StartAt: "Item", States: { Item: { Type: "Pass", Parameters: { "v.$": "$.i" }, End: true } } },
          ResultPath: null,
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: items }, (_, i) => ({ i })) },
  };
}

const increment = (input) => ({ n: input.n + 1 });
const taskChain = chain(50, () => ({ Type: "Task", Resource: "arn:aws:states:::local:increment" }));
const branches = Array.from({ length: 10 }, (_, b) => ({ StartAt: `B${b}`, States: { [`B${b}`]: { Type: "Pass", Parameters: { "branch": b, "x.$": "$.x" }, End: true } } }));
const map10k = mapOver(10_000);

const workloads = [
  {
    name: "100-state Pass chain with Parameters",
    definition: chain(100, (i) => ({ Type: "Pass", Parameters: { "value.$": "$.value", "meta.$": "$.meta", step: i } })),
    input: { value: 1, meta: { tag: "bench" } },
    executions: 300,
  },
  {
    name: "50-state local Task chain",
    definition: taskChain,
    input: { n: 0 },
    executions: 300,
    ours: { tasks: { "arn:aws:states:::local:increment": increment } },
    peer: { taskResourceLocalHandlers: Object.fromEntries(Object.keys(taskChain.States).map((name) => [name, increment])) },
  },
  {
    name: "Choice counter loop (1,000 rounds)",
    definition: {
      StartAt: "Init",
      States: {
        Init: { Type: "Pass", Result: { i: 0 }, Next: "Check" },
        Check: { Type: "Choice", Choices: [{ Variable: "$.i", NumericLessThan: 1000, Next: "Increment" }], Default: "Done" },
        Increment: { Type: "Pass", Parameters: { "i.$": "States.MathAdd($.i, 1)" }, Next: "Check" },
        Done: { Type: "Succeed" },
      },
    },
    input: {},
    executions: 20,
  },
  { name: "inline Map over 10,000 items", definition: map10k.definition, input: map10k.input, executions: 5, ours: unlimited },
  {
    name: "10-branch Parallel",
    definition: { StartAt: "P", States: { P: { Type: "Parallel", Branches: branches, End: true } } },
    input: { x: 1 },
    executions: 1000,
  },
  {
    name: "seed workflow (song → lyrics, real handlers)",
    definition: {
      StartAt: "Song",
      States: {
        Song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "Lyrics" },
        Lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
      },
    },
    input: { name: "PSY" },
    executions: 3000,
    ours: { lambdas: { song: songHandler, lyrics: lyricsHandler } },
    peer: { taskResourceLocalHandlers: { Song: songHandler, Lyrics: lyricsHandler } },
  },
];

async function runOurs(workload) {
  const result = await runExecution(workload.definition, workload.input, workload.ours ?? {});
  if (result.status !== "SUCCEEDED") throw new Error(`${workload.name}: ${result.error} ${result.cause}`);
  return result;
}

function peerRunner(workload) {
  const machine = new PeerMachine(workload.definition, { validationOptions: { noValidate: true } });
  return () => machine.run(workload.input, { overrides: workload.peer ?? {} }).result;
}

/** CPU time (user + system, all threads) of this process, in ms. Every workload is CPU-bound (no real waits). */
function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Best CPU time (ms) of `rounds` back-to-back rounds of `executions` sequential runs. CPU time rather than wall
 * time, so other processes on a shared machine disturb the comparison less.
 *
 * One forced collection before the warm-up gives each engine's block a clean heap (the other engine's garbage is
 * not charged to it). No collection is forced between rounds: right after a forced full collection V8 soon starts
 * concurrent marking again (the heap limit is reset from the small live heap), which slows the main thread's
 * writes and charges marker threads' CPU to whichever round follows — a cost of the benchmark, not of the engine.
 */
async function time(executions, once, rounds = 7) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 0; i < Math.max(executions, 50); i++) await once();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = cpuMs();
    for (let i = 0; i < executions; i++) await once();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

async function rssChild(engine) {
  const { definition, input } = mapOver(100_000);
  const start = performance.now();
  let historyRssMB;
  if (engine === "ours") {
    const result = await runOurs({ name: "100k Map", definition, input, ours: unlimited });
    const ms = performance.now() - start;
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    // Reading the history materializes 400,000+ AWS-shaped events (JSON strings, Dates): measured apart.
    if (result.history.length < 400_000) throw new Error("history missing");
    historyRssMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ ms, maxRssMB, historyRssMB }));
    return;
  }
  await new PeerMachine(definition, { validationOptions: { noValidate: true } }).run(input).result;
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function measureRss(engine) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--rss", engine], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`RSS child (${engine}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

const format = (value) => Math.round(value).toLocaleString("en-US");

async function main() {
  const rows = [];
  // `--only <text>` runs the workloads whose name contains the text (e.g. `--only seed`).
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  for (const workload of workloads.filter((candidate) => only === undefined || candidate.name.includes(only))) {
    const sample = await runOurs(workload);
    const transitions = sample.history.filter((event) => event.type.endsWith("StateEntered")).length;
    const oursMs = await time(workload.executions, () => runOurs(workload));
    const peerMs = await time(workload.executions, peerRunner(workload));
    const total = transitions * workload.executions;
    rows.push({
      workload: workload.name,
      runs: workload.executions,
      transitions,
      ours: (total / oursMs) * 1000,
      peer: (total / peerMs) * 1000,
      ratio: peerMs / oursMs,
    });
    console.error(`${workload.name}: ours ${oursMs.toFixed(1)} ms, peer ${peerMs.toFixed(1)} ms (×${(peerMs / oursMs).toFixed(1)})`);
  }
  const oursRss = only === undefined ? measureRss("ours") : undefined;
  const peerRss = only === undefined ? measureRss("peer") : undefined;
  const lines = [
    "| Workload | Runs | States entered per run | @statecraft/engine (transitions/s) | aws-local-stepfunctions 3.0.0 (transitions/s) | Ratio |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((row) => `| ${row.workload} | ${row.runs} | ${format(row.transitions)} | ${format(row.ours)} | ${format(row.peer)} | ${row.ratio.toFixed(1)}× |`),
  ];
  if (oursRss !== undefined && peerRss !== undefined) {
    lines.push(
      "",
      "| 100,000-item inline Map (one run, own process) | Time | Peak RSS after the run | Peak RSS after reading the whole history |",
      "|---|---:|---:|---:|",
      `| @statecraft/engine (history recorded) | ${format(oursRss.ms)} ms | ${format(oursRss.maxRssMB)} MB | ${format(oursRss.historyRssMB)} MB |`,
      `| aws-local-stepfunctions 3.0.0 (no history) | ${format(peerRss.ms)} ms | ${format(peerRss.maxRssMB)} MB | – |`,
    );
  }
  console.log(lines.join("\n"));
}

const rssIndex = process.argv.indexOf("--rss");
if (rssIndex >= 0) await rssChild(process.argv[rssIndex + 1]);
else await main();
