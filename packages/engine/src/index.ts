/**
 * The embedded Step Functions engine: runs any ASL definition (JSONPath or JSONata) locally as AWS does.
 *
 * @see https://states-language.net/spec.html
 */
export {
  BranchFailed,
  DataLimitExceeded,
  ExceedToleratedFailureThreshold,
  errorMatches,
  HeartbeatTimeout,
  IntrinsicFailure,
  InvalidDefinitionError,
  ItemReaderFailed,
  InvalidToken,
  NoChoiceMatched,
  ParameterPathFailure,
  QueryEvaluationError,
  ResultPathMatchFailure,
  ResultWriterFailed,
  StatesError,
  StatesRuntimeError,
  StatesTimeout,
  TaskDoesNotExist,
  TaskError,
  TaskFailed,
  TaskTimedOut,
} from "./errors.js";
export { defaultMaxPayloadBytes } from "./io/payload-size.js";
export { emptyEnv, type PathEnv } from "./io/path-env.js";
export {
  applyInputPath,
  applyOutputPath,
  applyParameters,
  applyResultPath,
  applyResultSelector,
} from "./io/pipeline.js";
export { type Clock, realClock, VirtualClock } from "./runtime/clock.js";
export type { MapListedObject, MapListOptions, MapListPage, MapObjectStore } from "./runtime/object-store.js";
export { retryDelayMs } from "./runtime/error-handling.js";
export { TaskTokenBroker } from "./runtime/task-tokens.js";
export { runExecution, StateMachine } from "./state-machine.js";
export type {
  Execution,
  ExecutionResult,
  ExecutionStatus,
  HistoryEvent,
  LambdaContext,
  LambdaHandler,
  ResumePoint,
  RunOptions,
  TaskContext,
  TaskHandler,
} from "./types.js";
export {
  type CompiledJsonata,
  compileJsonata,
  defaultJsonataLimits,
  evaluateJsonata,
  evaluateTemplate,
  hasJsonataExpressions,
  type JsonataBindings,
  JsonataEvaluationError,
  type JsonataEvaluationOptions,
  type JsonataLimits,
  JsonataSyntaxError,
  type StatesBinding,
} from "./jsonata/index.js";
