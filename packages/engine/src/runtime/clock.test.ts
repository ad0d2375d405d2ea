import type { StateMachineDefinition } from "@statecraft/asl";
import { describe, expect, it, vi } from "vitest";
import { runExecution } from "../index.js";
import { realClock, VirtualClock } from "./clock.js";

/** Lets the event loop turn a few times (the virtual clock fires on setImmediate). */
async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("VirtualClock", () => {
  it("wakes sleepers in due order at once, jumping time", async () => {
    const clock = new VirtualClock(0);
    const woken: [string, number][] = [];
    const started = Date.now();
    await Promise.all([
      clock.sleep(50_000).then(() => woken.push(["late", clock.now()])),
      clock.sleep(10_000).then(() => woken.push(["early", clock.now()])),
    ]);
    expect(woken).toEqual([
      ["early", 10_000],
      ["late", 50_000],
    ]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("fires a deadline when time moves past it, before the later sleeper", async () => {
    const clock = new VirtualClock(0);
    const seen: [string, number][] = [];
    clock.deadline(30_000, () => seen.push(["deadline", clock.now()]));
    await clock.sleep(100_000);
    seen.push(["sleep", clock.now()]);
    expect(seen).toEqual([
      ["deadline", 30_000],
      ["sleep", 100_000],
    ]);
  });

  it("does not move time for a deadline alone: it waits for real time (or an idle process)", async () => {
    const clock = new VirtualClock(0);
    let firedAt: number | undefined;
    const started = Date.now();
    clock.deadline(40, () => {
      firedAt = clock.now();
    });
    await turns();
    expect(firedAt).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(firedAt).toBe(40);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it("lets held-back sleepers go once a deadline is cancelled", async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const cancel = clock.deadline(1_000, () => {
      fired = true;
    });
    cancel();
    await clock.sleep(5_000);
    expect(fired).toBe(false);
    expect(clock.now()).toBe(5_000);
  });

  it("stands still while work is in flight (a hold), then moves on", async () => {
    const clock = new VirtualClock(0);
    let woken = false;
    const release = clock.hold();
    const sleeping = clock.sleep(60_000).then(() => {
      woken = true;
    });
    await turns();
    expect(woken).toBe(false);
    expect(clock.now()).toBe(0);
    release();
    await sleeping;
    expect(clock.now()).toBe(60_000);
  });
});

describe("the real clock", () => {
  it("waits longer than a Node timer can hold (2^31 - 1 ms) in steps instead of firing at once", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const ninetyDays = 90 * 24 * 60 * 60 * 1000;
      const sleeping = realClock.sleep(ninetyDays).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(2 ** 31);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(ninetyDays - 2 ** 31 - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("task deadlines on the virtual clock", () => {
  const hung = "arn:aws:states:::local:hung";
  const slow = "arn:aws:states:::local:slow";
  const tasks = {
    [hung]: () => new Promise<never>(() => {}),
    [slow]: () => new Promise<string>((resolve) => setTimeout(() => resolve("done"), 30)),
  };
  const parallel = (task: Record<string, unknown>): StateMachineDefinition => ({
    StartAt: "Both",
    States: {
      Both: {
        Type: "Parallel",
        Branches: [
          { StartAt: "Task", States: { Task: { Type: "Task", End: true, ...task } as never } },
          { StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 100, End: true } } },
        ],
        End: true,
      },
    },
  });

  // A hung handler holds time still, so a sibling's wait cannot move past the deadline. A CLI process then goes
  // idle and the deadline fires at once (conformance cases task/timeout-hung-handler-an-hour and others); a test
  // runner never goes idle, so the deadline falls back to real time, stamped at its virtual due time.
  it("times a hung task out at its virtual deadline, after real time where the process never goes idle", async () => {
    const started = Date.now();
    const result = await runExecution(parallel({ Resource: hung, TimeoutSeconds: 1 }), {}, { tasks, clock: new VirtualClock(0) });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Timeout");
    const timedOut = result.history.find((event) => event.type === "TaskTimedOut");
    expect(timedOut?.timestamp.getTime()).toBe(1_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("gives a handler doing real work the time it needs: its work takes no virtual time", async () => {
    const result = await runExecution(parallel({ Resource: slow, TimeoutSeconds: 1 }), {}, { tasks, clock: new VirtualClock(0) });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual(["done", {}]);
    const succeeded = result.history.find((event) => event.type === "TaskSucceeded");
    expect(succeeded?.timestamp.getTime()).toBe(0);
    expect(result.stopDate.getTime()).toBe(100_000);
  });

  it("times an execution out after a year, the longest a Standard execution may run", async () => {
    const definition: StateMachineDefinition = { StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 40_000_000, End: true } } };
    const result = await runExecution(definition, {}, { clock: new VirtualClock(0) });
    expect(result.status).toBe("TIMED_OUT");
    expect(result.stopDate.getTime()).toBe(365 * 24 * 60 * 60 * 1000);
  });

  it("times the execution out at the machine's deadline, not at the end of a longer wait", async () => {
    const definition: StateMachineDefinition = { TimeoutSeconds: 50, StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 100, End: true } } };
    const result = await runExecution(definition, {}, { clock: new VirtualClock(0) });
    expect(result.status).toBe("TIMED_OUT");
    expect(result.stopDate.getTime()).toBe(50_000);
  });
});
