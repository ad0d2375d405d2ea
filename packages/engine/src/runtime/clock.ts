/**
 * Injected time: the real clock, or a virtual one under which Wait and Retry complete at once while timestamps
 * advance as if the time had passed.
 */

/** A source of time. `sleep` rejects with `signal.reason` when the signal aborts. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortable(signal: AbortSignal | undefined, start: (done: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = start(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Wall-clock time and real timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    abortable(signal, (done) => {
      const timer = setTimeout(done, Math.max(0, ms));
      return () => clearTimeout(timer);
    }),
};

interface Sleeper {
  due: number;
  seq: number;
  wake: () => void;
  cancelled: boolean;
}

/**
 * Discrete-event time. A sleep does not wait: once the current burst of work has settled (a macrotask later), the
 * earliest sleeper wakes and the clock jumps to its due time. Concurrent sleeps (Parallel branches, Map iterations)
 * therefore wake in due-time order and overlap as they would in real time.
 */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly sleepers: Sleeper[] = [];
  private scheduled = false;

  constructor(start: number = Date.now()) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Moves time forward without sleeping (e.g. to account for real time spent elsewhere). */
  advance(ms: number): void {
    this.time += Math.max(0, ms);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return abortable(signal, (wake) => {
      const sleeper: Sleeper = { due: this.time + Math.max(0, ms), seq: this.seq++, wake, cancelled: false };
      this.sleepers.push(sleeper);
      this.schedule();
      return () => {
        sleeper.cancelled = true;
      };
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.fire());
  }

  private fire(): void {
    this.scheduled = false;
    let earliest: Sleeper | undefined;
    let index = -1;
    for (let i = 0; i < this.sleepers.length; i++) {
      const sleeper = this.sleepers[i];
      if (sleeper === undefined || sleeper.cancelled) continue;
      if (earliest === undefined || sleeper.due < earliest.due || (sleeper.due === earliest.due && sleeper.seq < earliest.seq)) {
        earliest = sleeper;
        index = i;
      }
    }
    if (earliest === undefined) {
      this.sleepers.length = 0;
      return;
    }
    this.sleepers.splice(index, 1);
    this.time = Math.max(this.time, earliest.due);
    earliest.wake();
    if (this.sleepers.some((sleeper) => !sleeper.cancelled)) this.schedule();
    else this.sleepers.length = 0;
  }
}

/** Resolves the `clock` run option. */
export function resolveClock(option: "real" | "virtual" | Clock | undefined): Clock {
  if (option === undefined || option === "real") return realClock;
  if (option === "virtual") return new VirtualClock();
  return option;
}
