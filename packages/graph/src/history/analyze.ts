/**
 * Reads an execution history into visits, attempts and state statuses.
 *
 * Events are tied to their state visit through `previousEventId`, which
 * Step Functions (and the embedded engine) set to the previous event of the
 * same branch: following it leads from a task event back to its
 * `TaskStateEntered`. Histories without a usable chain fall back to matching
 * by state name and recency.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 */
import type { StateType } from "@statecraft/asl";
import {
  abortedStateType,
  attemptPhase,
  compoundPhase,
  detailNumber,
  detailString,
  enteredStateType,
  eventDetails,
  eventTime,
  type ExecutionRecord,
  executionEndStatus,
  exitedStateType,
  type HistoryEventLike,
  toEpochMs,
} from "./events.js";
import { summarizeStates } from "./summary.js";
import type { AttemptView, EventView, ExecutionView, VisitOutcome, VisitView } from "./view.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Attempt = Mutable<AttemptView>;
/** A visit while the history is being read. */
export interface Visit extends Omit<Mutable<VisitView>, "attempts" | "eventIds" | "outcome" | "retries"> {
  attempts: Attempt[];
  eventIds: number[];
  open: boolean;
  aborted: boolean;
  compoundFailed: boolean;
}

const isCompound = (type: StateType | undefined): boolean => type === "Parallel" || type === "Map";

/** Walks the history once, building visits; see the module comment. Incremental: the terminal printer feeds it live. */
export class HistoryReader {
  readonly visits: Visit[] = [];
  readonly eventViews: EventView[] = [];
  /** Event id → the visit whose branch it belongs to (nearest `…StateEntered` up the chain). */
  private readonly owner = new Map<number, number>();
  /** Event id → Map item index of the nearest `MapIterationStarted` up the chain. */
  private readonly mapItem = new Map<number, number>();
  status: ExecutionView["status"] = "RUNNING";
  input: string | undefined;
  output: string | undefined;
  error: string | undefined;
  cause: string | undefined;
  endTime: number | undefined;

  constructor(readonly startTime: number) {}

  read(event: HistoryEventLike): void {
    const prev = event.previousEventId ?? 0;
    const offset = eventTime(event) - this.startTime;
    const owner = this.owner.get(prev);
    const item = this.mapItem.get(prev);
    if (item !== undefined) this.mapItem.set(event.id, item);
    if (event.type === "MapIterationStarted") {
      const index = detailNumber(event, "index");
      if (index !== undefined) this.mapItem.set(event.id, index);
    }
    const visit = this.visitFor(event, owner, offset);
    if (visit !== undefined) {
      this.owner.set(event.id, visit.index);
      visit.eventIds.push(event.id);
    } else if (owner !== undefined) {
      this.owner.set(event.id, owner);
    }
    const details = eventDetails(event);
    this.eventViews.push({
      id: event.id,
      previousEventId: prev,
      offsetMs: offset,
      timestamp: new Date(eventTime(event)).toISOString(),
      type: event.type,
      ...(visit === undefined ? {} : { stateName: visit.name, visit: visit.index }),
      ...(details === undefined ? {} : { details }),
    });
  }

  /** Applies one event and returns the visit it belongs to, if any. */
  private visitFor(event: HistoryEventLike, owner: number | undefined, offset: number): Visit | undefined {
    const type = event.type;
    const entered = enteredStateType(type);
    if (entered !== undefined) return this.enter(event, entered, owner, offset);
    const exited = exitedStateType(type);
    if (exited !== undefined) {
      const visit = this.openVisit(owner, (v) => v.name === detailString(event, "name"));
      if (visit !== undefined) {
        visit.open = false;
        visit.exitedEventId = event.id;
        visit.exitedMs = offset;
        visit.durationMs = offset - visit.enteredMs;
        const output = detailString(event, "output");
        if (output !== undefined) visit.output = output;
      }
      return visit;
    }
    const aborted = abortedStateType(type);
    if (aborted !== undefined) {
      const visit = this.openVisit(owner, (v) => v.type === aborted);
      if (visit !== undefined) visit.aborted = true;
      return visit;
    }
    const phase = attemptPhase(type);
    if (phase !== undefined) {
      const visit = this.openVisit(owner, (v) => v.type === "Task");
      if (visit !== undefined) this.recordAttempt(visit, event, phase, offset);
      return visit;
    }
    const compound = compoundPhase(type);
    if (compound !== undefined) {
      const visit = this.openVisit(owner, (v) => v.type === compound.stateType);
      if (visit === undefined) return undefined;
      if (compound.phase === "started") visit.attempts.push({ outcome: "running", startedMs: offset });
      const last = visit.attempts.at(-1);
      if (compound.phase !== "started" && last !== undefined) {
        last.outcome = compound.phase === "succeeded" ? "succeeded" : "failed";
        last.endedMs = offset;
      }
      visit.compoundFailed = compound.phase === "failed";
      return visit;
    }
    if (type.startsWith("MapIteration")) return this.openVisit(owner, (v) => v.type === "Map" && v.name === detailString(event, "name"));
    if (type === "EvaluationFailed") {
      const visit = this.openVisit(owner, (v) => v.name === detailString(event, "state"));
      this.setError(visit, event);
      return visit;
    }
    this.readExecutionEvent(event, offset);
    return undefined;
  }

  private enter(event: HistoryEventLike, type: StateType, owner: number | undefined, offset: number): Visit {
    const before = owner === undefined ? undefined : this.visits[owner];
    // The previous event of a branch's first state is its Parallel/Map start; later states follow a sibling.
    const parent = before?.open === true && isCompound(before.type) ? before : before?.parent === undefined ? undefined : this.visits[before.parent];
    const openParent = parent?.open === true ? parent : undefined;
    const item = openParent?.type === "Map" ? this.mapItem.get(event.previousEventId ?? 0) : openParent?.mapItem;
    const input = detailString(event, "input");
    const visit: Visit = {
      index: this.visits.length,
      name: detailString(event, "name") ?? "?",
      type,
      enteredEventId: event.id,
      enteredMs: offset,
      attempts: [],
      eventIds: [],
      open: true,
      aborted: false,
      compoundFailed: false,
      ...(input === undefined ? {} : { input }),
      ...(openParent === undefined ? {} : { parent: openParent.index }),
      ...(item === undefined ? {} : { mapItem: item }),
    };
    this.visits.push(visit);
    return visit;
  }

  /**
   * The chain's own visit or its nearest enclosing Parallel/Map visit when
   * open and fitting (a Map's iteration events follow its inner states), else
   * the latest open visit that fits.
   */
  private openVisit(owner: number | undefined, fits: (visit: Visit) => boolean): Visit | undefined {
    for (let at = owner === undefined ? undefined : this.visits[owner]; at !== undefined; at = at.parent === undefined ? undefined : this.visits[at.parent]) {
      if (at.open && fits(at)) return at;
    }
    for (let i = this.visits.length - 1; i >= 0; i--) {
      const visit = this.visits[i];
      if (visit?.open === true && fits(visit)) return visit;
    }
    return undefined;
  }

  private recordAttempt(visit: Visit, event: HistoryEventLike, phase: NonNullable<ReturnType<typeof attemptPhase>>, offset: number): void {
    let attempt = visit.attempts.at(-1);
    if (phase === "scheduled" || attempt === undefined || attempt.outcome !== "running") {
      attempt = { outcome: "running", scheduledMs: offset };
      visit.attempts.push(attempt);
    }
    const resource = detailString(event, "resource");
    if (resource !== undefined) attempt.resource = resource;
    switch (phase) {
      case "scheduled": {
        const input = detailString(event, "input") ?? detailString(event, "parameters");
        if (input !== undefined) attempt.input = input;
        break;
      }
      case "started":
      case "submitted":
        attempt.startedMs ??= offset;
        break;
      case "succeeded": {
        attempt.outcome = "succeeded";
        attempt.endedMs = offset;
        const output = detailString(event, "output");
        if (output !== undefined) attempt.output = output;
        break;
      }
      case "failed":
      case "timedOut": {
        attempt.outcome = phase;
        attempt.endedMs = offset;
        const error = detailString(event, "error");
        const cause = detailString(event, "cause");
        if (error !== undefined) attempt.error = error;
        if (cause !== undefined) attempt.cause = cause;
      }
    }
  }

  private setError(visit: Visit | undefined, event: HistoryEventLike): void {
    if (visit === undefined) return;
    const error = detailString(event, "error");
    const cause = detailString(event, "cause");
    if (error !== undefined) visit.error = error;
    if (cause !== undefined) visit.cause = cause;
  }

  private readExecutionEvent(event: HistoryEventLike, offset: number): void {
    if (event.type === "ExecutionStarted") {
      const input = detailString(event, "input");
      if (input !== undefined) this.input = input;
      return;
    }
    const status = executionEndStatus(event.type);
    if (status === undefined) return;
    this.status = status;
    this.endTime = this.startTime + offset;
    const output = detailString(event, "output");
    const error = detailString(event, "error");
    const cause = detailString(event, "cause");
    if (output !== undefined) this.output = output;
    if (error !== undefined) this.error = error;
    if (cause !== undefined) this.cause = cause;
  }
}

/** Outcome, error and retry count of each visit once the whole history is read. */
export function finishVisits(reader: HistoryReader): VisitView[] {
  const visits = reader.visits;
  // Children first (they come later), so a Parallel/Map can take its failed child's error.
  const lastChildError = new Map<number, { error?: string; cause?: string }>();
  const finished: VisitView[] = new Array(visits.length);
  // Walking backwards, `laterOpen` says whether a visit entered after this one is still open.
  let laterOpen = false;
  for (let i = visits.length - 1; i >= 0; i--) {
    const { open, aborted, compoundFailed, ...visit } = visits[i] as Visit;
    const last = visit.attempts.at(-1);
    const attemptFailed = last?.outcome === "failed" || last?.outcome === "timedOut";
    const childError = lastChildError.get(visit.index);
    let error = visit.error ?? (attemptFailed ? last?.error : undefined) ?? (compoundFailed ? childError?.error : undefined);
    let cause = visit.cause ?? (attemptFailed ? last?.cause : undefined) ?? (compoundFailed ? childError?.cause : undefined);
    let outcome: VisitOutcome;
    if (aborted) outcome = "aborted";
    else if (!open) outcome = attemptFailed || compoundFailed ? "caught" : "succeeded";
    else if (error !== undefined || compoundFailed) outcome = "failed";
    else if (childError !== undefined && reader.status !== "RUNNING") {
      // A branch or item failed and this Parallel/Map never left: the error went through it.
      outcome = "failed";
      error = childError.error;
      cause = childError.cause;
    } else if (reader.status === "RUNNING") outcome = "running";
    else if (reader.status === "ABORTED" || reader.status === "SUCCEEDED") outcome = "aborted";
    else if (visit.type === "Fail" || reader.status === "TIMED_OUT" || !laterOpen) {
      outcome = "failed";
      error = reader.error;
      cause = reader.cause;
    } else outcome = "aborted";
    if (outcome === "failed" && visit.parent !== undefined && !lastChildError.has(visit.parent)) {
      lastChildError.set(visit.parent, { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) });
    }
    if (open && !aborted) laterOpen = true;
    const retries = Math.max(0, visit.attempts.length - 1);
    finished[i] = {
      ...visit,
      outcome,
      retries,
      ...(error === undefined ? {} : { error }),
      ...(cause === undefined ? {} : { cause }),
    };
  }
  return finished;
}

/**
 * Derives the viewer's data from an execution: per visit its input, output,
 * error, attempts and timings, and per state a {@link StateSummary} status.
 */
export function analyzeExecution(record: ExecutionRecord): ExecutionView {
  const history = [...record.history].sort((a, b) => a.id - b.id);
  const first = history[0];
  const startTime = record.startDate !== undefined ? toEpochMs(record.startDate) : first === undefined ? 0 : eventTime(first);
  const reader = new HistoryReader(startTime);
  for (const event of history) reader.read(event);
  if (reader.status === "RUNNING" && record.status !== "RUNNING") reader.status = record.status;
  reader.error ??= record.error;
  reader.cause ??= record.cause;
  if (reader.output === undefined && record.output !== undefined && record.status === "SUCCEEDED") reader.output = JSON.stringify(record.output);
  const visits = finishVisits(reader);
  const stopTime = reader.endTime ?? (record.stopDate === undefined ? undefined : toEpochMs(record.stopDate));
  const stoppedAt = stopTime === undefined ? undefined : new Date(stopTime).toISOString();
  return {
    status: reader.status,
    ...(record.executionArn === undefined ? {} : { executionArn: record.executionArn }),
    startedAt: new Date(startTime).toISOString(),
    ...(stoppedAt === undefined || stopTime === undefined ? {} : { stoppedAt, durationMs: stopTime - startTime }),
    ...(reader.input === undefined ? {} : { input: reader.input }),
    ...(reader.output === undefined ? {} : { output: reader.output }),
    ...(reader.error === undefined ? {} : { error: reader.error }),
    ...(reader.cause === undefined ? {} : { cause: reader.cause }),
    visits,
    states: summarizeStates(visits),
    events: reader.eventViews,
  };
}
