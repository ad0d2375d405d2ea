/**
 * TestState's verdict on one run of a state (run with its Retry and Catch
 * removed): SUCCEEDED with the next state, or for a failure RETRIABLE (a
 * retrier matches), CAUGHT_ERROR (a catcher matches; the output is computed as
 * the catcher would) or FAILED; plus the DEBUG inspection data of JSONPath
 * states from the engine's I/O pipeline steps.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
import type { JsonObject, JsonValue, State } from "@statecraft/asl";
import {
  applyInputPath,
  applyParameters,
  applyResultPath,
  applyResultSelector,
  DataLimitExceeded,
  type ExecutionResult,
  errorMatches,
  evaluateTemplate,
  type HistoryEvent,
  StatesError,
  StatesRuntimeError,
} from "@statecraft/engine";

/** The response members TestState computes. */
export interface TestStateVerdict {
  status: "SUCCEEDED" | "FAILED" | "RETRIABLE" | "CAUGHT_ERROR";
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
}

function details(event: HistoryEvent): Record<string, unknown> {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && typeof value === "object" && value !== null) {
      return value as Record<string, unknown>;
    }
  }
  return {};
}

/** Rebuilds the engine error a failure name stands for, with its matching rules (Runtime/DataLimit are special). */
function statesError(name: string, cause: string): StatesError {
  if (name === "States.Runtime") return new StatesRuntimeError(cause);
  if (name === "States.DataLimitExceeded") return new DataLimitExceeded(cause);
  return new StatesError(name, cause);
}

/** Whether the first retrier matching the error would retry it (MaxAttempts defaults to 3; 0 never retries). */
function retriable(state: State, error: StatesError): boolean {
  const retriers = "Retry" in state && Array.isArray(state.Retry) ? state.Retry : [];
  const retrier = retriers.find((r) => errorMatches(r.ErrorEquals, error));
  return retrier !== undefined && (retrier.MaxAttempts ?? 3) > 0;
}

async function catchOutput(
  catcher: { ResultPath?: string | null; Output?: JsonValue },
  jsonata: boolean,
  input: JsonValue,
  errorOutput: JsonObject,
): Promise<JsonValue> {
  if (!jsonata) return applyResultPath(input, errorOutput, catcher.ResultPath);
  if (catcher.Output === undefined) return errorOutput;
  return evaluateTemplate(catcher.Output, { states: { input, context: {}, errorOutput } }, { field: "Output" });
}

/** Interprets the run of the wrapper machine whose only real state is `name`. */
export async function verdict(
  result: ExecutionResult,
  name: string,
  state: State,
  input: JsonValue,
  jsonata: boolean,
): Promise<TestStateVerdict> {
  if (result.status === "SUCCEEDED") {
    const next = result.history.find((e) => e.type.endsWith("StateEntered") && details(e).name !== name);
    const nextName = next === undefined ? undefined : details(next).name;
    return {
      status: "SUCCEEDED",
      output: JSON.stringify(result.output ?? null),
      ...(typeof nextName === "string" ? { nextState: nextName } : {}),
    };
  }
  const errorName = result.error ?? "States.Runtime";
  const cause = result.cause ?? "";
  const failure = { error: errorName, cause };
  const error = statesError(errorName, cause);
  if (retriable(state, error)) return { status: "RETRIABLE", ...failure };
  const catchers = "Catch" in state && Array.isArray(state.Catch) ? state.Catch : [];
  const catcher = catchers.find((c) => errorMatches(c.ErrorEquals, error));
  if (catcher === undefined) return { status: "FAILED", ...failure };
  const output = await catchOutput(catcher, jsonata, input, { Error: errorName, Cause: cause });
  return { status: "CAUGHT_ERROR", ...failure, output: JSON.stringify(output), nextState: catcher.Next };
}

/** The task result of the run: the output of its `…Succeeded` task event. */
function taskResult(history: readonly HistoryEvent[]): JsonValue | undefined {
  const succeeded = history.find((e) => /^(Task|LambdaFunction|Activity)Succeeded$/.test(e.type));
  const output = succeeded === undefined ? undefined : details(succeeded).output;
  return typeof output === "string" ? (JSON.parse(output) as JsonValue) : undefined;
}

/** The parameters the engine actually sent (`TaskScheduled.parameters` or `LambdaFunctionScheduled.input`). */
function sentParameters(history: readonly HistoryEvent[]): JsonValue | undefined {
  const scheduled = history.find((e) => e.type === "TaskScheduled" || e.type === "LambdaFunctionScheduled");
  if (scheduled === undefined) return undefined;
  const d = details(scheduled);
  const text = scheduled.type === "TaskScheduled" ? d.parameters : d.input;
  return typeof text === "string" ? (JSON.parse(text) as JsonValue) : undefined;
}

/**
 * DEBUG inspection data: each JSONPath pipeline step's value as JSON text,
 * as far as the pipeline got. JSONata states report their input and result.
 */
export function inspectionData(
  state: State,
  input: JsonValue,
  result: ExecutionResult,
  jsonata: boolean,
): Record<string, string> {
  const data: Record<string, string> = { input: JSON.stringify(input) };
  const taskOutput = state.Type === "Task" ? taskResult(result.history) : undefined;
  if (jsonata) {
    if (taskOutput !== undefined) data.result = JSON.stringify(taskOutput);
    return data;
  }
  try {
    const fields = state as State & { InputPath?: string | null; Parameters?: JsonObject; ResultSelector?: JsonObject;
      ResultPath?: string | null; Result?: JsonValue };
    if (state.Type === "Fail") return data;
    const afterInputPath = applyInputPath(input, fields.InputPath);
    data.afterInputPath = JSON.stringify(afterInputPath);
    if (state.Type === "Choice" || state.Type === "Wait" || state.Type === "Succeed") return data;
    const afterParameters = sentParameters(result.history) ?? applyParameters(afterInputPath, fields.Parameters);
    data.afterParameters = JSON.stringify(afterParameters);
    const stepResult = state.Type === "Pass" ? (fields.Result ?? afterParameters) : taskOutput;
    if (stepResult === undefined) return data;
    data.result = JSON.stringify(stepResult);
    const afterResultSelector = state.Type === "Pass" ? stepResult : applyResultSelector(stepResult, fields.ResultSelector);
    data.afterResultSelector = JSON.stringify(afterResultSelector);
    data.afterResultPath = JSON.stringify(applyResultPath(input, afterResultSelector, fields.ResultPath));
  } catch {
    // A step failed: the run reports the error; the data shows how far the pipeline got.
  }
  return data;
}
