import { type SFNClient, TestStateCommand, type TestStateCommandInput } from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "./server.js";
import { localClient, roleArn, seedDefinition } from "./testing/fixtures.js";

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

const test = (input: Omit<TestStateCommandInput, "definition"> & { definition: object }) =>
  client.send(new TestStateCommand({ roleArn, ...input, definition: JSON.stringify(input.definition) }));

describe("TestState through @aws-sdk/client-sfn (disableHostPrefix)", () => {
  it("runs a Task of a whole machine by stateName, invoking the workspace Lambda", async () => {
    const out = await test({ definition: seedDefinition, stateName: "song", input: '{"name":"PSY"}' });
    expect(out).toMatchObject({ status: "SUCCEEDED", nextState: "lyrics" });
    expect(JSON.parse(out.output ?? "")).toEqual({ song: "gangnam style" });
    expect(out.inspectionData).toBeUndefined();
  });

  it("reports every JSONPath pipeline step at DEBUG", async () => {
    const out = await test({
      definition: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        InputPath: "$.who",
        Parameters: { FunctionName: "song", "Payload.$": "$" },
        ResultSelector: { "song.$": "$.Payload.song" },
        ResultPath: "$.found",
        OutputPath: "$.found",
        End: true,
      },
      input: '{"who":{"name":"PSY"},"keep":1}',
      inspectionLevel: "DEBUG",
    });
    expect(out.status).toBe("SUCCEEDED");
    expect(out.nextState).toBeUndefined();
    expect(JSON.parse(out.output ?? "")).toEqual({ song: "gangnam style" });
    const data = out.inspectionData;
    expect(JSON.parse(data?.afterInputPath ?? "")).toEqual({ name: "PSY" });
    expect(JSON.parse(data?.afterParameters ?? "")).toEqual({ FunctionName: "song", Payload: { name: "PSY" } });
    expect(JSON.parse(data?.result ?? "")).toMatchObject({ StatusCode: 200, Payload: { song: "gangnam style" } });
    expect(JSON.parse(data?.afterResultSelector ?? "")).toEqual({ song: "gangnam style" });
    expect(JSON.parse(data?.afterResultPath ?? "")).toEqual({ who: { name: "PSY" }, keep: 1, found: { song: "gangnam style" } });
  });

  it("uses a mocked result instead of invoking the task", async () => {
    const out = await test({
      definition: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:nowhere", Next: "After" },
      mock: { result: '{"mocked":true}', fieldValidationMode: "NONE" },
      inspectionLevel: "DEBUG",
    });
    expect(out).toMatchObject({ status: "SUCCEEDED", nextState: "After", output: '{"mocked":true}' });
    expect(out.inspectionData?.result).toBe('{"mocked":true}');
  });

  it("classifies a mocked error: RETRIABLE when a retrier matches, CAUGHT_ERROR when a catcher does, else FAILED", async () => {
    const task = (extra: object) => ({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "song", "Payload.$": "$" },
      End: true,
      ...extra,
    });
    const mock = { errorOutput: { error: "Lambda.TooManyRequestsException", cause: "slow down" } };
    const retried = await test({
      definition: task({ Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"] }], Catch: [{ ErrorEquals: ["States.ALL"], Next: "Fallback" }] }),
      mock,
    });
    expect(retried).toMatchObject({ status: "RETRIABLE", error: "Lambda.TooManyRequestsException", cause: "slow down" });
    const caught = await test({
      definition: task({ Catch: [{ ErrorEquals: ["States.TaskFailed"], ResultPath: "$.error", Next: "Fallback" }] }),
      input: '{"a":1}',
      mock,
    });
    expect(caught).toMatchObject({ status: "CAUGHT_ERROR", nextState: "Fallback", error: "Lambda.TooManyRequestsException" });
    expect(JSON.parse(caught.output ?? "")).toEqual({ a: 1, error: { Error: "Lambda.TooManyRequestsException", Cause: "slow down" } });
    const failed = await test({ definition: task({}), mock });
    expect(failed).toMatchObject({ status: "FAILED", error: "Lambda.TooManyRequestsException", cause: "slow down" });
    expect(failed.output).toBeUndefined();
  });

  it("evaluates a Choice and reports the branch taken", async () => {
    const choice = {
      Type: "Choice",
      Choices: [{ Variable: "$.n", NumericGreaterThan: 10, Next: "Big" }],
      Default: "Small",
    };
    expect(await test({ definition: choice, input: '{"n":11}' })).toMatchObject({ status: "SUCCEEDED", nextState: "Big" });
    expect(await test({ definition: choice, input: '{"n":1}' })).toMatchObject({ status: "SUCCEEDED", nextState: "Small" });
  });

  it("runs a Wait without waiting", async () => {
    const started = Date.now();
    const wait = await test({ definition: { Type: "Wait", Seconds: 3600, Next: "Later" }, input: "{}" });
    expect(wait).toMatchObject({ status: "SUCCEEDED", nextState: "Later" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports a Fail state as FAILED with its error and cause", async () => {
    const out = await test({ definition: { Type: "Fail", Error: "Nope", Cause: "because" } });
    expect(out).toMatchObject({ status: "FAILED", error: "Nope", cause: "because" });
  });

  it.each([
    ["an invalid state", { definition: { Type: "Pass", Next: 5 } }, "InvalidDefinition"],
    ["a definition without Type", { definition: { Next: "x" } }, "InvalidDefinition"],
    ["input that is not JSON", { definition: { Type: "Pass", End: true }, input: "{" }, "InvalidExecutionInput"],
    ["a machine without stateName", { definition: seedDefinition }, "ValidationException"],
    ["a stateName not in the machine", { definition: seedDefinition, stateName: "nope" }, "ValidationException"],
    ["a mock with both result and error", { definition: { Type: "Task", Resource: "x", End: true }, mock: { result: "1", errorOutput: { error: "E" } } }, "ValidationException"],
    ["STRICT mock validation", { definition: { Type: "Task", Resource: "x", End: true }, mock: { result: "1", fieldValidationMode: "STRICT" } }, "ValidationException"],
    ["variables", { definition: { Type: "Pass", End: true }, variables: "{}" }, "ValidationException"],
  ] as const)("refuses %s with %s", async (_what, input, code) => {
    await expect(test(input as unknown as Parameters<typeof test>[0])).rejects.toMatchObject({ name: code });
  });
});
