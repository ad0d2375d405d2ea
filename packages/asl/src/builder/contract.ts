/**
 * Task contracts: what a Task state calls, what it accepts, what it returns and
 * which error names it may raise. The builder types every link from them.
 *
 * @see https://states-language.net/spec.html#task-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
import * as z from "zod";
import { BuilderError } from "./errors.js";

/** How the Task's `Resource` is called, which decides how the result looks. */
export type Integration =
  /** `Resource` is called with the state input; the result is its return value (direct Lambda ARN, activity, …). */
  | { readonly kind: "direct" }
  /** `arn:aws:states:::lambda:invoke` with `FunctionName`; the result is the Invoke envelope around the payload. */
  | { readonly kind: "lambda:invoke"; readonly functionName: string };

/**
 * A task the workflow can call. `In` is what the resource accepts, `Out` what
 * the state result is (for `lambda:invoke`, the Invoke envelope), `Err` the
 * error names its implementation may raise (`States.*` names are always allowed).
 */
export interface TaskContract<In extends z.ZodType, Out extends z.ZodType, Err extends string> {
  /** Default state name. */
  readonly name: string;
  readonly resource: string;
  readonly integration: Integration;
  readonly input: In;
  readonly output: Out;
  readonly errors: readonly Err[];
}

/** Any task contract. */
export type AnyTaskContract = TaskContract<z.ZodType, z.ZodType, string>;

/** What a task accepts (the zod input type of its input schema). */
export type TaskInput<T> = T extends TaskContract<infer In, z.ZodType, string> ? z.input<In> : never;
/** What a task produces as its state result. */
export type TaskOutput<T> = T extends TaskContract<z.ZodType, infer Out, string> ? z.output<Out> : never;
/** The error names a task declares. */
export type TaskErrors<T> = T extends TaskContract<z.ZodType, z.ZodType, infer E> ? E : never;

/** Options of {@link defineTask}. */
export interface TaskDefinition<In extends z.ZodType, Out extends z.ZodType, Err extends string> {
  /** Default state name (may be overridden where the task is placed). */
  readonly name: string;
  /** The `Resource` ARN. */
  readonly resource: string;
  readonly input: In;
  readonly output: Out;
  /** Error names the implementation may raise, e.g. `["InvalidInput"]`. @default [] */
  readonly errors?: readonly Err[];
}

/** Declares a task called through its `Resource` directly (direct Lambda ARN, activity ARN, …). */
export function defineTask<In extends z.ZodType, Out extends z.ZodType, Err extends string = never>(
  definition: TaskDefinition<In, Out, Err>,
): TaskContract<In, Out, Err> {
  checkErrorNames(definition.name, definition.errors ?? []);
  return {
    name: definition.name,
    resource: definition.resource,
    integration: { kind: "direct" },
    input: definition.input,
    output: definition.output,
    errors: definition.errors ?? [],
  };
}

/** Parts of a Lambda function ARN. */
export interface LambdaFunctionRef {
  readonly region: string;
  readonly account: string;
  readonly functionName: string;
  /** Version or alias. */
  readonly qualifier?: string;
  /** @default "aws" */
  readonly partition?: string;
}

/** `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`. */
export function lambdaFunctionArn(ref: LambdaFunctionRef): string {
  const base = `arn:${ref.partition ?? "aws"}:lambda:${ref.region}:${ref.account}:function:${ref.functionName}`;
  return ref.qualifier === undefined ? base : `${base}:${ref.qualifier}`;
}

/** Errors Lambda itself may raise, besides the function's own. @see https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html */
export const lambdaServiceErrors = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.ClientExecutionTimeoutException",
  "Lambda.TooManyRequestsException",
  "Lambda.Unknown",
] as const;

/** A Lambda service error name. */
export type LambdaServiceError = (typeof lambdaServiceErrors)[number];

/** Options of {@link lambdaTask} and {@link lambdaInvokeTask}. */
export interface LambdaTaskDefinition<In extends z.ZodType, Out extends z.ZodType, Err extends string> {
  /** Default state name. */
  readonly name: string;
  /** The function ARN (or, for `lambda:invoke`, also a name or `name:alias`). */
  readonly functionArn: string;
  readonly input: In;
  readonly output: Out;
  /** Error names the function throws (`error.name`). @default [] */
  readonly errors?: readonly Err[];
}

/**
 * A Lambda function called by its ARN as `Resource`: the state input is the
 * event and the state result is the function's return value.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export function lambdaTask<In extends z.ZodType, Out extends z.ZodType, Err extends string = never>(
  definition: LambdaTaskDefinition<In, Out, Err>,
): TaskContract<In, Out, Err | LambdaServiceError> {
  checkErrorNames(definition.name, definition.errors ?? []);
  return {
    name: definition.name,
    resource: definition.functionArn,
    integration: { kind: "direct" },
    input: definition.input,
    output: definition.output,
    errors: [...(definition.errors ?? []), ...lambdaServiceErrors],
  };
}

/** The Lambda Invoke response that `arn:aws:states:::lambda:invoke` returns as the state result. */
export function lambdaInvokeEnvelope<Out extends z.ZodType>(payload: Out) {
  return z.object({
    ExecutedVersion: z.string(),
    Payload: payload,
    SdkHttpMetadata: z.object({
      AllHttpHeaders: z.record(z.string(), z.array(z.string())).optional(),
      HttpHeaders: z.record(z.string(), z.string()).optional(),
      HttpStatusCode: z.number(),
    }),
    SdkResponseMetadata: z.object({ RequestId: z.string() }),
    StatusCode: z.number(),
  });
}

/** The schema type of {@link lambdaInvokeEnvelope}. */
export type LambdaInvokeEnvelope<Out extends z.ZodType> = ReturnType<typeof lambdaInvokeEnvelope<Out>>;

/** The ARN of the optimized Lambda integration. */
export const lambdaInvokeResource = "arn:aws:states:::lambda:invoke";

/**
 * A Lambda function called through `arn:aws:states:::lambda:invoke`: the state
 * input becomes `Payload`, and the result is the Invoke envelope whose
 * `Payload` is the function's return value (select it with `outputPath`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export function lambdaInvokeTask<In extends z.ZodType, Out extends z.ZodType, Err extends string = never>(
  definition: LambdaTaskDefinition<In, Out, Err>,
): TaskContract<In, LambdaInvokeEnvelope<Out>, Err | LambdaServiceError> {
  checkErrorNames(definition.name, definition.errors ?? []);
  return {
    name: definition.name,
    resource: lambdaInvokeResource,
    integration: { kind: "lambda:invoke", functionName: definition.functionArn },
    input: definition.input,
    output: lambdaInvokeEnvelope(definition.output),
    errors: [...(definition.errors ?? []), ...lambdaServiceErrors],
  };
}

/** User error names must not use the reserved `States.` prefix. */
function checkErrorNames(task: string, errors: readonly string[]): void {
  const reserved = errors.filter((error) => error.startsWith("States."));
  if (reserved.length > 0) {
    throw new BuilderError(`task "${task}" declares reserved error names: ${reserved.join(", ")}`);
  }
}
