/**
 * Finds the handler for a task resource and adapts it: plain task handlers, and Lambda handlers run as AWS Lambda
 * would (a JSON copy of the event, a Lambda-like context, errors reported as `{errorType, errorMessage, trace}`,
 * and the Invoke response envelope for `arn:aws:states:::lambda:invoke`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { StatesError, StatesRuntimeError, TaskError, toStatesError } from "../errors.js";
import type { LambdaHandler } from "../types.js";
import type { Cancellation } from "./abort.js";
import { type AttemptContext, HandlerContext } from "./handler-context.js";
import { LambdaInvocationContext } from "./lambda-context.js";
import type { ExecutionRuntime } from "./execution-runtime.js";
import { copyAsJson } from "./json-copy.js";
import { functionNameOf, type ParsedResource } from "./resources.js";

/** A resolved handler: makes the context it is called with, calls it, maps what it throws, wraps what it returns. */
export interface BoundHandler {
  context(stateName: string, runtime: ExecutionRuntime, cancellation: Cancellation, heartbeat: () => void, startedAt: number): AttemptContext;
  call(payload: JsonValue, context: AttemptContext, runtime: ExecutionRuntime): unknown;
  errorOf(thrown: unknown): StatesError;
  wrap(result: JsonValue): JsonValue;
}

const identity = (value: JsonValue): JsonValue => value;

/** The Cause Step Functions reports for a Lambda error. @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html */
export function lambdaError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError && !(thrown instanceof TaskError)) return thrown;
  const isError = thrown instanceof Error;
  const errorType = isError ? thrown.name || "Error" : typeof thrown;
  const errorMessage = isError ? thrown.message : String(thrown);
  const trace = isError && thrown.stack !== undefined ? thrown.stack.split("\n") : [];
  return new TaskError(errorType, JSON.stringify({ errorType, errorMessage, trace }));
}

/**
 * Calls a Lambda handler with AWS semantics. The legacy `context.done/succeed/fail` settle the invocation too:
 * they win over a pending promise (through the attempt's {@link HandlerContext.settleLate}), and over an
 * `undefined` returned synchronously.
 */
function invokeLambda(runtime: ExecutionRuntime, handler: LambdaHandler, functionName: string, event: JsonValue, context: AttemptContext): unknown {
  const lambdaContext =
    context instanceof LambdaInvocationContext ? context : new LambdaInvocationContext(runtime, functionName, context.stateName, context.cancellation, context.heartbeat, context.startedAt);
  const returned = handler(copyAsJson(event), lambdaContext);
  lambdaContext.returned = true;
  const early = lambdaContext.early;
  if (early === undefined) return returned;
  // A callback settled the invocation before the handler returned: it wins.
  if (returned instanceof Promise) returned.catch(() => {});
  else if (returned !== undefined) return returned;
  if (early.error !== null && early.error !== undefined) throw early.error;
  return early.result;
}

function invokeEnvelope(runtime: ExecutionRuntime, payload: JsonValue): JsonValue {
  const requestId = runtime.uuid();
  return {
    ExecutedVersion: "$LATEST",
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        "X-Amz-Executed-Version": ["$LATEST"],
        "x-amzn-Remapped-Content-Length": ["0"],
        Connection: ["keep-alive"],
        "x-amzn-RequestId": [requestId],
        "Content-Type": ["application/json"],
      },
      HttpHeaders: {
        Connection: "keep-alive",
        "Content-Type": "application/json",
        "X-Amz-Executed-Version": "$LATEST",
        "x-amzn-Remapped-Content-Length": "0",
        "x-amzn-RequestId": requestId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/**
 * An error the Lambda service returns for an `Invoke` (not one the function raised): Step Functions names it
 * `Lambda.<Exception>` and reports the SDK's message as Cause, e.g. "Function not found: arn:… (Service: AWSLambda;
 * Status Code: 404; Error Code: ResourceNotFoundException; Request ID: …; Proxy: null)" (recorded against AWS:
 * localstack tests/aws/services/stepfunctions/v2/error_handling/test_task_service_lambda.snapshot.json,
 * test_no_such_function).
 */
export class LambdaServiceError extends StatesError {
  constructor(runtime: ExecutionRuntime, errorCode: string, statusCode: number, message: string) {
    super(`Lambda.${errorCode}`, `${message} (Service: AWSLambda; Status Code: ${statusCode}; Error Code: ${errorCode}; Request ID: ${runtime.uuid()}; Proxy: null)`);
  }
}

/** The unqualified-or-qualified ARN Lambda names in its "Function not found" message for a `FunctionName`. */
function functionArnOf(runtime: ExecutionRuntime, target: string): string {
  if (target.startsWith("arn:")) return target;
  const marker = target.indexOf(":function:");
  if (marker >= 0) return `arn:aws:lambda:${runtime.region}:${target.slice(0, marker)}:function:${target.slice(marker + ":function:".length)}`;
  return `arn:aws:lambda:${runtime.region}:${runtime.account}:function:${target}`;
}

function functionNotFound(runtime: ExecutionRuntime, target: string): LambdaServiceError {
  return new LambdaServiceError(runtime, "ResourceNotFoundException", 404, `Function not found: ${functionArnOf(runtime, target)}`);
}

/**
 * The event a function receives from `lambda:invoke`. Step Functions sends a string `Payload` as the request body
 * itself, so the function receives the JSON value that text holds (`"\"HelloWorld\""` arrives as `"HelloWorld"`,
 * `"0.0"` as `0`: localstack tests/aws/services/stepfunctions/v2/services/test_lambda_task_service.snapshot.json,
 * test_invoke_json_values, recorded against AWS); text that is not JSON is refused by Lambda. No payload (or null)
 * arrives as `{}` (test_invoke).
 */
function invokeEvent(payload: JsonValue | undefined): { event: JsonValue } | { notJson: string } {
  if (payload === undefined || payload === null) return { event: {} };
  if (typeof payload !== "string") return { event: payload };
  try {
    const parsed: JsonValue = JSON.parse(payload);
    return { event: parsed };
  } catch (error) {
    return { notJson: error instanceof Error ? error.message : String(error) };
  }
}

/** A handler whose invocation fails with a Lambda service error (after TaskScheduled/TaskStarted, as on AWS). */
/** The context of a plain task handler. */
const taskHandlerContext: BoundHandler["context"] = (stateName, runtime, cancellation, heartbeat, startedAt) =>
  new HandlerContext(stateName, runtime, cancellation, heartbeat, startedAt);

/** The context of a Lambda function: a Lambda `Context` that is also its task context. */
function lambdaHandlerContext(functionName: string): BoundHandler["context"] {
  return (stateName, runtime, cancellation, heartbeat, startedAt) => new LambdaInvocationContext(runtime, functionName, stateName, cancellation, heartbeat, startedAt);
}

function failingInvoke(error: () => LambdaServiceError): BoundHandler {
  return {
    context: taskHandlerContext,
    call: () => {
      throw error();
    },
    errorOf: lambdaError,
    wrap: identity,
  };
}

function unknownResource(runtime: ExecutionRuntime, resource: string, functionName: string | undefined): StatesRuntimeError {
  const tasks = Object.keys(runtime.tasks);
  const lambdas = Object.keys(runtime.lambdas);
  const hint = functionName === undefined ? "Register it in RunOptions.tasks" : `Register the function '${functionName}' in RunOptions.lambdas (or the resource in RunOptions.tasks)`;
  return new StatesRuntimeError(
    `No handler for resource '${resource}'. ${hint}. Known tasks: ${tasks.length > 0 ? tasks.join(", ") : "(none)"}; known lambdas: ${lambdas.length > 0 ? lambdas.join(", ") : "(none)"}.`,
  );
}

/** The registry an execution has when it was given none: known empty, so it is never searched. */
export const noHandlers: Readonly<Record<string, never>> = Object.freeze({});

/**
 * The last binding a Task state made: executions that share a handler registry (`RunOptions.tasks` / `.lambdas`;
 * a server, a test suite, the CLI) bind each handler once rather than once per execution. A registry entry that
 * now holds another function binds again.
 */
export class BindingCache {
  registry: object | undefined = undefined;
  key = "";
  handler: unknown = undefined;
  bound: BoundHandler | undefined = undefined;

  /**
   * The binding made last, when `registry[key]` still holds its handler. No own-property check: the handler was
   * found as an own property when it was bound, and the same function turning up through the prototype chain instead
   * is not a case worth a lookup on every call.
   */
  get(registry: Readonly<Record<string, unknown>>, key: string): BoundHandler | undefined {
    if (this.registry !== registry || this.key !== key) return undefined;
    const handler = registry[key];
    return handler === this.handler && handler !== undefined ? this.bound : undefined;
  }

  set(registry: object, key: string, handler: unknown, bound: BoundHandler): BoundHandler {
    this.registry = registry;
    this.key = key;
    this.handler = handler;
    this.bound = bound;
    return bound;
  }
}

function registered<T>(registry: Readonly<Record<string, T>>, key: string): T | undefined {
  return registry !== noHandlers && Object.hasOwn(registry, key) ? registry[key] : undefined;
}

/**
 * The handler for a resource, `undefined` when none is registered (allowed only for `.waitForTaskToken`), or a
 * `States.Runtime` error naming the resource and the known handlers.
 */
export function bindHandler(runtime: ExecutionRuntime, resource: string, parsed: ParsedResource, payload: JsonValue, cache: BindingCache): BoundHandler | undefined {
  const tasks = runtime.tasks;
  // The binding made last, while its registry entry is unchanged (a task handler takes precedence over a function).
  const cached =
    tasks !== noHandlers && cache.registry === tasks
      ? cache.get(tasks, resource)
      : parsed.kind === "lambda-function" && (tasks === noHandlers || !Object.hasOwn(tasks, resource))
        ? cache.get(runtime.lambdas, parsed.functionName)
        : undefined;
  if (cached !== undefined) return cached;
  const task = registered(tasks, resource);
  if (task !== undefined) {
    return cache.set(tasks, resource, task, { context: taskHandlerContext, call: (input, context) => task(input, context), errorOf: toStatesError, wrap: identity });
  }
  const waitsForToken = (parsed.kind === "service" || parsed.kind === "lambda-invoke") && parsed.pattern === "waitForTaskToken";
  if (parsed.kind === "lambda-function") {
    const name = parsed.functionName;
    const lambda = registered(runtime.lambdas, name);
    if (lambda === undefined) throw unknownResource(runtime, resource, name);
    return cache.set(runtime.lambdas, name, lambda, {
      context: lambdaHandlerContext(name),
      call: (input, context, callRuntime) => invokeLambda(callRuntime, lambda, name, input, context),
      errorOf: lambdaError,
      wrap: identity,
    });
  }
  if (parsed.kind === "lambda-invoke") {
    const parameters = (typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : {}) as JsonObject;
    const target = parameters.FunctionName;
    if (typeof target !== "string") {
      throw new StatesRuntimeError(`The resource '${resource}' needs a 'FunctionName' parameter (a function name or ARN).`);
    }
    const name = functionNameOf(target);
    const lambda = registered(runtime.lambdas, name);
    if (lambda === undefined) {
      if (waitsForToken) return undefined;
      // With no function registered at all there is no Lambda to ask: a configuration mistake, reported as such.
      if (Object.keys(runtime.lambdas).length === 0) throw unknownResource(runtime, resource, name);
      return failingInvoke(() => functionNotFound(runtime, target));
    }
    const request = invokeEvent(parameters.Payload);
    if ("notJson" in request) {
      const message = `Could not parse request body into json: Could not parse payload into json: ${request.notJson}`;
      return failingInvoke(() => new LambdaServiceError(runtime, "InvalidRequestContentException", 400, message));
    }
    const event = request.event;
    return {
      context: lambdaHandlerContext(name),
      call: (_input, context, callRuntime) => invokeLambda(callRuntime, lambda, name, event, context),
      errorOf: lambdaError,
      wrap: (result) => invokeEnvelope(runtime, result),
    };
  }
  if (waitsForToken) return undefined;
  throw unknownResource(runtime, resource, undefined);
}
