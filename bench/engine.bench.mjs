// Engine benchmark: @statecraft/engine (built dist) side by side with aws-local-stepfunctions 3.0.0 on the same
// workloads. Every measurement (one workload, one engine) runs in a fresh Node process that loads only that engine,
// alternating engines, five processes each; plus the peak RSS of a 100,000-item Map in a child process per engine.
// Run: pnpm --filter @statecraft/bench bench   (after `pnpm build`). `--only <text>`: the workloads whose name
// contains the text; `--processes <n>`: processes per engine and workload (5).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bestRoundMs } from "./timing.mjs";

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

/** Each measuring process loads only the engine it measures (see {@link measure}). */
async function loadOurs() {
  const { runExecution } = await import("@statecraft/engine");
  return runExecution;
}

async function loadPeer() {
  const { StateMachine } = await import("aws-local-stepfunctions");
  return StateMachine;
}

async function runOurs(workload) {
  const runExecution = await loadOurs();
  const result = await runExecution(workload.definition, workload.input, workload.ours ?? {});
  if (result.status !== "SUCCEEDED") throw new Error(`${workload.name}: ${result.error} ${result.cause}`);
  return result;
}

async function ourRunner(workload) {
  const runExecution = await loadOurs();
  return async () => {
    const result = await runExecution(workload.definition, workload.input, workload.ours ?? {});
    if (result.status !== "SUCCEEDED") throw new Error(`${workload.name}: ${result.error} ${result.cause}`);
  };
}

async function peerRunner(workload) {
  const PeerMachine = await loadPeer();
  const machine = new PeerMachine(workload.definition, { validationOptions: { noValidate: true } });
  return () => machine.run(workload.input, { overrides: workload.peer ?? {} }).result;
}

/** Child process: measures one workload on one engine and prints `{ms, transitions?}`. */
async function measureChild(index, engine) {
  const workload = workloads[index];
  if (engine === "peer") {
    process.stdout.write(JSON.stringify({ ms: await bestRoundMs(await peerRunner(workload), workload.executions, 7) }));
    return;
  }
  const sample = await runOurs(workload);
  const transitions = sample.history.filter((event) => event.type.endsWith("StateEntered")).length;
  process.stdout.write(JSON.stringify({ ms: await bestRoundMs(await ourRunner(workload), workload.executions, 7), transitions }));
}

/**
 * Measures a workload on an engine in a fresh process, so neither engine nor earlier workloads shape the heap and
 * the JIT state the measurement runs in. With both engines and all workloads in one process (this bench until
 * 2026-11-30), ours ran the Pass chain at 2.0 M transitions/s, at 3.7 M in the same process with V8's
 * allocation-site pretenuring switched off, and at 3.5 M in a process of its own: V8 decides per allocation site
 * whether to allocate directly in the old generation from the survival it has seen, and what such objects point
 * to survives minor collections until the next full one.
 */
function measure(index, engine) {
  const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", String(index), engine], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`measuring child (${workloads[index].name}, ${engine}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
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
  const PeerMachine = await loadPeer();
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
  const argument = (name) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const only = argument("--only");
  // Five, not three: a process's JIT (what V8 inlines where, in our code, the peer's and zod's) can leave it 1.5–2×
  // slower for its whole life, for either engine; with three processes each, all of one engine's sometimes were.
  const processes = Number(argument("--processes") ?? 5);
  for (const [index, workload] of workloads.entries()) {
    if (only !== undefined && !workload.name.includes(only)) continue;
    const ours = [];
    const peer = [];
    let transitions = 0;
    // Engines alternate, and which one goes first alternates too.
    for (let round = 0; round < processes; round++) {
      for (const engine of round % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"]) {
        const result = measure(index, engine);
        if (engine === "ours") {
          ours.push(result.ms);
          transitions = result.transitions;
        } else peer.push(result.ms);
      }
    }
    const oursMs = Math.min(...ours);
    const peerMs = Math.min(...peer);
    const total = transitions * workload.executions;
    rows.push({
      workload: workload.name,
      runs: workload.executions,
      transitions,
      ours: (total / oursMs) * 1000,
      peer: (total / peerMs) * 1000,
      ratio: peerMs / oursMs,
    });
    const list = (values) => values.map((value) => value.toFixed(1)).join(" / ");
    console.error(`${workload.name}: ours ${list(ours)} ms, peer ${list(peer)} ms (best ×${(peerMs / oursMs).toFixed(1)})`);
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
const measureIndex = process.argv.indexOf("--measure");
if (rssIndex >= 0) await rssChild(process.argv[rssIndex + 1]);
else if (measureIndex >= 0) await measureChild(Number(process.argv[measureIndex + 1]), process.argv[measureIndex + 2]);
else await main();
