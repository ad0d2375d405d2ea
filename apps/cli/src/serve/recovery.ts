/**
 * Where a persisted RUNNING execution continues after a restart: from its last
 * completed top-level state (the engine's `resume`), or nowhere when its
 * terminal event was already written.
 */
import type { JsonValue, StateMachineDefinition } from "@statecraft/asl";
import type { HistoryEvent, ResumePoint } from "@statecraft/engine";
import type { ExecutionOutcome, ExecutionRecord } from "./store.js";

/** What to do with an execution found RUNNING at startup. */
export type Recovery =
  | { readonly kind: "finished"; readonly outcome: ExecutionOutcome; readonly terminal?: HistoryEvent }
  | { readonly kind: "resume"; readonly point: ResumePoint }
  | { readonly kind: "restart" };

interface Details {
  name?: string;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
}

function details(event: HistoryEvent): Details {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && typeof value === "object" && value !== null) return value as Details;
  }
  return {};
}

const terminalStatus: Readonly<Record<string, ExecutionOutcome["status"]>> = {
  ExecutionSucceeded: "SUCCEEDED",
  ExecutionFailed: "FAILED",
  ExecutionAborted: "ABORTED",
  ExecutionTimedOut: "TIMED_OUT",
};

/** The outcome an `Execution{Succeeded,Failed,Aborted,TimedOut}` event records, else undefined. */
export function terminalOutcome(event: HistoryEvent): ExecutionOutcome | undefined {
  const status = terminalStatus[event.type];
  if (status === undefined) return undefined;
  const { output, error, cause } = details(event);
  return {
    status,
    stopDate: event.timestamp.getTime(),
    ...(output === undefined ? {} : { output }),
    ...(error === undefined ? {} : { error }),
    ...(cause === undefined ? {} : { cause }),
  };
}

function parse(text: string | undefined): JsonValue {
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/**
 * Plans the recovery of `execution` from its recorded `history`:
 * - a terminal event is present → finished (only the execution row is missing);
 * - no event yet → start again from the beginning; no top-level state entered yet → resume at `StartAt`;
 * - last top-level event is `…StateEntered` → run that state again with its input;
 * - last is `…StateExited` of a state with `Next` and no `Catch` → continue at `Next` with its output;
 *   of an `End` state → finished with its output (the engine had not written `ExecutionSucceeded`);
 *   otherwise (Choice, or a Catch that may have redirected) → run that state again with its input.
 * Top-level events are recognised by state name (names are unique in a whole machine).
 */
export function planRecovery(
  execution: ExecutionRecord,
  history: HistoryEvent[],
  definition: StateMachineDefinition,
): Recovery {
  for (const event of history) {
    const outcome = terminalOutcome(event);
    if (outcome !== undefined) return { kind: "finished", outcome };
  }
  const topLevel = definition.States;
  let lastEntered: { name: string; input: string | undefined } | undefined;
  let lastExited: { name: string; output: string | undefined } | undefined;
  for (const event of history) {
    const { name, input, output } = details(event);
    if (name === undefined || !Object.hasOwn(topLevel, name)) continue;
    if (event.type.endsWith("StateEntered")) {
      lastEntered = { name, input };
      lastExited = undefined;
    } else if (event.type.endsWith("StateExited")) lastExited = { name, output };
  }
  if (history.length === 0) return { kind: "restart" };
  const startDate = new Date(execution.startDate);
  const executionInput = parse(execution.input);
  const base = { startDate, history, executionInput };
  if (lastEntered === undefined) {
    return { kind: "resume", point: { ...base, stateName: definition.StartAt, input: executionInput } };
  }
  const state = lastExited === undefined ? undefined : topLevel[lastExited.name];
  if (lastExited !== undefined && state !== undefined && state.Type !== "Choice") {
    const caught = "Catch" in state && state.Catch !== undefined && state.Catch.length > 0;
    if ("Next" in state && typeof state.Next === "string" && !caught) {
      return { kind: "resume", point: { ...base, stateName: state.Next, input: parse(lastExited.output) } };
    }
    if (("End" in state && state.End === true) || state.Type === "Succeed") {
      const last = history[history.length - 1];
      const output = lastExited.output ?? "null";
      const terminal: HistoryEvent = {
        id: history.length + 1,
        previousEventId: last?.id ?? 0,
        timestamp: new Date(),
        type: "ExecutionSucceeded",
        executionSucceededEventDetails: { output, outputDetails: { truncated: false } },
      };
      return { kind: "finished", outcome: { status: "SUCCEEDED", stopDate: terminal.timestamp.getTime(), output }, terminal };
    }
  }
  return { kind: "resume", point: { ...base, stateName: lastEntered.name, input: parse(lastEntered.input) } };
}
