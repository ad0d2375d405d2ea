/**
 * The Lambda `Context` a function receives when the engine stands in for AWS Lambda: AWS's fields (request id, ARN,
 * log names, remaining time), the legacy `done`/`succeed`/`fail` callbacks, and the task context of the attempt.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
import type { LambdaContext } from "../types.js";
import { Cancellation } from "./abort.js";
import { anchorTime } from "./clock.js";
import type { ExecutionRuntime } from "./execution-runtime.js";
import type { AttemptContext, LateSettler } from "./handler-context.js";
import type { TaskTokenBroker } from "./task-tokens.js";

/** The Lambda `Context` a handler receives (also its task context); fields computed only when read. */
export class LambdaInvocationContext implements LambdaContext, AttemptContext {
  declare taskToken?: string;
  lateSettler: LateSettler | undefined = undefined;
  callbackWaitsForEmptyEventLoop = true;
  private requestId: string | undefined = undefined;
  /** A legacy callback's outcome while the handler has not returned yet. */
  early: { error: unknown; result: unknown } | undefined = undefined;
  returned = false;

  constructor(
    private readonly runtime: ExecutionRuntime,
    readonly functionName: string,
    readonly stateName: string,
    readonly cancellation: Cancellation,
    readonly heartbeat: () => void,
    readonly startedAt: number,
  ) {}

  get executionArn(): string {
    return this.runtime.executionArn;
  }
  get taskTokens(): TaskTokenBroker {
    return this.runtime.broker;
  }
  get signal(): AbortSignal {
    return this.cancellation.signal;
  }
  settleLate(error: unknown, result?: unknown): void {
    this.lateSettler?.settleLate(error, result);
  }

  get functionVersion(): string {
    return "$LATEST";
  }
  get memoryLimitInMB(): string {
    return "128";
  }
  get awsRequestId(): string {
    this.requestId ??= this.runtime.uuid();
    return this.requestId;
  }
  get invokedFunctionArn(): string {
    return `arn:aws:lambda:${this.runtime.region}:${this.runtime.account}:function:${this.functionName}`;
  }
  get logGroupName(): string {
    return `/aws/lambda/${this.functionName}`;
  }
  get logStreamName(): string {
    return `${new Date(this.startedAt).toISOString().slice(0, 10).replaceAll("-", "/")}/[$LATEST]${this.awsRequestId.replaceAll("-", "")}`;
  }
  /** The Lambda maximum timeout (local handlers are not cut off). */
  getRemainingTimeInMillis(): number {
    return Math.max(0, 900_000 - (this.runtime.clock.now() - this.startedAt));
  }
  done(error?: Error, result?: unknown): void {
    this.settleCallback(error ?? null, result);
  }
  fail(error: Error | string): void {
    this.settleCallback(typeof error === "string" ? new Error(error) : error);
  }
  succeed(...args: unknown[]): void {
    this.settleCallback(null, args.length > 1 ? args[1] : args[0]);
  }
  private settleCallback(error: unknown, result?: unknown): void {
    if (this.returned) this.settleLate(error, result);
    else this.early ??= { error, result };
  }
}

/** A context kept alive for its hidden class (see `shapeAnchors` in `start-execution.ts`). */
export function lambdaContextAnchor(runtime: ExecutionRuntime): LambdaContext {
  return new LambdaInvocationContext(runtime, "", "", new Cancellation(), () => {}, anchorTime);
}
