// Load benchmark of `sfn serve`: StartSyncExecution of the seed workflow (song → lyrics, EXPRESS) on loopback.
// The server runs as its own process (`node apps/cli/dist/main.js serve --in-memory --port 0`); this process
// drives it with keep-alive HTTP connections and reports requests/s and p50/p99 latency.
//
//   pnpm build && node bench/serve.bench.mjs [--seconds 5] [--concurrency 32] [--warmup 1] [--cli apps/cli/dist/main.js]
//
// Not a timed test: numbers depend on the machine. Every response is checked (status 200, SUCCEEDED, the
// expected lyrics), so a fast wrong answer cannot pass as throughput. For scale, the same load is also run against
// a bare node:http server (its own process) that answers a canned StartSyncExecution response: the ceiling of
// this machine, client and protocol, with no engine, validation or storage.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    cli: { type: "string", default: join(root, "apps/cli/dist/main.js") },
    seconds: { type: "string", default: "5" },
    concurrency: { type: "string", default: "32" },
    warmup: { type: "string", default: "1" },
  },
});
const cli = resolve(values.cli);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const warmup = Number(values.warmup);
if (![seconds, concurrency, warmup].every((n) => Number.isFinite(n) && n >= 0) || concurrency < 1) {
  console.error("usage: node bench/serve.bench.mjs [--seconds N] [--concurrency N] [--warmup N]");
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`missing ${cli}: run \`pnpm build\` first`);
  process.exit(1);
}

const seed = {
  StartAt: "song",
  States: {
    song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "lyrics" },
    lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
  },
};
const expectedOutput = JSON.stringify({ lyrics: "oh oh oh oh oh pan gangnam style" });

/** A bare node:http server answering every POST with a canned SUCCEEDED response. */
const bareServer = `
const { createServer } = require("node:http");
const answer = JSON.stringify({ status: "SUCCEEDED", output: ${JSON.stringify(expectedOutput)} });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/x-amz-json-1.0", "content-length": Buffer.byteLength(answer) });
    res.end(answer);
  });
});
server.listen(0, "127.0.0.1", () => console.log("listening on http://127.0.0.1:" + server.address().port));
`;

function startServerProcess(args) {
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve({ child, url: new URL(match[1]) });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${text}`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function call(url, operation, body) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: "/",
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": `AWSStepFunctions.${operation}`,
          "content-length": Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(url, body) {
  if (warmup > 0) await load(url, body, warmup * 1000);
  const { latencies, elapsedMs } = await load(url, body, seconds * 1000);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / (elapsedMs / 1000)),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    maxMs: Number(latencies[latencies.length - 1].toFixed(2)),
  };
}

/** Runs `concurrency` loops for `durationMs`; returns latencies (ms) of requests that completed in the window. */
async function load(url, body, durationMs) {
  const latencies = [];
  const end = performance.now() + durationMs;
  async function loop() {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await call(url, "StartSyncExecution", body);
      const t1 = performance.now();
      if (res.status !== 200 || res.body.status !== "SUCCEEDED" || res.body.output !== expectedOutput) {
        throw new Error(`unexpected response: ${res.status} ${JSON.stringify(res.body)}`);
      }
      latencies.push(t1 - t0);
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latencies, elapsedMs: performance.now() - t0 };
}

const result = {
  benchmark: "StartSyncExecution of the seed workflow (song → lyrics, EXPRESS) on loopback",
  node: process.version,
  concurrency,
  seconds,
};
const serve = await startServerProcess([cli, "serve", "--in-memory", "--port", "0"]);
try {
  const url = serve.url;
  const created = await call(url, "CreateStateMachine", {
    name: "song-lyrics",
    definition: JSON.stringify(seed),
    roleArn: "arn:aws:iam::123456789012:role/bench",
    type: "EXPRESS",
  });
  if (created.status !== 200) throw new Error(`CreateStateMachine: ${JSON.stringify(created.body)}`);
  const body = JSON.stringify({ stateMachineArn: created.body.stateMachineArn, input: '{"name":"PSY"}' });
  result.sfnServe = await measure(url, body);
} finally {
  serve.child.kill("SIGTERM");
}
const bare = await startServerProcess(["-e", bareServer]);
try {
  result.bareNodeHttp = await measure(bare.url, "{}");
} finally {
  bare.child.kill("SIGTERM");
  agent.destroy();
}
result.sfnServeShareOfBare = Number((result.sfnServe.requestsPerSecond / result.bareNodeHttp.requestsPerSecond).toFixed(2));
console.log(JSON.stringify(result, null, 2));
