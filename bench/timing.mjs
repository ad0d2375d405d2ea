// How every bench script here times a workload in its measuring process (engine.bench.mjs, seed-breakdown.mjs,
// compare-builds.mjs).

/** CPU time (user + system, all threads) of this process, in ms. Every workload is CPU-bound (no real waits). */
function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The code every warm-up and every timed round runs: optimized by the time it is timed. */
async function batch(once, executions) {
  for (let i = 0; i < executions; i++) await once();
}

/**
 * Best CPU time (ms) of `rounds` back-to-back rounds of `executions` sequential calls of `once`. CPU time rather than
 * wall time, so other processes on a shared machine disturb the comparison less; it includes this process's
 * background threads (garbage collection, compilation), which are part of what an engine costs.
 *
 * Before the rounds: a warm-up of at least one second, one full collection, and a settling period of half a second.
 * Every phase runs the same `batch` function. Until 2026-11-30 the rounds ran a loop of their own right after a
 * short second warm-up: the compilation of that loop and the concurrent marking that follows a forced collection
 * ran on background threads during the first rounds. They added 2–6 ms of CPU time to each of our first four or
 * five seed rounds (about 4.5 ms each, measured CPU against wall time per round) but only to the peer's first
 * (about 48 ms), so only the last two or three of our seven rounds were clean. No collection is forced between
 * rounds, for the same reason.
 */
export async function bestRoundMs(once, executions, rounds) {
  const warmUpEnd = performance.now() + 1000;
  do await batch(once, executions);
  while (performance.now() < warmUpEnd);
  // One full collection after the warm-up: in a fresh heap the peer ran its seed workflow at 17.5–18.8 µs a run,
  // after one (or after another workload) at 12.5–12.9 µs; ours did not move.
  globalThis.gc?.();
  const settleEnd = performance.now() + 500;
  do await batch(once, executions);
  while (performance.now() < settleEnd);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = cpuMs();
    await batch(once, executions);
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}
