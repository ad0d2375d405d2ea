import type { HistoryEvent } from "@statecraft/engine";
import { createProgressPrinter } from "@statecraft/graph";

/**
 * The CLI's live trace of an execution: each state as it is entered (with its
 * input) and left (with its output and duration), retries, caught errors, and a
 * summary line with the output. Colour only on a terminal.
 */
export function createTracePrinter(
  out: NodeJS.WritableStream & { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): (event: HistoryEvent) => void {
  return createProgressPrinter(out, { env, showData: true });
}
