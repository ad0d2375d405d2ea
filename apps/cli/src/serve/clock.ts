/**
 * Step Functions Local's `WAIT_TIME_SCALE`: a real clock whose timers run
 * `scale` times as long (0.1 = ten times faster, 0 = at once). Timestamps stay
 * wall-clock time.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-config-options.html
 */
import { type Clock, realClock } from "@statecraft/engine";

/** The engine clock for a wait-time scale; the real clock for 1. */
export function scaledClock(scale: number): Clock {
  if (scale === 1) return realClock;
  return { now: realClock.now, sleep: (ms, signal) => realClock.sleep(ms * scale, signal) };
}
