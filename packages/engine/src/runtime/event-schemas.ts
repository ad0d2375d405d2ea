/**
 * The detail shape of every history event the engine records, with AWS's key and field names.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import { eventSchema } from "./history.js";

export const schemas = {
  executionStarted: eventSchema("executionStartedEventDetails", "input", "roleArn"),
  executionSucceeded: eventSchema("executionSucceededEventDetails", "output"),
  executionFailed: eventSchema("executionFailedEventDetails", "error", "cause"),
  executionAborted: eventSchema("executionAbortedEventDetails", "error", "cause"),
  executionTimedOut: eventSchema("executionTimedOutEventDetails", "error", "cause"),
  stateEntered: eventSchema("stateEnteredEventDetails", "name", "input"),
  stateExited: eventSchema("stateExitedEventDetails", "name", "output", "assignedVariables"),
  mapStateStarted: eventSchema("mapStateStartedEventDetails", "length"),
  mapIterationStarted: eventSchema("mapIterationStartedEventDetails", "name", "index"),
  mapIterationSucceeded: eventSchema("mapIterationSucceededEventDetails", "name", "index"),
  mapIterationFailed: eventSchema("mapIterationFailedEventDetails", "name", "index"),
  mapIterationAborted: eventSchema("mapIterationAbortedEventDetails", "name", "index"),
  mapRunStarted: eventSchema("mapRunStartedEventDetails", "mapRunArn"),
  mapRunFailed: eventSchema("mapRunFailedEventDetails", "error", "cause"),
  lambdaScheduled: eventSchema("lambdaFunctionScheduledEventDetails", "resource", "input", "timeoutInSeconds"),
  lambdaSucceeded: eventSchema("lambdaFunctionSucceededEventDetails", "output"),
  lambdaFailed: eventSchema("lambdaFunctionFailedEventDetails", "error", "cause"),
  lambdaTimedOut: eventSchema("lambdaFunctionTimedOutEventDetails", "error", "cause"),
  activityScheduled: eventSchema("activityScheduledEventDetails", "resource", "input", "timeoutInSeconds", "heartbeatInSeconds"),
  activityStarted: eventSchema("activityStartedEventDetails", "workerName"),
  activitySucceeded: eventSchema("activitySucceededEventDetails", "output"),
  activityFailed: eventSchema("activityFailedEventDetails", "error", "cause"),
  activityTimedOut: eventSchema("activityTimedOutEventDetails", "error", "cause"),
  taskScheduled: eventSchema("taskScheduledEventDetails", "resourceType", "resource", "region", "parameters", "timeoutInSeconds", "heartbeatInSeconds"),
  taskStarted: eventSchema("taskStartedEventDetails", "resourceType", "resource"),
  taskSubmitted: eventSchema("taskSubmittedEventDetails", "resourceType", "resource", "output"),
  taskSucceeded: eventSchema("taskSucceededEventDetails", "resourceType", "resource", "output"),
  taskFailed: eventSchema("taskFailedEventDetails", "resourceType", "resource", "error", "cause"),
  taskTimedOut: eventSchema("taskTimedOutEventDetails", "resourceType", "resource", "error", "cause"),
} as const;
