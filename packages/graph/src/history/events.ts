/**
 * The AWS execution-history event shape, as the engine, the local API and
 * the Step Functions `GetExecutionHistory` call return it, and how each event
 * type relates to states.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { StateType } from "@statecraft/asl";

/** One history event: `{ id, previousEventId, timestamp, type, <camelType>EventDetails }`. */
export interface HistoryEventLike {
  readonly id: number;
  readonly previousEventId?: number;
  /** A `Date` from the engine or SDK; an ISO string or epoch when it went through JSON. */
  readonly timestamp: Date | string | number;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** What an execution run produced; the engine's `ExecutionResult` fits this shape. */
export interface ExecutionRecord {
  readonly status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "RUNNING";
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly history: readonly HistoryEventLike[];
  readonly executionArn?: string;
  readonly startDate?: Date | string | number;
  readonly stopDate?: Date | string | number;
}

/** The `<camelType>EventDetails` object of an event, if any. */
export function eventDetails(event: HistoryEventLike): Record<string, unknown> | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && typeof value === "object" && value !== null) return value as Record<string, unknown>;
  }
  return undefined;
}

/** A string field of an event's details. */
export function detailString(event: HistoryEventLike, field: string): string | undefined {
  const value = eventDetails(event)?.[field];
  return typeof value === "string" ? value : undefined;
}

/** A number field of an event's details. */
export function detailNumber(event: HistoryEventLike, field: string): number | undefined {
  const value = eventDetails(event)?.[field];
  return typeof value === "number" ? value : undefined;
}

/**
 * Milliseconds since the epoch of a timestamp: a `Date`, an ISO string, or a
 * number (epoch seconds as the Step Functions wire sends them, or epoch
 * milliseconds; numbers below 1e11 are taken as seconds).
 */
export function toEpochMs(value: Date | string | number): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value < 1e11 ? Math.round(value * 1000) : value;
  return new Date(value).getTime();
}

/** Milliseconds since the epoch of an event's timestamp. */
export function eventTime(event: HistoryEventLike): number {
  return toEpochMs(event.timestamp);
}

const stateTypes: readonly StateType[] = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

/** `TaskStateEntered` → `Task`; `FailStateEntered` → `Fail`; other types → undefined. */
export function enteredStateType(type: string): StateType | undefined {
  if (!type.endsWith("StateEntered")) return undefined;
  return stateTypes.find((t) => type === `${t}StateEntered`);
}

/** `PassStateExited` → `Pass`. */
export function exitedStateType(type: string): StateType | undefined {
  if (!type.endsWith("StateExited")) return undefined;
  return stateTypes.find((t) => type === `${t}StateExited`);
}

/** `TaskStateAborted`, `WaitStateAborted`, `ParallelStateAborted`, `MapStateAborted`. */
export function abortedStateType(type: string): StateType | undefined {
  if (!type.endsWith("StateAborted")) return undefined;
  return stateTypes.find((t) => type === `${t}StateAborted`);
}

/** The phase of a task attempt an event marks, for Task, Lambda and Activity events. */
export type AttemptPhase = "scheduled" | "started" | "submitted" | "succeeded" | "failed" | "timedOut";

const attemptPrefixes = ["LambdaFunction", "Activity", "Task"] as const;
const attemptPhases: Readonly<Record<string, AttemptPhase>> = {
  Scheduled: "scheduled",
  Started: "started",
  Submitted: "submitted",
  Succeeded: "succeeded",
  Failed: "failed",
  TimedOut: "timedOut",
  ScheduleFailed: "failed",
  StartFailed: "failed",
  SubmitFailed: "failed",
};

/** `LambdaFunctionFailed` → `failed`; `TaskStateEntered` → undefined. */
export function attemptPhase(type: string): AttemptPhase | undefined {
  for (const prefix of attemptPrefixes) {
    if (type.startsWith(prefix) && !type.startsWith(`${prefix}State`)) return attemptPhases[type.slice(prefix.length)];
  }
  return undefined;
}

/** `ParallelStateStarted`/`MapStateFailed`… → which compound type and phase. */
export function compoundPhase(type: string): { stateType: "Parallel" | "Map"; phase: "started" | "succeeded" | "failed" } | undefined {
  const match = /^(Parallel|Map)State(Started|Succeeded|Failed)$/.exec(type);
  if (match === null) return undefined;
  const phase = match[2] === "Started" ? "started" : match[2] === "Succeeded" ? "succeeded" : "failed";
  return { stateType: match[1] === "Parallel" ? "Parallel" : "Map", phase };
}

/** `ExecutionSucceeded` and friends: the event that ends an execution, with its status. */
export function executionEndStatus(type: string): "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | undefined {
  switch (type) {
    case "ExecutionSucceeded":
      return "SUCCEEDED";
    case "ExecutionFailed":
      return "FAILED";
    case "ExecutionTimedOut":
      return "TIMED_OUT";
    case "ExecutionAborted":
      return "ABORTED";
    default:
      return undefined;
  }
}
