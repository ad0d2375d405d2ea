/**
 * Responses checked against API calls recorded against AWS. Each case cites
 * the recording: a test of `tests/aws/services/stepfunctions/v2/*.py` in the
 * localstack/localstack repository and the snapshot key in its `.snapshot.json`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.js";
import { rawCall, roleArn } from "./testing/fixtures.js";

let server: RunningServer;
const prefix = "arn:aws:states:us-east-1:123456789012";
const pass = (arg: string) => JSON.stringify({
  StartAt: "State_1",
  States: { State_1: { Type: "Pass", Result: { Arg1: arg }, End: true } },
});
const waitLong = JSON.stringify({ StartAt: "State_1", States: { State_1: { Type: "Wait", Seconds: 600, End: true } } });

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

async function call(operation: string, body: object) {
  return rawCall(server.url, `AWSStepFunctions.${operation}`, JSON.stringify(body));
}

async function create(name: string, definition = pass("argument1"), type = "STANDARD"): Promise<string> {
  const response = await call("CreateStateMachine", { name, definition, roleArn, type });
  expect(response.status).toBe(200);
  return String(response.body.stateMachineArn);
}

async function settle(executionArn: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const response = await call("DescribeExecution", { executionArn });
    if (response.body.status !== "RUNNING") return response.body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`execution ${executionArn} did not finish`);
}

function errorOf(response: { status: number; body: Record<string, unknown> }): { code: string; message: unknown } {
  expect(response.status).toBe(400);
  return { code: String(response.body.__type).split("#")[1] ?? "", message: response.body.message };
}

describe("responses as recorded against AWS", () => {
  // test_sfn_api.py::test_describe_invalid_arn_sm, test_list_execution_invalid_arn,
  // test_describe_execution_invalid_arn, test_get_execution_history_invalid_arn ("exception").
  it.each([
    ["DescribeStateMachine", { stateMachineArn: "not_a_valid_arn" }, "not_a_valid_arn"],
    ["ListExecutions", { stateMachineArn: "invalid_state_machine_arn" }, "invalid_state_machine_arn"],
    ["DescribeExecution", { executionArn: "invalid_state_machine_arn" }, "invalid_state_machine_arn"],
    ["GetExecutionHistory", { executionArn: "invalid_state_machine_arn" }, "invalid_state_machine_arn"],
  ])("%s of a string that is no ARN: InvalidArn naming the prefix", async (operation, body, arn) => {
    expect(errorOf(await call(operation, body))).toEqual({
      code: "InvalidArn",
      message: `Invalid Arn: 'Invalid ARN prefix: ${arn}'`,
    });
  });

  // test_sfn_api.py::test_start_sync_execution ("start_sync_execution_error").
  it("StartSyncExecution of a STANDARD machine: StateMachineTypeNotSupported", async () => {
    const arn = await create("standard-sync");
    expect(errorOf(await call("StartSyncExecution", { stateMachineArn: arn, input: "{}", name: "SyncExecution" })))
      .toEqual({ code: "StateMachineTypeNotSupported", message: "This operation is not supported by this type of state machine" });
  });

  // test_sfn_api.py::test_create_update_state_machine_base_update_none ("missing_required_parameter").
  it("UpdateStateMachine with nothing to update: MissingRequiredParameter", async () => {
    const arn = await create("update-none");
    expect(errorOf(await call("UpdateStateMachine", { stateMachineArn: arn }))).toEqual({
      code: "MissingRequiredParameter",
      message: "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified",
    });
  });

  // test_sfn_api.py::test_create_update_state_machine_same_parameters: an update that changes
  // nothing keeps the revisionId ("update_state_machine_res_t2" and "describe_resp_t2" carry <uuid:1>).
  it("UpdateStateMachine with the current values keeps the revisionId", async () => {
    const definition = pass("argument1");
    const arn = await create("update-same", definition);
    const otherRole = "arn:aws:iam::123456789012:role/other";
    const first = await call("UpdateStateMachine", { stateMachineArn: arn, roleArn: otherRole });
    const second = await call("UpdateStateMachine", { stateMachineArn: arn, definition, roleArn: otherRole });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(typeof second.body.updateDate).toBe("number");
    expect(second.body.revisionId).toBe(first.body.revisionId);
    const described = await call("DescribeStateMachine", { stateMachineArn: arn });
    expect(described.body).toMatchObject({ revisionId: first.body.revisionId, roleArn: otherRole });
    // test_create_update_state_machine_base_definition: a real change makes a new revision (<uuid:2>).
    const third = await call("UpdateStateMachine", { stateMachineArn: arn, definition: pass("AfterUpdate2") });
    expect(third.body.revisionId).not.toBe(first.body.revisionId);
  });

  // test_sfn_api.py::test_describe_execution ("ddescribe_execution") and
  // test_state_machine_status_filter ("list_succeeded_when_complete").
  it("DescribeExecution and ListExecutions carry the redrive members", async () => {
    const arn = await create("redrive-members");
    const started = await call("StartExecution", { stateMachineArn: arn });
    const described = await settle(String(started.body.executionArn));
    expect(described).toMatchObject({
      status: "SUCCEEDED",
      output: JSON.stringify({ Arg1: "argument1" }),
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: "NOT_REDRIVABLE",
      redriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
    });
    const listed = await call("ListExecutions", { stateMachineArn: arn, statusFilter: "SUCCEEDED" });
    expect(listed.body.executions).toEqual([
      expect.objectContaining({ executionArn: started.body.executionArn, status: "SUCCEEDED", redriveCount: 0 }),
    ]);
  });

  it("a RUNNING execution says redriveCount 0 and nothing about redrive status", async () => {
    const arn = await create("redrive-running", waitLong);
    const started = await call("StartExecution", { stateMachineArn: arn });
    const described = await call("DescribeExecution", { executionArn: started.body.executionArn });
    expect(described.body).toMatchObject({ status: "RUNNING", redriveCount: 0 });
    expect(described.body).not.toHaveProperty("redriveStatus");
    await call("StopExecution", { executionArn: started.body.executionArn });
  });

  // test_sfn_api.py::test_state_machine_status_filter ("list_executions_filter_exc").
  it("ListExecutions with a lower-case status filter: the enum listed in AWS's order", async () => {
    const arn = await create("status-filter");
    expect(errorOf(await call("ListExecutions", { stateMachineArn: arn, statusFilter: "succeeded" })).message).toBe(
      "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    );
  });

  // test_sfn_api.py::test_invalid_start_execution_input ("start_res_empty", "start_res_num", "start_res_str", "start_res_null").
  it("StartExecution with an empty input: InvalidExecutionInput; scalars are accepted", async () => {
    const arn = await create("input-kinds");
    expect(errorOf(await call("StartExecution", { stateMachineArn: arn, input: "" }))).toEqual({
      code: "InvalidExecutionInput",
      message: "Invalid State Machine Execution Input: 'Invalid execution input.'",
    });
    for (const input of ["2", '"some text"', "null"]) {
      expect((await call("StartExecution", { stateMachineArn: arn, input })).status).toBe(200);
    }
  });

  // test_sfn_api.py::test_list_sms_pagination ("list-state-machines-page-1", "-page-2"): machines
  // statemachine_0_… to statemachine_12_… come back ordered by name (0, 10, 11, 12, 1, 2, …).
  it("ListStateMachines pages through machines in name order", async () => {
    const names = Array.from({ length: 13 }, (_, i) => `statemachine_${i}_x`);
    for (const name of names) await create(name);
    const listed: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call("ListStateMachines", { maxResults: 5, ...(nextToken === undefined ? {} : { nextToken }) });
      const machines = page.body.stateMachines as { name: string }[];
      expect(machines.length).toBeGreaterThan(0);
      expect(machines.length).toBeLessThanOrEqual(5);
      listed.push(...machines.map((m) => m.name));
      nextToken = page.body.nextToken as string | undefined;
    } while (nextToken !== undefined);
    expect(listed.filter((name) => names.includes(name))).toEqual([
      "statemachine_0_x", "statemachine_10_x", "statemachine_11_x", "statemachine_12_x", "statemachine_1_x",
      "statemachine_2_x", "statemachine_3_x", "statemachine_4_x", "statemachine_5_x", "statemachine_6_x",
      "statemachine_7_x", "statemachine_8_x", "statemachine_9_x",
    ]);
    expect(listed).toEqual([...listed].sort());
  });

  // test_sfn_api_express.py::test_start_async_describe_history_execution ("list_executions_error",
  // "describe_execution_error", "stop_execution_error", "get_execution_history_error").
  it("an EXPRESS execution ARN is no ARN for Describe/Stop/GetExecutionHistory; ListExecutions refuses EXPRESS", async () => {
    const arn = await create("express-async", pass("argument1"), "EXPRESS");
    const started = await call("StartExecution", { stateMachineArn: arn });
    expect(String(started.body.executionArn)).toMatch(/:express:express-async:/);
    const invalid = { code: "InvalidArn", message: "Invalid Arn: 'Resource type not valid in this context: express'" };
    const executionArn = started.body.executionArn;
    expect(errorOf(await call("DescribeExecution", { executionArn }))).toEqual(invalid);
    expect(errorOf(await call("StopExecution", { executionArn }))).toEqual(invalid);
    expect(errorOf(await call("GetExecutionHistory", { executionArn }))).toEqual(invalid);
    expect(errorOf(await call("ListExecutions", { stateMachineArn: arn }))).toEqual({
      code: "StateMachineTypeNotSupported", message: "This operation is not supported by this type of state machine",
    });
  });

  // test_sfn_api_express.py::test_illegal_callbacks[WAIT_FOR_TASK_TOKEN], [SYNC], test_illegal_activity_task
  // ("creation_error"); test_sfn_api_validation.py::test_validate_state_machine_definition_type_express[ILLEGAL_WFTT].
  it.each([
    ["Publish", "arn:aws:states:::sns:publish.waitForTaskToken",
      "Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource"],
    ["StartExecution", "arn:aws:states:::states:startExecution.sync",
      "Express state machine does not support '.sync' service integration at /States/StartExecution/Resource"],
    ["ActivityTask", `${prefix}:activity:my-activity`,
      "Express state machine does not support Activity ARN at /States/ActivityTask/Resource"],
  ])("an EXPRESS machine with a %s task that waits: InvalidDefinition", async (state, resource, problem) => {
    const definition = JSON.stringify({ StartAt: state, States: { [state]: { Type: "Task", Resource: resource, End: true } } });
    const created = await call("CreateStateMachine", { name: `express-${state}`, definition, roleArn, type: "EXPRESS" });
    expect(errorOf(created)).toEqual({
      code: "InvalidDefinition", message: `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ${problem}'`,
    });
    // The same definition is fine for a STANDARD machine.
    expect((await call("CreateStateMachine", { name: `standard-${state}`, definition, roleArn })).status).toBe(200);
  });

  it("ValidateStateMachineDefinition of type EXPRESS reports a .waitForTaskToken task", async () => {
    const definition = JSON.stringify({
      StartAt: "SendMessageWithWait",
      States: { SendMessageWithWait: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true } },
    });
    const express = await call("ValidateStateMachineDefinition", { definition, type: "EXPRESS" });
    expect(express.body).toEqual({
      result: "FAIL",
      diagnostics: [{
        code: "SCHEMA_VALIDATION_FAILED", location: "/States/SendMessageWithWait/Resource", severity: "ERROR",
        message: "Express state machine does not support '.waitForTaskToken' service integration ",
      }],
      truncated: false,
    });
    const standard = await call("ValidateStateMachineDefinition", { definition, type: "STANDARD" });
    expect(standard.body.result).toBe("OK");
  });

  // test_sfn_api_tagging.py::test_tag_state_machine[tag_list0..4], test_untag_state_machine[tag_keys0..3],
  // test_create_state_machine, test_tag_state_machine_version ("list_resources_res", "error").
  it("tags a state machine, untags it and lists its tags", async () => {
    const arn = await create("tagged");
    const tags = async () => (await call("ListTagsForResource", { resourceArn: arn })).body.tags;
    expect(await tags()).toEqual([]);
    expect(await call("TagResource", { resourceArn: arn, tags: [] })).toMatchObject({ status: 200, body: {} });
    expect(await tags()).toEqual([]);
    await call("TagResource", { resourceArn: arn, tags: [{ key: "key1", value: "value1" }, { key: "key1", value: "value1" }] });
    expect(await tags()).toEqual([{ key: "key1", value: "value1" }]);
    await call("TagResource", { resourceArn: arn, tags: [{ key: "key2", value: "value2" }] });
    expect(await tags()).toEqual([{ key: "key1", value: "value1" }, { key: "key2", value: "value2" }]);
    expect(await call("UntagResource", { resourceArn: arn, tagKeys: [] })).toMatchObject({ status: 200, body: {} });
    expect(await tags()).toHaveLength(2);
    await call("UntagResource", { resourceArn: arn, tagKeys: ["key1", "key1", "key3"] });
    expect(await tags()).toEqual([{ key: "key2", value: "value2" }]);
    await call("TagResource", { resourceArn: arn, tags: [{ key: "key2", value: "" }] });
    expect(await tags()).toEqual([{ key: "key2", value: "" }]);

    const created = await call("CreateStateMachine", {
      name: "tagged-at-creation", definition: pass("argument1"), roleArn,
      tags: [{ key: "key1", value: "value1" }, { key: "key2", value: "value2" }],
    });
    expect((await call("ListTagsForResource", { resourceArn: created.body.stateMachineArn })).body.tags).toEqual([
      { key: "key1", value: "value1" }, { key: "key2", value: "value2" },
    ]);

    const version = `${arn}:1`;
    expect(errorOf(await call("TagResource", { resourceArn: version, tags: [{ key: "key1", value: "value1" }] })))
      .toEqual({ code: "ResourceNotFound", message: `Resource not found: '${version}'` });
  });

  // test_sfn_api_logs.py::test_invalid_logging_configuration, test_multiple_destinations,
  // test_incomplete_logging_configuration, test_update_logging_configuration.
  it("a logging level without exactly one destination: InvalidLoggingConfiguration", async () => {
    const destination = (n: number) => ({
      cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:us-east-1:123456789012:log-group:group${n}:*` },
    });
    const invalid = {
      code: "InvalidLoggingConfiguration",
      message: "Invalid Logging Configuration: Must specify exactly one Log Destination.",
    };
    const createWith = (name: string, loggingConfiguration: object) =>
      call("CreateStateMachine", { name, definition: pass("argument1"), roleArn, loggingConfiguration });
    for (const level of ["ALL", "FATAL", "ERROR"]) {
      expect(errorOf(await createWith(`logs-${level}`, { level }))).toEqual(invalid);
    }
    expect(errorOf(await createWith("logs-two", { level: "ALL", destinations: [destination(1), destination(2)] })))
      .toEqual(invalid);

    const incomplete = await createWith("logs-incomplete", { destinations: [] });
    expect((await call("DescribeStateMachine", { stateMachineArn: incomplete.body.stateMachineArn })).body
      .loggingConfiguration).toEqual({ destinations: [], includeExecutionData: false, level: "OFF" });

    const logging = { level: "ALL", includeExecutionData: true, destinations: [destination(1)] };
    const created = await createWith("logs-update", logging);
    const stateMachineArn = created.body.stateMachineArn;
    const first = await call("UpdateStateMachine", { stateMachineArn, loggingConfiguration: { ...logging, level: "FATAL" } });
    const same = await call("UpdateStateMachine", { stateMachineArn, loggingConfiguration: { ...logging, level: "FATAL" } });
    expect(same.body.revisionId).toBe(first.body.revisionId);
    const described = await call("DescribeStateMachine", { stateMachineArn });
    expect(described.body.loggingConfiguration).toEqual({ ...logging, level: "FATAL" });
    expect(errorOf(await call("UpdateStateMachine", {
      stateMachineArn, loggingConfiguration: { ...logging, destinations: [destination(1), destination(2)] },
    }))).toEqual(invalid);
    expect(errorOf(await call("UpdateStateMachine", { stateMachineArn, loggingConfiguration: { level: "ALL" } })))
      .toEqual(invalid);
  });

  // test_sfn_api.py::test_describe_state_machine_for_execution ("describe_resp"); encryptionConfiguration as in
  // test_sfn_api_variable_references.py::test_base_variable_references_in_assign_templates ("describe_for_execution_response").
  it("DescribeStateMachineForExecution: the definition and role the execution ran with", async () => {
    const definition = pass("argument1");
    const arn = await create("for-execution", definition);
    const started = await call("StartExecution", { stateMachineArn: arn });
    await settle(String(started.body.executionArn));
    await call("UpdateStateMachine", { stateMachineArn: arn, definition: pass("AfterUpdate1") });
    const described = await call("DescribeStateMachineForExecution", { executionArn: started.body.executionArn });
    expect(described.status).toBe(200);
    expect(Object.keys(described.body).sort()).toEqual([
      "definition", "encryptionConfiguration", "loggingConfiguration", "name", "revisionId", "roleArn", "stateMachineArn", "tracingConfiguration",
      "updateDate",
    ]);
    expect(described.body).toMatchObject({
      definition, name: "for-execution", roleArn, stateMachineArn: arn,
      loggingConfiguration: { includeExecutionData: false, level: "OFF" }, tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: "AWS_OWNED_KEY" },
    });
    expect(typeof described.body.updateDate).toBe("number");
  });

  // test_sfn_api.py::test_create_delete_invalid_sm ("invalid_definition_1");
  // test_sfn_api_validation.py::test_validate_state_machine_definition_not_a_definition[EMPTY_STRING, EMPTY_DICT],
  // …_type_standard[INVALID_BASE_NO_STARTAT] ("validation_response").
  it("missing top-level fields are named together at /; a blank definition is no JSON object", async () => {
    const noStates = JSON.stringify({ Comment: "BASE_INVALID_DER", StartAt: "State_1" });
    expect(errorOf(await call("CreateStateMachine", { name: "no-states", definition: noStates, roleArn }))).toEqual({
      code: "InvalidDefinition",
      message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
    });
    const validate = async (definition: string) =>
      (await call("ValidateStateMachineDefinition", { definition, type: "STANDARD" })).body;
    const failure = (message: string, location?: string) => ({
      result: "FAIL", truncated: false,
      diagnostics: [{ code: "SCHEMA_VALIDATION_FAILED", message, severity: "ERROR", ...(location === undefined ? {} : { location }) }],
    });
    expect(await validate("{}")).toEqual(failure("These fields are required: [States, StartAt]", "/"));
    const noStartAt = JSON.stringify({ States: { State_1: { Type: "Pass", End: true } } });
    expect(await validate(noStartAt)).toEqual(failure("These fields are required: [StartAt]", "/"));
    expect(await validate(" ")).toEqual(failure("Definition must be a valid JSON object"));
  });

  // test_sfn_api.py::test_describe_nonexistent_sm, test_invalid_start_execution_arn ("start_exec_of_deleted"),
  // test_delete_nonexistent_sm ("deletion_resp_1"): these already matched; kept as a guard.
  it("a machine that does not exist: Describe and Start answer StateMachineDoesNotExist, Delete succeeds", async () => {
    const missing = `${prefix}:stateMachine:statemachine_invalid_x`;
    expect(errorOf(await call("DescribeStateMachine", { stateMachineArn: missing }))).toEqual({
      code: "StateMachineDoesNotExist", message: `State Machine Does Not Exist: '${missing}'`,
    });
    expect(errorOf(await call("StartExecution", { stateMachineArn: missing }))).toEqual({
      code: "StateMachineDoesNotExist", message: `State Machine Does Not Exist: '${missing}'`,
    });
    const deleted = await call("DeleteStateMachine", { stateMachineArn: missing });
    expect(deleted).toMatchObject({ status: 200, body: {} });
  });
});
