/**
 * Public types of the engine.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { JsonValue } from "@statecraft/asl";
import type { Clock } from "./runtime/clock.js";
import type { MapObjectStore } from "./runtime/object-store.js";
import type { TaskTokenBroker } from "./runtime/task-tokens.js";

/** What a task handler is told about the call. */
export interface TaskContext {
  stateName: string;
  executionArn: string;
  /** Set for `.waitForTaskToken` resources (also in `$$.Task.Token`). */
  taskToken?: string;
  /** Aborted when the task times out, the execution stops, or a sibling branch fails. */
  signal: AbortSignal;
  /** Resets the `HeartbeatSeconds` timer, for in-process handlers. */
  heartbeat(): void;
  /**
   * The execution's task-token broker, so an in-process handler can play the external worker of a
   * `.waitForTaskToken` task: `sendTaskSuccess` / `sendTaskFailure` / `sendTaskHeartbeat` with `taskToken`, at once
   * or later (a handler's return value is only the submitted request's response).
   *
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
   */
  readonly taskTokens: TaskTokenBroker;
}

/**
 * A task implementation. Throwing an Error whose `name` is X makes the ASL error X, message = cause.
 * The input is the engine's own value (recorded in the history by reference): treat it as read-only and return a
 * new value. (Lambda handlers get a JSON copy, as on AWS.)
 */
export type TaskHandler = (input: JsonValue, context: TaskContext) => Promise<JsonValue> | JsonValue;

/**
 * What a Lambda handler receives as its context: the task context plus the fields of the AWS Lambda `Context`
 * object, so real Lambda handlers (`(event, context?: Context) => …`) plug in unchanged.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
export interface LambdaContext extends TaskContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  getRemainingTimeInMillis(): number;
  done(error?: Error, result?: unknown): void;
  fail(error: Error | string): void;
  succeed(...args: unknown[]): void;
}

/** A Lambda handler; any {@link TaskHandler} is one too. */
export type LambdaHandler = (event: JsonValue, context: LambdaContext) => Promise<unknown> | unknown;

/** AWS GetExecutionHistory event shape: `{ id, previousEventId, timestamp, type, <camelType>EventDetails }`. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

/** Resume a persisted execution from its last completed top-level transition. */
export interface ResumePoint {
  /** The top-level state to run next. */
  stateName: string;
  /** That state's input. */
  input: JsonValue;
  /** When the execution originally started. */
  startDate: Date;
  /** The history recorded so far; new events continue its ids. */
  history: HistoryEvent[];
  /** The execution input (`$$.Execution.Input`); defaults to the `ExecutionStarted` event's input. */
  executionInput?: JsonValue;
}

/** Options of one run. */
export interface RunOptions {
  /** Resource string (exact) → handler. Thrown errors: name → Error, message → Cause. */
  tasks?: Record<string, TaskHandler>;
  /**
   * Lambda function name → handler, run as AWS Lambda would: used for direct Lambda ARNs
   * (`arn:aws:lambda:…:function:NAME[:alias]`) and `arn:aws:states:::lambda:invoke` (FunctionName/Payload, result
   * wrapped in the Invoke response). A thrown error becomes Error = error.name, Cause =
   * `{"errorType","errorMessage","trace"}` as on AWS.
   */
  lambdas?: Record<string, LambdaHandler>;
  /** @default "real". "virtual": Wait and Retry complete at once while timestamps advance as if time had passed. */
  clock?: "real" | "virtual" | Clock;
  executionName?: string;
  stateMachineName?: string;
  stateMachineArn?: string;
  executionArn?: string;
  roleArn?: string;
  /** @default "us-east-1" */
  region?: string;
  /** @default "123456789012" */
  account?: string;
  /**
   * Live event stream, in order. A listener that throws ends the execution: the error fails the state being run
   * (`States.Runtime`), and if recording the execution's end throws, the execution's promise rejects with it.
   */
  onEvent?: (event: HistoryEvent) => void;
  /** Abort → status ABORTED. */
  signal?: AbortSignal;
  random?: () => number;
  uuid?: () => string;
  /** Shared broker so an API server can route SendTask* calls. */
  taskTokens?: TaskTokenBroker;
  /** Continue a persisted execution. */
  resume?: ResumePoint;
  /**
   * Payload quota in bytes (UTF-8 JSON) for state input/output and task results; over it → States.DataLimitExceeded.
   * @default 262144 (256 KiB, as on AWS)
   */
  maxPayloadBytes?: number;
  /**
   * History quota; an execution recording more events fails with States.Runtime.
   * @default 25000 (as Standard workflows on AWS)
   */
  maxHistoryEvents?: number;
  /**
   * The S3 store of Distributed Map `ItemReader` (GetObject, ListObjectsV2) and `ResultWriter` (PutObject), e.g.
   * `@statecraft/storage`'s `LocalObjectStore` or `S3ObjectStore`. Without one, a Map with either fails with
   * `States.ItemReaderFailed` / `States.ResultWriterFailed`.
   */
  objectStore?: MapObjectStore;
}

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** How an execution ended. */
export interface ExecutionResult {
  status: Exclude<ExecutionStatus, "RUNNING">;
  output?: JsonValue;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
  executionArn: string;
  startDate: Date;
  stopDate: Date;
}

/** A running execution. */
export interface Execution {
  readonly executionArn: string;
  readonly done: Promise<ExecutionResult>;
  /** Stops the execution (status ABORTED), as StopExecution does. */
  stop(error?: string, cause?: string): void;
  /** Every event from the first, then live ones until the execution ends. */
  events: AsyncIterable<HistoryEvent>;
}
