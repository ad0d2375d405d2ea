/**
 * Injected time: the real clock, or a virtual one under which Wait and Retry complete at once while timestamps
 * advance as if the time had passed.
 */

/** A source of time. `sleep` rejects with `signal.reason` when the signal aborts. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Calls `onDue` once `ms` have passed unless the returned function cancels it first. Bounds work that may never
   * finish: a task's `TimeoutSeconds`/`HeartbeatSeconds`, the machine's `TimeoutSeconds`. Optional for custom
   * clocks (a real timer is used then).
   */
  deadline?(ms: number, onDue: () => void): () => void;
  /**
   * Marks work in flight outside the engine (a task handler's promise, a task token wait) until the returned
   * function is called. Optional for custom clocks.
   */
  hold?(): () => void;
}

function noop(): void {}

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer delay fires after 1 ms with a warning. */
const maxTimerMs = 2_147_483_647;

/**
 * `setTimeout` for any delay: waits in steps of at most {@link maxTimerMs} (a Wait or a `TimeoutSeconds` may last up
 * to 99,999,999 s). Returns the cancel function. An unreferenced timer never keeps the process alive.
 */
export function startTimer(ms: number, onDue: () => void, referenced = true): () => void {
  let remaining = Math.max(0, ms);
  let timer: NodeJS.Timeout;
  const step = () => {
    const wait = Math.min(remaining, maxTimerMs);
    remaining -= wait;
    timer = setTimeout(remaining > 0 ? step : onDue, wait);
    if (!referenced) timer.unref();
  };
  step();
  return () => clearTimeout(timer);
}

/** Starts a {@link Clock.deadline} on any clock (a real timer when the clock has none); returns its cancel. */
export function startDeadline(clock: Clock, ms: number, onDue: () => void): () => void {
  if (clock.deadline !== undefined) return clock.deadline(ms, onDue);
  return startTimer(ms, onDue);
}

/** {@link Clock.hold} on any clock; returns the release. */
export function holdClock(clock: Clock): () => void {
  return clock.hold === undefined ? noop : clock.hold();
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

/** A clock reading (a double, as every reading is) for the objects kept alive for their hidden classes (`shapeAnchors`). */
export const anchorTime = Date.now();

/** Wall-clock time and real timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => abortable(signal, (done) => startTimer(ms, done)),
  deadline: (ms, onDue) => startTimer(ms, onDue),
  hold: () => noop,
};

interface Sleeper {
  due: number;
  seq: number;
  wake: () => void;
  cancelled: boolean;
  /** A deadline: it does not move time forward by itself (see {@link VirtualClock}). */
  deadline: boolean;
  /** Cancels a deadline's real-time timer (unreferenced: it never keeps the process alive). */
  cancelFallback: () => void;
}

/** Virtual clocks with pending sleepers, woken when the process has nothing else to do. */
const idleWatchers = new Set<VirtualClock>();

function wakeIdleClocks(): void {
  for (const clock of [...idleWatchers]) clock.wakeWhenIdle();
}

/**
 * Discrete-event time. A sleep does not wait: once the current burst of work has settled (a macrotask later) and no
 * task handler is in flight ({@link hold}), the earliest sleeper wakes and the clock jumps to its due time.
 * Concurrent sleeps (Parallel branches, Map iterations) therefore wake in due-time order and overlap as they would
 * in real time, and a handler's real work takes no virtual time.
 *
 * A deadline (task or machine timeout) is a sleeper that does not move time forward on its own, because the work
 * it bounds may still finish in real time: it fires when time moves past it (a later sleeper is due), when the
 * process has nothing left to do (Node's `beforeExit`: the bounded work can never finish — a hung handler, a task
 * token nobody answers), or, failing both, after its duration in real time.
 */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly sleepers: Sleeper[] = [];
  private scheduled = false;
  private holds = 0;

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
      const sleeper = this.add(ms, wake, false);
      return () => {
        sleeper.cancelled = true;
      };
    });
  }

  deadline(ms: number, onDue: () => void): () => void {
    const sleeper = this.add(ms, onDue, true);
    const cancelFallback = startTimer(
      ms,
      () => {
        if (!sleeper.cancelled) this.wake(sleeper);
      },
      false,
    );
    sleeper.cancelFallback = cancelFallback;
    return () => {
      if (sleeper.cancelled) return;
      sleeper.cancelled = true;
      cancelFallback();
      // Sleepers held back by this deadline may go now.
      this.schedule();
    };
  }

  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.sleepers.length > 0) this.schedule();
    };
  }

  /** Called when the process has nothing left to do: whatever is in flight can never finish, so time moves on. */
  wakeWhenIdle(): void {
    const earliest = this.earliest();
    if (earliest === undefined) this.unwatch();
    else this.wake(earliest);
  }

  private add(ms: number, wake: () => void, deadline: boolean): Sleeper {
    const sleeper: Sleeper = { due: this.time + Math.max(0, ms), seq: this.seq++, wake, cancelled: false, deadline, cancelFallback: noop };
    this.sleepers.push(sleeper);
    if (!idleWatchers.has(this)) {
      if (idleWatchers.size === 0) process.on("beforeExit", wakeIdleClocks);
      idleWatchers.add(this);
    }
    this.schedule();
    return sleeper;
  }

  private unwatch(): void {
    if (idleWatchers.delete(this) && idleWatchers.size === 0) process.off("beforeExit", wakeIdleClocks);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.fire());
  }

  /** The earliest pending sleeper (cancelled ones are dropped on the way). */
  private earliest(): Sleeper | undefined {
    let earliest: Sleeper | undefined;
    let live = 0;
    for (const sleeper of this.sleepers) {
      if (sleeper.cancelled) continue;
      this.sleepers[live++] = sleeper;
      if (earliest === undefined || sleeper.due < earliest.due || (sleeper.due === earliest.due && sleeper.seq < earliest.seq)) earliest = sleeper;
    }
    this.sleepers.length = live;
    return earliest;
  }

  private fire(): void {
    this.scheduled = false;
    const earliest = this.earliest();
    if (earliest === undefined) {
      this.unwatch();
      return;
    }
    // A handler in flight takes no virtual time: wait for it (its release schedules the next firing).
    if (this.holds > 0) return;
    // Only deadlines pending: what they bound is still running in real time; idleness or real time decides.
    if (earliest.deadline && !this.sleepers.some((sleeper) => !sleeper.deadline)) return;
    this.wake(earliest);
  }

  private wake(sleeper: Sleeper): void {
    const index = this.sleepers.indexOf(sleeper);
    if (index >= 0) this.sleepers.splice(index, 1);
    sleeper.cancelled = true;
    sleeper.cancelFallback();
    this.time = Math.max(this.time, sleeper.due);
    sleeper.wake();
    if (this.sleepers.length > 0) this.schedule();
    else this.unwatch();
  }
}

/** Resolves the `clock` run option. */
export function resolveClock(option: "real" | "virtual" | Clock | undefined): Clock {
  if (option === undefined || option === "real") return realClock;
  if (option === "virtual") return new VirtualClock();
  return option;
}
