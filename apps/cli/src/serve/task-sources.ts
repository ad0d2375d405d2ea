/**
 * Where a run's Task resources go: the workspace's Lambda handlers by function
 * name, a Lambda-compatible endpoint, and Step Functions Local test-case mocks
 * (which take precedence for the states they name).
 */
import type { JsonValue, StateMachineDefinition } from "@statecraft/asl";
import type { MapObjectStore, RunOptions, TaskContext, TaskHandler } from "@statecraft/engine";
import { isDirectLambda, isLambdaInvoke, lambdaFunctionNames, functionNameOf, taskStates } from "./definition-walk.js";
import type { LambdaEndpoint } from "./lambda-endpoint.js";
import type { TestCase } from "./mock-config.js";

/** Task implementations available to the server. */
export interface TaskSources {
  /** Function name → handler (the workspace's Lambdas by default). */
  readonly lambdas: Readonly<Record<string, TaskHandler>>;
  /** When set, Lambda resources invoke this endpoint instead of `lambdas`. */
  readonly lambdaEndpoint?: LambdaEndpoint;
  /** Where Distributed Map `ItemReader`/`ResultWriter` read and write S3 objects. */
  readonly objectStore?: MapObjectStore;
}

/** A mocked `Throw`: the task fails with this error name and cause. */
export class MockedTaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** A test case mocks a state but not this invocation of it (Step Functions Local fails the execution too). */
export class MockNotCovered extends Error {
  override readonly name = "States.Runtime";
}

/** The Lambda handlers a definition's runs use (the engine only reads the registry, so it can be shared). */
export function lambdaRegistry(
  sources: TaskSources,
  definition: StateMachineDefinition,
): Readonly<Record<string, TaskHandler>> {
  const endpoint = sources.lambdaEndpoint;
  if (endpoint === undefined) return sources.lambdas;
  return Object.fromEntries(lambdaFunctionNames(definition).map((name) => [name, endpoint.handler(name)]));
}

/** Serializes a handler failure the way AWS Lambda reports it to Step Functions (the Cause JSON). */
function lambdaFailure(error: unknown): MockedTaskError {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  const trace = error instanceof Error && error.stack !== undefined ? error.stack.split("\n") : [];
  return new MockedTaskError(name, JSON.stringify({ errorType: name, errorMessage: message, trace }));
}

/**
 * Runs an unmocked Lambda task whose resource string is shared with a mocked
 * state (so it is routed through `tasks`): the same result shapes as the
 * engine's own Lambda handling.
 */
function unmockedLambda(resource: string, lambdas: Readonly<Record<string, TaskHandler>>): TaskHandler {
  return async (input: JsonValue, context: TaskContext) => {
    const invoke = isLambdaInvoke(resource);
    const params = typeof input === "object" && input !== null && !Array.isArray(input) ? input : {};
    const name = invoke ? functionNameOf(String(params.FunctionName ?? "")) : functionNameOf(resource);
    const fn = lambdas[name];
    if (fn === undefined) throw new MockNotCovered(`No Lambda function named '${name}' for state ${context.stateName}`);
    let result: JsonValue;
    try {
      result = await fn(invoke ? (params.Payload ?? null) : input, context);
    } catch (error) {
      throw lambdaFailure(error);
    }
    if (!invoke) return result;
    return { ExecutedVersion: "$LATEST", Payload: result, StatusCode: 200 };
  };
}

/**
 * The `tasks`/`lambdas` options of one run, given the definition's Lambda
 * registry (see {@link lambdaRegistry}). With a test case, every resource
 * used by a mocked state is routed through a handler that answers mocked
 * states by invocation count (retries included) and runs the others for real.
 */
export function taskOptions(
  lambdas: Readonly<Record<string, TaskHandler>>,
  definition: StateMachineDefinition,
  testCase?: TestCase,
): Pick<RunOptions, "tasks" | "lambdas"> {
  if (testCase === undefined) return { lambdas };
  const invocations = new Map<string, number>();
  const tasks: Record<string, TaskHandler> = {};
  for (const { resource } of taskStates(definition).filter((task) => testCase.has(task.name))) {
    const real = isDirectLambda(resource) || isLambdaInvoke(resource) ? unmockedLambda(resource, lambdas) : undefined;
    tasks[resource] = (input, context) => {
      const mocked = testCase.get(context.stateName);
      if (mocked === undefined) {
        if (real === undefined) throw new MockNotCovered(`State ${context.stateName} (${resource}) is not mocked`);
        return real(input, context);
      }
      const index = invocations.get(context.stateName) ?? 0;
      invocations.set(context.stateName, index + 1);
      const answer = mocked.answer(index);
      if (answer === undefined) {
        throw new MockNotCovered(`The test case has no mocked response for invocation ${index} of ${context.stateName}`);
      }
      if ("Return" in answer) return answer.Return;
      throw new MockedTaskError(answer.Throw.Error, answer.Throw.Cause ?? "");
    };
  }
  return { lambdas, tasks };
}
