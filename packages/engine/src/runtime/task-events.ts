/**
 * The history events of a task attempt, named as AWS names them for each kind of resource: `LambdaFunction…` for
 * direct Lambda ARNs, `Activity…` for activities, `Task…` for service integrations.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { JsonValue } from "@statecraft/asl";
import { schemas } from "./event-schemas.js";
import type { ParsedResource } from "./resources.js";
import type { Scope } from "./scope.js";

/** Time limits of one attempt, in seconds. */
export interface AttemptLimits {
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/** Records the events of a task attempt. */
export interface TaskEvents {
  /** `time`: one clock reading for both the scheduled and the started event. */
  scheduled(scope: Scope, payload: JsonValue, limits: AttemptLimits, time: number): void;
  started(scope: Scope, time: number): void;
  submitted(scope: Scope, output: JsonValue): void;
  succeeded(scope: Scope, output: JsonValue): void;
  failed(scope: Scope, error: string, cause: string): void;
  /** `cause` is absent for a timeout (Step Functions records none). */
  timedOut(scope: Scope, error: string, cause: string | undefined): void;
}

function lambdaEvents(resource: string): TaskEvents {
  return {
    scheduled: (scope, input, limits, time) => void scope.recordAt(time, "LambdaFunctionScheduled", schemas.lambdaScheduled, resource, input, limits.timeoutSeconds),
    started: (scope, time) => void scope.recordAt(time, "LambdaFunctionStarted"),
    submitted: () => {},
    succeeded: (scope, output) => void scope.record("LambdaFunctionSucceeded", schemas.lambdaSucceeded, output),
    failed: (scope, error, cause) => void scope.record("LambdaFunctionFailed", schemas.lambdaFailed, error, cause),
    timedOut: (scope, error, cause) => void scope.record("LambdaFunctionTimedOut", schemas.lambdaTimedOut, error, cause),
  };
}

function activityEvents(resource: string): TaskEvents {
  return {
    scheduled: (scope, input, limits, time) =>
      void scope.recordAt(time, "ActivityScheduled", schemas.activityScheduled, resource, input, limits.timeoutSeconds, limits.heartbeatSeconds),
    started: (scope, time) => void scope.recordAt(time, "ActivityStarted", schemas.activityStarted, "statecraft"),
    submitted: () => {},
    succeeded: (scope, output) => void scope.record("ActivitySucceeded", schemas.activitySucceeded, output),
    failed: (scope, error, cause) => void scope.record("ActivityFailed", schemas.activityFailed, error, cause),
    timedOut: (scope, error, cause) => void scope.record("ActivityTimedOut", schemas.activityTimedOut, error, cause),
  };
}

function serviceEvents(resourceType: string, resource: string): TaskEvents {
  return {
    scheduled: (scope, parameters, limits, time) =>
      void scope.recordAt(
        time,
        "TaskScheduled",
        schemas.taskScheduled,
        resourceType,
        resource,
        scope.runtime.region,
        parameters,
        limits.timeoutSeconds,
        limits.heartbeatSeconds,
      ),
    started: (scope, time) => void scope.recordAt(time, "TaskStarted", schemas.taskStarted, resourceType, resource),
    submitted: (scope, output) => void scope.record("TaskSubmitted", schemas.taskSubmitted, resourceType, resource, output),
    succeeded: (scope, output) => void scope.record("TaskSucceeded", schemas.taskSucceeded, resourceType, resource, output),
    failed: (scope, error, cause) => void scope.record("TaskFailed", schemas.taskFailed, resourceType, resource, error, cause),
    timedOut: (scope, error, cause) => void scope.record("TaskTimedOut", schemas.taskTimedOut, resourceType, resource, error, cause),
  };
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
