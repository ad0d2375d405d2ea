/**
 * StartExecution, StartSyncExecution, DescribeExecution, StopExecution,
 * ListExecutions, GetExecutionHistory.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import { randomUUID } from "node:crypto";
import type { JsonValue } from "@statecraft/asl";
import {
  assertExecutionArn,
  assertValidName,
  executionArn,
  expressExecutionArn,
  isExpressExecutionArn,
  parseStateMachineArn,
} from "../arn.js";
import type { Operation, ServiceContext } from "../context.js";
import { apiError, ValidationException } from "../errors.js";
import type { TestCase } from "../mock-config.js";
import { decodeToken, encodeToken, pageSize } from "../pagination.js";
import { parseRequest } from "../request-validation.js";
import type { RunIdentity } from "../runner.js";
import {
  DescribeExecutionRequest,
  DescribeStateMachineForExecutionRequest,
  GetExecutionHistoryRequest,
  ListExecutionsRequest,
  StartExecutionRequest,
  StartSyncExecutionRequest,
  StopExecutionRequest,
} from "../schemas.js";
import type { ExecutionRecord, StateMachineRecord } from "../store.js";
import { epochSeconds, toWireEvent } from "../wire.js";
import { requireMachine } from "./state-machines.js";

const maxInputBytes = 262144;

/** Parses execution input: valid JSON of at most 256 KiB, else `InvalidExecutionInput`. */
function parseExecutionInput(text: string): JsonValue {
  // AWS's wording for an empty input (localstack test_sfn_api.py::test_invalid_start_execution_input, "start_res_empty").
  if (text === "") throw apiError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'Invalid execution input.'");
  if (Buffer.byteLength(text) > maxInputBytes) {
    throw apiError("InvalidExecutionInput", `Invalid State Machine Execution Input: larger than ${maxInputBytes} bytes`);
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw apiError("InvalidExecutionInput", `Invalid State Machine Execution Input: '${reason}'`);
  }
}

/** The mock test case a `#TestCase` suffix selects (Step Functions Local). */
export function findTestCase(context: ServiceContext, machineName: string, testCase: string | undefined):
  TestCase | undefined {
  if (testCase === undefined) return undefined;
  if (context.mockConfig === undefined) {
    throw new ValidationException(`Test case '${testCase}' requested but no mock configuration is loaded (use --mock-config or SFN_MOCK_CONFIG)`);
  }
  const found = context.mockConfig.testCase(machineName, testCase);
  if (found === undefined) {
    throw new ValidationException(`Test case '${testCase}' of state machine '${machineName}' is not in the mock configuration`);
  }
  return found;
}

function resolveTarget(context: ServiceContext, arn: string): { machine: StateMachineRecord; testCase?: string } {
  const parsed = parseStateMachineArn(arn, true);
  const machine = requireMachine(context, parsed.arn);
  if (machine.status === "DELETING") throw apiError("StateMachineDeleting", `State Machine is being deleted: '${machine.arn}'`);
  return parsed.testCase === undefined ? { machine } : { machine, testCase: parsed.testCase };
}

function identity(machine: StateMachineRecord, arn: string, name: string): RunIdentity {
  return { executionArn: arn, executionName: name, stateMachineArn: machine.arn, stateMachineName: machine.name,
    roleArn: machine.roleArn };
}

const startExecution: Operation = (context, body) => {
  const request = parseRequest(StartExecutionRequest, body);
  const { machine, testCase: testCaseName } = resolveTarget(context, request.stateMachineArn);
  const name = request.name ?? randomUUID();
  assertValidName(name, "execution");
  const inputText = request.input ?? "{}";
  const input = parseExecutionInput(inputText);
  const testCase = findTestCase(context, machine.name, testCaseName);
  if (machine.type === "EXPRESS") {
    const arn = expressExecutionArn(context.scope, machine.name, name, randomUUID());
    const startDate = context.now();
    // Express executions keep no history here, as on AWS (they log to CloudWatch Logs there).
    context.runner.runExpress(machine.definition, input, identity(machine, arn, name), testCase).done.catch(() => {});
    return { executionArn: arn, startDate: epochSeconds(startDate) };
  }
  const arn = executionArn(context.scope, machine.name, name);
  const existing = context.store.getExecution(arn);
  if (existing !== undefined) {
    // Idempotent for a running execution started with the same name and input.
    if (existing.status === "RUNNING" && existing.input === inputText) {
      return { executionArn: arn, startDate: epochSeconds(existing.startDate) };
    }
    throw apiError("ExecutionAlreadyExists", `Execution Already Exists: '${arn}'`);
  }
  const startDate = context.now();
  const fields = {
    arn, stateMachineArn: machine.arn, name, input: inputText, startDate, definition: machine.definition,
    roleArn: machine.roleArn,
    ...(testCaseName === undefined ? {} : { testCase: testCaseName }),
    ...(request.traceHeader === undefined ? {} : { traceHeader: request.traceHeader }),
  };
  const seq = context.store.insertExecution(fields);
  context.runner.startStandard({ ...fields, seq, status: "RUNNING" }, identity(machine, arn, name), testCase);
  return { executionArn: arn, startDate: epochSeconds(startDate) };
};

const startSyncExecution: Operation = async (context, body) => {
  const request = parseRequest(StartSyncExecutionRequest, body);
  const { machine, testCase: testCaseName } = resolveTarget(context, request.stateMachineArn);
  if (machine.type !== "EXPRESS") {
    // Wording recorded by localstack test_sfn_api.py::test_start_sync_execution ("start_sync_execution_error").
    throw apiError("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
  }
  const name = request.name ?? randomUUID();
  assertValidName(name, "execution");
  const inputText = request.input ?? "{}";
  const input = parseExecutionInput(inputText);
  const testCase = findTestCase(context, machine.name, testCaseName);
  const arn = expressExecutionArn(context.scope, machine.name, name, randomUUID());
  const result = await context.runner.runExpress(machine.definition, input, identity(machine, arn, name), testCase).done;
  const withData = request.includedData !== "METADATA_ONLY";
  const output = result.output === undefined ? undefined : JSON.stringify(result.output);
  return {
    executionArn: arn, stateMachineArn: machine.arn, name,
    startDate: epochSeconds(result.startDate.getTime()), stopDate: epochSeconds(result.stopDate.getTime()),
    status: result.status,
    ...(withData ? { input: inputText, inputDetails: { included: true } } : { inputDetails: { included: false } }),
    ...(withData && output !== undefined ? { output, outputDetails: { included: true } } : {}),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    ...(request.traceHeader === undefined ? {} : { traceHeader: request.traceHeader }),
  };
};

/**
 * The stored execution, or `InvalidArn` / `ExecutionDoesNotExist`. An EXPRESS
 * execution ARN is an `InvalidArn` for Describe/Stop/GetExecutionHistory, as AWS
 * answers (localstack test_sfn_api_express.py::test_start_async_describe_history_execution).
 */
function requireExecution(context: ServiceContext, arn: string): ExecutionRecord {
  assertExecutionArn(arn);
  if (isExpressExecutionArn(arn)) throw apiError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
  const record = context.store.getExecution(arn);
  if (record === undefined) throw apiError("ExecutionDoesNotExist", `Execution Does Not Exist: '${arn}'`);
  return record;
}

/**
 * Redrive members. Nothing is ever redriven here, so `redriveCount` is 0; AWS's
 * status and reason are recorded for a SUCCEEDED execution only (localstack
 * test_sfn_api.py::test_describe_execution, "ddescribe_execution"), so only that case says them.
 */
function redriveMembers(status: ExecutionRecord["status"]): object {
  return status === "SUCCEEDED"
    ? { redriveCount: 0, redriveStatus: "NOT_REDRIVABLE", redriveStatusReason: "Execution is SUCCEEDED and cannot be redriven" }
    : { redriveCount: 0 };
}

const describeExecution: Operation = (context, body) => {
  const request = parseRequest(DescribeExecutionRequest, body);
  const record = requireExecution(context, request.executionArn);
  const withData = request.includedData !== "METADATA_ONLY";
  return {
    executionArn: record.arn, stateMachineArn: record.stateMachineArn, name: record.name, status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate === undefined ? {} : { stopDate: epochSeconds(record.stopDate) }),
    ...(withData ? { input: record.input, inputDetails: { included: true } } : { inputDetails: { included: false } }),
    ...(withData && record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.cause === undefined ? {} : { cause: record.cause }),
    ...(record.traceHeader === undefined ? {} : { traceHeader: record.traceHeader }),
    ...redriveMembers(record.status),
  };
};

/**
 * The definition and role an execution ran with, and the machine's logging and
 * tracing configuration. Members as recorded against AWS (localstack
 * test_sfn_api.py::test_describe_state_machine_for_execution, "describe_resp"; encryptionConfiguration
 * as in test_sfn_api_variable_references.py, "describe_for_execution_response"):
 * `updateDate` is there even for a machine never updated (its creation date here).
 */
const describeStateMachineForExecution: Operation = (context, body) => {
  const request = parseRequest(DescribeStateMachineForExecutionRequest, body);
  const record = requireExecution(context, request.executionArn);
  const machine = requireMachine(context, record.stateMachineArn);
  const json = (text: string | undefined) => (text === undefined ? {} : (JSON.parse(text) as object));
  return {
    stateMachineArn: machine.arn, name: machine.name, definition: record.definition, roleArn: record.roleArn,
    updateDate: epochSeconds(machine.updateDate ?? machine.creationDate),
    loggingConfiguration: json(machine.loggingConfiguration), tracingConfiguration: json(machine.tracingConfiguration),
    encryptionConfiguration: json(machine.encryptionConfiguration),
    ...(machine.revisionId === undefined ? {} : { revisionId: machine.revisionId }),
  };
};

const stopExecution: Operation = async (context, body) => {
  const request = parseRequest(StopExecutionRequest, body);
  const record = requireExecution(context, request.executionArn);
  if (record.status === "RUNNING") await context.runner.stop(record.arn, request.error, request.cause);
  const after = context.store.getExecution(record.arn);
  return { stopDate: epochSeconds(after?.stopDate ?? context.now()) };
};

const listExecutions: Operation = (context, body) => {
  const request = parseRequest(ListExecutionsRequest, body);
  if (request.mapRunArn !== undefined) {
    throw new ValidationException("mapRunArn is not supported by this local server (Distributed Maps run, but their Map Runs are not API resources: no ListMapRuns or DescribeMapRun)");
  }
  if (request.stateMachineArn === undefined) throw new ValidationException("Must provide a StateMachine ARN or MapRun ARN");
  const { arn } = parseStateMachineArn(request.stateMachineArn);
  const machine = requireMachine(context, arn);
  if (machine.type === "EXPRESS") {
    // Wording recorded by localstack test_sfn_api_express.py::test_start_async_describe_history_execution.
    throw apiError("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
  }
  const before = decodeToken(`ListExecutions:${arn}`, request.nextToken);
  const size = pageSize(request.maxResults);
  // Nothing is ever redriven here, so these filters select nothing.
  const none = request.statusFilter === "PENDING_REDRIVE" || request.redriveFilter === "REDRIVEN";
  const status = request.statusFilter === "PENDING_REDRIVE" ? undefined : request.statusFilter;
  const rows = none ? [] : context.store.listExecutions(arn, status, before, size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    executions: page.map((e) => ({
      executionArn: e.arn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status,
      startDate: epochSeconds(e.startDate), ...(e.stopDate === undefined ? {} : { stopDate: epochSeconds(e.stopDate) }),
      // localstack test_sfn_api.py::test_state_machine_status_filter ("list_succeeded_when_complete").
      redriveCount: 0,
    })),
    ...(rows.length > size && last !== undefined ? { nextToken: encodeToken(`ListExecutions:${arn}`, last.seq) } : {}),
  };
};

const getExecutionHistory: Operation = (context, body) => {
  const request = parseRequest(GetExecutionHistoryRequest, body);
  const record = requireExecution(context, request.executionArn);
  const reverse = request.reverseOrder ?? false;
  const list = `GetExecutionHistory:${record.arn}:${reverse ? "reverse" : "forward"}`;
  const from = decodeToken(list, request.nextToken);
  const size = pageSize(request.maxResults);
  const rows = context.store.events(record.seq, { reverse, from, limit: size + 1 });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  const includeData = request.includeExecutionData ?? true;
  return {
    events: page.map((event) => toWireEvent(event, includeData)),
    ...(rows.length > size && last !== undefined ? { nextToken: encodeToken(list, last.id) } : {}),
  };
};

export const executionOperations: Readonly<Record<string, Operation>> = {
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  DescribeExecution: describeExecution,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  StopExecution: stopExecution,
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
};
