/**
 * The history events of a task attempt, named as AWS names them for each kind of resource: `LambdaFunction…` for
 * direct Lambda ARNs, `Activity…` for activities, `Task…` for service integrations.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { JsonValue } from "@statecraft/asl";
import { schemas } from "./event-schemas.js";
import { type EventRecord, RawEvent } from "./history.js";
import type { ParsedResource } from "./resources.js";
import type { Scope } from "./scope.js";

/** Time limits of one attempt, in seconds. */
export interface AttemptLimits {
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/** How one kind of resource writes the events an {@link AttemptRecord} stands for. */
interface AttemptEventShape {
  scheduled(attempt: AttemptRecord): RawEvent;
  started(attempt: AttemptRecord): RawEvent;
  succeeded(attempt: AttemptRecord): RawEvent;
}

/**
 * The record of an attempt's `…Scheduled`, `…Started` and `…Succeeded` events (see {@link EventRecord}): one
 * object per attempt rather than one per event.
 */
export class AttemptRecord implements EventRecord {
  scheduledId = 0;
  resultTime = 0;
  resultPrev = 0;
  result: JsonValue = null;

  constructor(
    private readonly shape: AttemptEventShape,
    /** When the attempt was scheduled and started (one clock reading). */
    readonly time: number,
    readonly prev: number,
    readonly region: string,
    readonly payload: JsonValue,
    readonly limits: AttemptLimits,
  ) {}

  eventFor(id: number): RawEvent {
    if (id === this.scheduledId) return this.shape.scheduled(this);
    if (id === this.scheduledId + 1) return this.shape.started(this);
    return this.shape.succeeded(this);
  }
}

/** Records the events of a task attempt. */
export interface TaskEvents {
  /** Records `…Scheduled` and `…Started` at `time` (one clock reading for both). */
  begin(scope: Scope, payload: JsonValue, limits: AttemptLimits, time: number): AttemptRecord;
  submitted(scope: Scope, output: JsonValue): void;
  succeeded(scope: Scope, attempt: AttemptRecord, output: JsonValue): void;
  failed(scope: Scope, error: string, cause: string): void;
  /** `cause` is absent for a timeout (Step Functions records none). */
  timedOut(scope: Scope, error: string, cause: string | undefined): void;
}

/** Records `…Scheduled`, `…Started` and `…Succeeded` through an {@link AttemptRecord}; the rest as plain events. */
class AttemptEvents implements TaskEvents {
  constructor(
    private readonly shape: AttemptEventShape,
    readonly submitted: (scope: Scope, output: JsonValue) => void,
    readonly failed: (scope: Scope, error: string, cause: string) => void,
    readonly timedOut: (scope: Scope, error: string, cause: string | undefined) => void,
  ) {}

  begin(scope: Scope, payload: JsonValue, limits: AttemptLimits, time: number): AttemptRecord {
    const attempt = new AttemptRecord(this.shape, time, scope.lastEventId, scope.runtime.region, payload, limits);
    // Its ids are known before it is recorded: a live listener reads the event at once.
    attempt.scheduledId = scope.runtime.history.lastId + 1;
    scope.recordSlot(time, attempt);
    scope.recordSlot(time, attempt);
    return attempt;
  }

  succeeded(scope: Scope, attempt: AttemptRecord, output: JsonValue): void {
    const time = scope.runtime.clock.now();
    attempt.resultTime = time;
    attempt.resultPrev = scope.lastEventId;
    attempt.result = output;
    scope.recordSlot(time, attempt);
  }
}

function lambdaEvents(resource: string): TaskEvents {
  return new AttemptEvents(
    {
      scheduled: (a) => new RawEvent("LambdaFunctionScheduled", a.time, a.prev, schemas.lambdaScheduled, resource, a.payload, a.limits.timeoutSeconds),
      started: (a) => new RawEvent("LambdaFunctionStarted", a.time, a.scheduledId, undefined),
      succeeded: (a) => new RawEvent("LambdaFunctionSucceeded", a.resultTime, a.resultPrev, schemas.lambdaSucceeded, a.result),
    },
    () => {},
    (scope, error, cause) => void scope.record("LambdaFunctionFailed", schemas.lambdaFailed, error, cause),
    (scope, error, cause) => void scope.record("LambdaFunctionTimedOut", schemas.lambdaTimedOut, error, cause),
  );
}

function activityEvents(resource: string): TaskEvents {
  return new AttemptEvents(
    {
      scheduled: (a) =>
        new RawEvent("ActivityScheduled", a.time, a.prev, schemas.activityScheduled, resource, a.payload, a.limits.timeoutSeconds, a.limits.heartbeatSeconds),
      started: (a) => new RawEvent("ActivityStarted", a.time, a.scheduledId, schemas.activityStarted, "statecraft"),
      succeeded: (a) => new RawEvent("ActivitySucceeded", a.resultTime, a.resultPrev, schemas.activitySucceeded, a.result),
    },
    () => {},
    (scope, error, cause) => void scope.record("ActivityFailed", schemas.activityFailed, error, cause),
    (scope, error, cause) => void scope.record("ActivityTimedOut", schemas.activityTimedOut, error, cause),
  );
}

function serviceEvents(resourceType: string, resource: string): TaskEvents {
  return new AttemptEvents(
    {
      scheduled: (a) =>
        new RawEvent(
          "TaskScheduled",
          a.time,
          a.prev,
          schemas.taskScheduled,
          resourceType,
          resource,
          a.region,
          a.payload,
          a.limits.timeoutSeconds,
          a.limits.heartbeatSeconds,
        ),
      started: (a) => new RawEvent("TaskStarted", a.time, a.scheduledId, schemas.taskStarted, resourceType, resource),
      succeeded: (a) => new RawEvent("TaskSucceeded", a.resultTime, a.resultPrev, schemas.taskSucceeded, resourceType, resource, a.result),
    },
    (scope, output) => void scope.record("TaskSubmitted", schemas.taskSubmitted, resourceType, resource, output),
    (scope, error, cause) => void scope.record("TaskFailed", schemas.taskFailed, resourceType, resource, error, cause),
    (scope, error, cause) => void scope.record("TaskTimedOut", schemas.taskTimedOut, resourceType, resource, error, cause),
  );
}

/** The event recorder for a resource. */
export function taskEventsFor(resource: string, parsed: ParsedResource): TaskEvents {
  switch (parsed.kind) {
    case "lambda-function":
      return lambdaEvents(resource);
    case "activity":
      return activityEvents(resource);
    case "lambda-invoke":
    case "service":
      return serviceEvents(parsed.resourceType, parsed.resourceName);
    case "other":
      return serviceEvents("local", resource);
  }
}
