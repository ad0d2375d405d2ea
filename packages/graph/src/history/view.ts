/**
 * What the execution viewer shows, derived from an execution's history:
 * every visit of every state with its input, output, error, task attempts
 * (retries) and timings, and the status of each state. Plain JSON data, so
 * it can be embedded in a page.
 */
import type { StateType } from "@statecraft/asl";
import type { StateStatus } from "../status.js";

/** How one visit of a state ended. */
export type VisitOutcome = "succeeded" | "caught" | "failed" | "running" | "aborted";

/** One attempt of a Task (a retry is a new attempt), or one run of a Parallel/Map body. */
export interface AttemptView {
  /** Offsets in milliseconds from the execution start. */
  readonly scheduledMs?: number;
  readonly startedMs?: number;
  readonly endedMs?: number;
  readonly outcome: "running" | "succeeded" | "failed" | "timedOut";
  readonly error?: string;
  readonly cause?: string;
  /** The resource called, as in the history (`invoke`, a function ARN…). */
  readonly resource?: string;
  /** Payload sent (JSON text), from the Scheduled event. */
  readonly input?: string;
  /** Result received (JSON text), from the Succeeded event. */
  readonly output?: string;
}

/** One visit of a state: entered once, left once (or not, if it failed, was aborted or still runs). */
export interface VisitView {
  /** Position in {@link ExecutionView.visits}. */
  readonly index: number;
  readonly name: string;
  readonly type?: StateType;
  readonly enteredEventId: number;
  readonly exitedEventId?: number;
  readonly enteredMs: number;
  readonly exitedMs?: number;
  readonly durationMs?: number;
  /** State input and output as JSON text, as the history carries them. */
  readonly input?: string;
  readonly output?: string;
  readonly outcome: VisitOutcome;
  readonly error?: string;
  readonly cause?: string;
  /** Attempts after the first. */
  readonly retries: number;
  readonly attempts: readonly AttemptView[];
  /** The Parallel or Map visit this one ran inside. */
  readonly parent?: number;
  /** For states inside a Map: which item. */
  readonly mapItem?: number;
  /** Ids of the events that belong to this visit. */
  readonly eventIds: readonly number[];
}

/** A state over the whole execution. */
export interface StateSummary {
  readonly name: string;
  readonly status: StateStatus;
  /** Indexes into {@link ExecutionView.visits}. */
  readonly visits: readonly number[];
  readonly retries: number;
}

/** One history event, with its offset and the visit it belongs to. */
export interface EventView {
  readonly id: number;
  readonly previousEventId: number;
  readonly offsetMs: number;
  readonly timestamp: string;
  readonly type: string;
  readonly stateName?: string;
  readonly visit?: number;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Everything the viewer needs about one execution. */
export interface ExecutionView {
  readonly status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "RUNNING";
  readonly executionArn?: string;
  readonly startedAt: string;
  readonly stoppedAt?: string;
  readonly durationMs?: number;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly visits: readonly VisitView[];
  readonly states: Readonly<Record<string, StateSummary>>;
  readonly events: readonly EventView[];
}
