import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  type SFNClient,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "./server.js";
import { localClient, psyLyrics, roleArn, seedDefinition, seedWithWait } from "./testing/fixtures.js";

let server: RunningServer;
let client: SFNClient;

beforeAll(async () => {
  server = await startServer({ port: 0, lambdas: workspaceLambdas });
  client = localClient(server.url);
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

async function createMachine(name: string, definition: object, type: "STANDARD" | "EXPRESS" = "STANDARD") {
  const out = await client.send(
    new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn, type }),
  );
  return out.stateMachineArn ?? "";
}

async function settle(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  for (;;) {
    const out = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (out.status !== "RUNNING") return out;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error the SDK raised: its modeled name and HTTP status. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error("expected the call to fail");
}

describe("the seed workflow through @aws-sdk/client-sfn", () => {
  it("create → start → describe → history", async () => {
    const arn = await createMachine("psy", seedDefinition);
    expect(arn).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:psy");
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(described).toMatchObject({ name: "psy", type: "STANDARD", status: "ACTIVE", roleArn });
    expect(JSON.parse(described.definition ?? "")).toEqual(seedDefinition);
    expect(described.creationDate).toBeInstanceOf(Date);

    const started = await client.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: "run1", input: JSON.stringify({ name: "PSY" }) }),
    );
    expect(started.executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:psy:run1");
    expect(started.startDate).toBeInstanceOf(Date);
    const done = await settle(started.executionArn ?? "");
    expect(done).toMatchObject({ status: "SUCCEEDED", name: "run1", stateMachineArn: arn, input: '{"name":"PSY"}' });
    expect(JSON.parse(done.output ?? "")).toEqual(psyLyrics);
    expect(done.stopDate?.getTime()).toBeGreaterThanOrEqual(done.startDate?.getTime() ?? Infinity);

    const history = await client.send(new GetExecutionHistoryCommand({ executionArn: done.executionArn }));
    expect(history.events?.map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "ExecutionSucceeded",
    ]);
    const events = history.events ?? [];
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    expect(events[1]?.stateEnteredEventDetails).toMatchObject({ name: "song", input: '{"name":"PSY"}' });
    expect(JSON.parse(events[11]?.executionSucceededEventDetails?.output ?? "")).toEqual(psyLyrics);
  });

  it("pages the history forward and in reverse, and can leave execution data out", async () => {
    const executionArn = "arn:aws:states:us-east-1:123456789012:execution:psy:run1";
    const ids: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 5, nextToken }));
      expect(page.events?.length).toBeLessThanOrEqual(5);
      ids.push(...(page.events ?? []).map((e) => e.id ?? 0));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const reverse = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }));
    expect(reverse.events?.map((e) => e.id)).toEqual([12, 11]);
    const more = await client.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2, nextToken: reverse.nextToken }),
    );
    expect(more.events?.map((e) => e.id)).toEqual([10, 9]);
    const bare = await client.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    expect(bare.events?.[1]?.stateEnteredEventDetails).toEqual({ name: "song" });
  });

  it("is idempotent: CreateStateMachine with the same definition, StartExecution with the same name and input while running", async () => {
    const arn = await createMachine("waiting", seedWithWait(1));
    const again = await client.send(
      new CreateStateMachineCommand({ name: "waiting", definition: JSON.stringify(seedWithWait(1)), roleArn }),
    );
    expect(again.stateMachineArn).toBe(arn);
    const input = '{"name":"PSY"}';
    const first = await client.send(new StartExecutionCommand({ stateMachineArn: arn, name: "once", input }));
    const second = await client.send(new StartExecutionCommand({ stateMachineArn: arn, name: "once", input }));
    expect(second).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    const other = await failure(client.send(new StartExecutionCommand({ stateMachineArn: arn, name: "once", input: "{}" })));
    expect(other).toMatchObject({ name: "ExecutionAlreadyExists", status: 400 });
    expect((await settle(first.executionArn ?? "")).status).toBe("SUCCEEDED");
    const closed = await failure(client.send(new StartExecutionCommand({ stateMachineArn: arn, name: "once", input })));
    expect(closed.name).toBe("ExecutionAlreadyExists");
  });

  it("runs EXPRESS machines synchronously and refuses StartSyncExecution for STANDARD", async () => {
    const arn = await createMachine("psy-express", seedDefinition, "EXPRESS");
    const out = await client.send(new StartSyncExecutionCommand({ stateMachineArn: arn, input: '{"name":"PSY"}' }));
    expect(out.status).toBe("SUCCEEDED");
    expect(out.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:express:psy-express:[\w-]+:[\w-]+$/);
    expect(JSON.parse(out.output ?? "")).toEqual(psyLyrics);
    const failed = await client.send(new StartSyncExecutionCommand({ stateMachineArn: arn, input: '{"nom":1}' }));
    expect(failed).toMatchObject({ status: "FAILED", error: "InvalidInput" });
    const standard = await failure(
      client.send(new StartSyncExecutionCommand({ stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:psy" })),
    );
    expect(standard.name).toBe("StateMachineTypeNotSupported");
    const list = await failure(client.send(new ListExecutionsCommand({ stateMachineArn: arn })));
    expect(list.name).toBe("StateMachineTypeNotSupported");
  });

  it("stops a running execution (ABORTED, with ExecutionAborted in the history)", async () => {
    const arn = await createMachine("long-wait", seedWithWait(60));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"name":"PSY"}' }));
    const stopped = await client.send(new StopExecutionCommand({ executionArn, error: "Manual", cause: "test" }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: "ABORTED", error: "Manual", cause: "test" });
    const history = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    expect(history.events?.[0]?.type).toBe("ExecutionAborted");
  });

  it("routes SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat to waiting callback tasks", async () => {
    const callback = {
      StartAt: "ask",
      States: {
        ask: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
          Parameters: { FunctionName: "approver", Payload: { "token.$": "$$.Task.Token" } },
          End: true,
        },
      },
    };
    const arn = await createMachine("callback", callback);
    const tokenOf = async (executionArn: string) => {
      for (;;) {
        const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
        const scheduled = history.events?.find((e) => e.type === "TaskScheduled");
        if (scheduled !== undefined) {
          return (JSON.parse(scheduled.taskScheduledEventDetails?.parameters ?? "{}") as { Payload: { token: string } })
            .Payload.token;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const ok = await client.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const token = await tokenOf(ok.executionArn ?? "");
    await client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    expect(await settle(ok.executionArn ?? "")).toMatchObject({ status: "SUCCEEDED", output: '{"approved":true}' });
    expect((await failure(client.send(new SendTaskSuccessCommand({ taskToken: token, output: "{}" })))).name).toBe(
      "TaskDoesNotExist",
    );

    const no = await client.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const token2 = await tokenOf(no.executionArn ?? "");
    const badOutput = await failure(client.send(new SendTaskSuccessCommand({ taskToken: token2, output: "{nope" })));
    expect(badOutput.name).toBe("InvalidOutput");
    await client.send(new SendTaskFailureCommand({ taskToken: token2, error: "Rejected", cause: "no" }));
    expect(await settle(no.executionArn ?? "")).toMatchObject({ status: "FAILED", error: "Rejected", cause: "no" });
    expect((await failure(client.send(new SendTaskHeartbeatCommand({ taskToken: "%%%" })))).name).toBe("InvalidToken");
  });

  it("lists state machines and executions with pagination and a status filter", async () => {
    const machines: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      machines.push(...(page.stateMachines ?? []).map((m) => m.name ?? ""));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    // In name order, as AWS lists them (localstack test_sfn_api.py::test_list_sms_pagination).
    expect(machines).toEqual(["callback", "long-wait", "psy", "psy-express", "waiting"]);

    const arn = "arn:aws:states:us-east-1:123456789012:stateMachine:psy";
    for (const name of ["a", "b", "c"]) {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: '{"name":"x"}' }));
      await settle(executionArn ?? "");
    }
    const first = await client.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    expect(first.executions?.map((e) => e.name)).toEqual(["c", "b"]);
    const rest = await client.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: first.nextToken }));
    expect(rest.executions?.map((e) => e.name)).toEqual(["a", "run1"]);
    expect(rest.nextToken).toBeUndefined();
    const running = await client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: "RUNNING" }));
    expect(running.executions).toEqual([]);
  });

  it("updates and deletes a state machine", async () => {
    const arn = await createMachine("to-update", seedDefinition);
    const updated = await client.send(
      new UpdateStateMachineCommand({ stateMachineArn: arn, definition: JSON.stringify(seedWithWait(0)) }),
    );
    expect(updated.updateDate).toBeInstanceOf(Date);
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(JSON.parse(described.definition ?? "")).toEqual(seedWithWait(0));
    const nothing = await failure(client.send(new UpdateStateMachineCommand({ stateMachineArn: arn })));
    expect(nothing.name).toBe("MissingRequiredParameter");
    await client.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    expect((await failure(client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })))).name).toBe(
      "StateMachineDoesNotExist",
    );
    await client.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
  });
});

describe("DeleteStateMachine while executions run", () => {
  it("marks the machine DELETING, refuses new executions, and deletes it when the last one ends", async () => {
    const arn = await createMachine("deleting", seedWithWait(60));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"name":"PSY"}' }));
    await client.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(described.status).toBe("DELETING");
    expect((await failure(client.send(new StartExecutionCommand({ stateMachineArn: arn })))).name).toBe("StateMachineDeleting");
    await client.send(new StopExecutionCommand({ executionArn }));
    expect((await failure(client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })))).name).toBe(
      "StateMachineDoesNotExist",
    );
    // The execution itself stays describable.
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe("ABORTED");
  });
});

describe("ValidateStateMachineDefinition", () => {
  it("answers OK for a valid definition and FAIL (200) with located diagnostics for an invalid one", async () => {
    const ok = await client.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify(seedDefinition) }));
    expect(ok).toMatchObject({ result: "OK", diagnostics: [], truncated: false });
    const bad = { StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, C: { Type: "Bogus" } } };
    const fail = await client.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify(bad) }));
    expect(fail.result).toBe("FAIL");
    expect(fail.diagnostics?.map((d) => d.location)).toEqual(expect.arrayContaining(["/States/A/Next", "/States/C/Type"]));
    expect(fail.diagnostics?.every((d) => d.severity === "ERROR" && d.code === "SCHEMA_VALIDATION_FAILED")).toBe(true);
    const one = await client.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify(bad), maxResults: 1 }));
    expect(one).toMatchObject({ result: "FAIL", truncated: true });
    expect(one.diagnostics).toHaveLength(1);
    const notJson = await client.send(new ValidateStateMachineDefinitionCommand({ definition: "{" }));
    expect(notJson).toMatchObject({ result: "FAIL", diagnostics: [{ code: "INVALID_JSON_DESCRIPTION", severity: "ERROR" }] });
  });

  it("warns about a variable no path assigns, keeping OK; severity ERROR leaves warnings out", async () => {
    const definition = JSON.stringify({
      QueryLanguage: "JSONata",
      StartAt: "A",
      States: { A: { Type: "Pass", Output: "{% $later %}", Next: "B" }, B: { Type: "Pass", Assign: { later: 1 }, End: true } },
    });
    const warned = await client.send(new ValidateStateMachineDefinitionCommand({ definition }));
    expect(warned).toMatchObject({
      result: "OK",
      diagnostics: [{ severity: "WARNING", code: "VARIABLE_NOT_ASSIGNED", location: "/States/A/Output" }],
    });
    const errorsOnly = await client.send(new ValidateStateMachineDefinitionCommand({ definition, severity: "ERROR" }));
    expect(errorsOnly).toMatchObject({ result: "OK", diagnostics: [] });
  });
});

describe("misuse answered with the AWS error codes", () => {
  const psy = "arn:aws:states:us-east-1:123456789012:stateMachine:psy";
  const create = (fields: Partial<{ name: string; definition: string; roleArn: string }>) =>
    client.send(
      new CreateStateMachineCommand({ name: "m", definition: JSON.stringify(seedDefinition), roleArn, ...fields }),
    );

  it.each([
    ["a definition that is not JSON", { definition: "{nope" }, "InvalidDefinition"],
    ["a definition without StartAt", { definition: '{"States":{}}' }, "InvalidDefinition"],
    ["a Next to a missing state", { definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}' }, "InvalidDefinition"],
    ["a name with a space", { name: "bad name" }, "InvalidName"],
    ["a name of 81 characters", { name: "x".repeat(81) }, "ValidationException"],
    ["a role that is not a role ARN", { roleArn: "arn:aws:iam::123456789012:user/bob" }, "InvalidArn"],
    ["an existing name with another definition", { name: "psy", definition: JSON.stringify(seedWithWait(3)) }, "StateMachineAlreadyExists"],
  ])("CreateStateMachine with %s → %s", async (_what, fields, code) => {
    const error = await failure(create(fields));
    expect(error).toMatchObject({ name: code, status: 400 });
  });

  it("lists every problem of an invalid definition in the message", async () => {
    const definition = JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, C: { Type: "Bogus" } } });
    const error = await failure(create({ definition }));
    expect(error.message).toMatch(/\/States\/A\/Next/);
    expect(error.message).toMatch(/\/States\/C/);
  });

  it.each([
    ["DescribeStateMachine of a missing machine", () => client.send(new DescribeStateMachineCommand({ stateMachineArn: `${psy}-nope` })), "StateMachineDoesNotExist"],
    ["DescribeStateMachine of a malformed ARN", () => client.send(new DescribeStateMachineCommand({ stateMachineArn: "psy" })), "InvalidArn"],
    ["StartExecution of a missing machine", () => client.send(new StartExecutionCommand({ stateMachineArn: `${psy}-nope` })), "StateMachineDoesNotExist"],
    ["StartExecution with input that is not JSON", () => client.send(new StartExecutionCommand({ stateMachineArn: psy, input: "{" })), "InvalidExecutionInput"],
    ["StartExecution with a bad name", () => client.send(new StartExecutionCommand({ stateMachineArn: psy, name: "a:b" })), "InvalidName"],
    ["StartExecution with an execution ARN", () => client.send(new StartExecutionCommand({ stateMachineArn: "arn:aws:states:us-east-1:123456789012:execution:psy:run1" })), "InvalidArn"],
    ["StartExecution of a #TestCase without a mock config", () => client.send(new StartExecutionCommand({ stateMachineArn: `${psy}#HappyPath` })), "ValidationException"],
    ["DescribeExecution of a missing execution", () => client.send(new DescribeExecutionCommand({ executionArn: "arn:aws:states:us-east-1:123456789012:execution:psy:nope" })), "ExecutionDoesNotExist"],
    ["DescribeExecution of a state machine ARN", () => client.send(new DescribeExecutionCommand({ executionArn: psy })), "InvalidArn"],
    ["GetExecutionHistory with a foreign token", () => client.send(new GetExecutionHistoryCommand({ executionArn: "arn:aws:states:us-east-1:123456789012:execution:psy:run1", nextToken: "bm9wZQ" })), "InvalidToken"],
    ["StopExecution of a missing execution", () => client.send(new StopExecutionCommand({ executionArn: "arn:aws:states:us-east-1:123456789012:execution:psy:nope" })), "ExecutionDoesNotExist"],
    ["ListExecutions of a missing machine", () => client.send(new ListExecutionsCommand({ stateMachineArn: `${psy}-nope` })), "StateMachineDoesNotExist"],
    ["ListStateMachines with a bad token", () => client.send(new ListStateMachinesCommand({ nextToken: "garbage" })), "InvalidToken"],
    ["SendTaskSuccess with an unknown token", () => client.send(new SendTaskSuccessCommand({ taskToken: "WyJhIiwiYiIsImMiXQ", output: "{}" })), "TaskDoesNotExist"],
  ])("%s → %s", async (_what, call, code) => {
    expect(await failure(call())).toMatchObject({ name: code, status: 400 });
  });
});
