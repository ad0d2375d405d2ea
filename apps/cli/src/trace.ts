import type { HistoryEvent } from "@statecraft/engine";

/** Picks the details object of a history event (`stateEnteredEventDetails`, …). */
function details(event: HistoryEvent, key: string): Record<string, unknown> | undefined {
  const value = event[key];
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * A plain trace of an execution: each state as it is entered (with its input)
 * and left (with its output), and failures as they happen.
 */
export function createTracePrinter(out: NodeJS.WritableStream): (event: HistoryEvent) => void {
  return (event) => {
    if (event.type.endsWith("StateEntered")) {
      const d = details(event, "stateEnteredEventDetails");
      out.write(`→ ${String(d?.name)}  input: ${String(d?.input)}\n`);
    } else if (event.type.endsWith("StateExited")) {
      const d = details(event, "stateExitedEventDetails");
      out.write(`← ${String(d?.name)}  output: ${String(d?.output)}\n`);
    } else if (event.type.endsWith("Failed") || event.type.endsWith("TimedOut") || event.type === "ExecutionAborted") {
      const d = Object.entries(event).find(([k]) => k.endsWith("EventDetails"))?.[1] as
        | Record<string, unknown>
        | undefined;
      out.write(`✗ ${event.type}  ${String(d?.error ?? "")} ${String(d?.cause ?? "")}\n`);
    }
  };
}
