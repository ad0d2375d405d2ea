/**
 * TestState: runs one state (given alone, or by `stateName` in a whole
 * machine) with an input, optionally mocking its task, and reports output,
 * next state, status and (DEBUG/TRACE) inspection data. Runs on the engine
 * inside a throwaway machine whose transition targets are Succeed states.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
import { type JsonValue, type State, type StateMachineDefinition, validateDefinition } from "@statecraft/asl";
import type { TaskHandler } from "@statecraft/engine";
import type { Operation } from "../context.js";
import { apiError, ValidationException } from "../errors.js";
import { parseRequest } from "../request-validation.js";
import { invalidDefinition, parseDefinitionText } from "../definition.js";
import { TestStateRequest } from "../schemas.js";
import { MockedTaskError } from "../task-sources.js";
import { inspectionData, verdict } from "./test-state-outcome.js";

/** Request members this server cannot honour: refused by name rather than ignored. */
function refuseUnsupported(request: TestStateRequest): void {
  const unsupported = (["variables", "context", "stateConfiguration"] as const).filter((k) => request[k] !== undefined);
  if (unsupported.length > 0) {
    throw new ValidationException(`${unsupported.join(", ")} ${unsupported.length === 1 ? "is" : "are"} not supported by this local server`);
  }
  const mode = request.mock?.fieldValidationMode;
  if (mode === "STRICT" || mode === "PRESENT") {
    throw new ValidationException(`mock.fieldValidationMode ${mode} needs AWS API models this local server does not have; use NONE`);
  }
}

/** The state under test, its name, and the machine's query language. */
function selectState(text: string, stateName: string | undefined): { name: string; state: State; jsonata: boolean } {
  const definition = parseDefinitionText(text) as Partial<StateMachineDefinition> & { Type?: unknown };
  if (definition.States !== undefined) {
    if (stateName === undefined) throw new ValidationException("stateName is required when definition is a whole state machine");
    const state = Object.hasOwn(definition.States, stateName) ? definition.States[stateName] : undefined;
    if (state === undefined) throw new ValidationException(`State '${stateName}' is not in the definition`);
    const language = state.QueryLanguage ?? definition.QueryLanguage;
    return { name: stateName, state, jsonata: language === "JSONata" };
  }
  if (stateName !== undefined) throw new ValidationException("stateName needs a whole state machine as definition");
  if (typeof definition.Type !== "string") {
    throw apiError("InvalidDefinition", "Invalid State Definition: 'SCHEMA_VALIDATION_FAILED: missing Type at /Type'");
  }
  const state = definition as unknown as State;
  return { name: "TestState", state, jsonata: state.QueryLanguage === "JSONata" };
}

/** The targets the state can move to, its catchers' included when `withCatch`. */
function targets(state: State, name: string, withCatch: boolean): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && value !== name) found.add(value);
  };
  if ("Next" in state) add(state.Next);
  if (state.Type === "Choice") {
    add(state.Default);
    for (const rule of state.Choices) add(rule.Next);
  }
  if (withCatch && "Catch" in state) for (const catcher of state.Catch ?? []) add(catcher.Next);
  return [...found];
}

/** A machine of the state and a Succeed placeholder for each of its targets. */
function machineOf(name: string, state: State, jsonata: boolean, withCatch: boolean): StateMachineDefinition {
  const states: Record<string, State> = { [name]: { ...state, QueryLanguage: jsonata ? "JSONata" : "JSONPath" } as State };
  for (const target of targets(state, name, withCatch)) states[target] = { Type: "Succeed" };
  return { StartAt: name, States: states };
}

/**
 * Checks the state as written (Retry and Catch included), then returns the
 * machine that runs it once: without Retry and Catch, which TestState decides.
 */
function wrap(name: string, state: State, jsonata: boolean): StateMachineDefinition {
  const problems = validateDefinition(machineOf(name, state, jsonata, true));
  if (problems.length > 0) throw invalidDefinition(problems);
  const { Retry: _retry, Catch: _catch, ...bare } = state as State & { Retry?: unknown; Catch?: unknown };
  return machineOf(name, bare as State, jsonata, false);
}

function mockHandler(mock: TestStateRequest["mock"]): TaskHandler | undefined {
  if (mock === undefined) return undefined;
  if ((mock.result === undefined) === (mock.errorOutput === undefined)) {
    throw new ValidationException("mock needs exactly one of result and errorOutput");
  }
  if (mock.errorOutput !== undefined) {
    const { error = "", cause = "" } = mock.errorOutput;
    return () => {
      throw new MockedTaskError(error, cause);
    };
  }
  let result: JsonValue;
  try {
    result = JSON.parse(mock.result ?? "null") as JsonValue;
  } catch {
    throw new ValidationException("mock.result is not valid JSON");
  }
  return () => result;
}

function parseInput(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw apiError("InvalidExecutionInput", `Invalid input: '${error instanceof Error ? error.message : String(error)}'`);
  }
}

const testState: Operation = async (context, body) => {
  const request = parseRequest(TestStateRequest, body);
  refuseUnsupported(request);
  const { name, state, jsonata } = selectState(request.definition, request.stateName);
  const input = parseInput(request.input ?? "{}");
  const mocked = mockHandler(request.mock);
  if (mocked !== undefined && state.Type !== "Task") throw new ValidationException("mock applies to Task states only");
  const tasks = mocked !== undefined && state.Type === "Task" ? { [state.Resource]: mocked } : {};
  const machineName = "TestState";
  const executionArn = `arn:aws:states:${context.scope.region}:${context.scope.account}:execution:${machineName}:${name}`;
  const result = await context.runner.testRun(wrap(name, state, jsonata), input, {
    executionArn, executionName: name, stateMachineName: machineName, roleArn: request.roleArn ?? "",
    stateMachineArn: `arn:aws:states:${context.scope.region}:${context.scope.account}:stateMachine:${machineName}`,
  }, { tasks, clock: state.Type === "Wait" ? "virtual" : "real", maxHistoryEvents: 1000 });
  const outcome = await verdict(result, name, state, input, jsonata);
  const level = request.inspectionLevel ?? "INFO";
  return { ...outcome, ...(level === "INFO" ? {} : { inspectionData: inspectionData(state, input, result, jsonata) }) };
};

export const testStateOperations: Readonly<Record<string, Operation>> = { TestState: testState };
