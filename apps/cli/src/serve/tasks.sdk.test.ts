import { writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceLambdas } from "../lambdas.js";
import { type RunningServer, startServer } from "./server.js";
import { type FakeLambdaEndpoint, startFakeLambda } from "./testing/fake-lambda.js";
import { localClient, psyLyrics, roleArn, seedDefinition } from "./testing/fixtures.js";

async function run(client: SFNClient, stateMachineArn: string, input: object) {
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  for (;;) {
    const out = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (out.status !== "RUNNING") {
      const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
      return { ...out, events: history.events ?? [] };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

const retrying = {
  StartAt: "LambdaState",
  States: {
    LambdaState: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "song", "Payload.$": "$" },
      Retry: [{ ErrorEquals: ["Lambda.TimeoutException", "Lambda.ResourceNotReadyException"], IntervalSeconds: 1, MaxAttempts: 3 }],
      Next: "Real",
    },
    Real: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "lyrics", "Payload.$": "$.Payload" },
      OutputPath: "$.Payload",
      End: true,
    },
  },
};

const mockConfig = {
  StateMachines: {
    retrying: {
      TestCases: {
        HappyPath: { LambdaState: "SongFound" },
        RetryPath: { LambdaState: "FlakyThenFound" },
        Exhausted: { LambdaState: "AlwaysFlaky" },
      },
    },
  },
  MockedResponses: {
    SongFound: { "0": { Return: { StatusCode: 200, Payload: { song: "gangnam style" } } } },
    FlakyThenFound: {
      "0": { Throw: { Error: "Lambda.ResourceNotReadyException", Cause: "Lambda resource is not ready." } },
      "1-2": { Throw: { Error: "Lambda.TimeoutException", Cause: "Lambda timed out." } },
      "3": { Return: { StatusCode: 200, Payload: { song: "gangnam style" } } },
    },
    AlwaysFlaky: { "0-9": { Throw: { Error: "Lambda.TimeoutException", Cause: "Lambda timed out." } } },
  },
};

describe("Step Functions Local mock configuration (stateMachineArn#TestCase)", () => {
  let server: RunningServer;
  let client: SFNClient;
  let dir: string;
  let arn: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sfn-mock-"));
    const path = join(dir, "MockConfigFile.json");
    writeFileSync(path, JSON.stringify(mockConfig));
    // Retry intervals at once, as WAIT_TIME_SCALE=0 does in Step Functions Local.
    server = await startServer({ port: 0, lambdas: workspaceLambdas, mockConfig: path, waitTimeScale: 0 });
    client = localClient(server.url);
    const created = await client.send(
      new CreateStateMachineCommand({ name: "retrying", definition: JSON.stringify(retrying), roleArn }),
    );
    arn = created.stateMachineArn ?? "";
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers mocked states from the test case and runs the others for real (HappyPath)", async () => {
    const out = await run(client, `${arn}#HappyPath`, { name: "nobody" });
    expect(out.status).toBe("SUCCEEDED");
    expect(JSON.parse(out.output ?? "")).toEqual(psyLyrics);
  });

  it("answers invocation 0, the range 1-2 and 3 in order, retries included (RetryPath)", async () => {
    const out = await run(client, `${arn}#RetryPath`, {});
    expect(out.status).toBe("SUCCEEDED");
    const failures = out.events.filter((e) => e.type === "TaskFailed").map((e) => e.taskFailedEventDetails?.error);
    expect(failures).toEqual(["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"]);
    expect(JSON.parse(out.output ?? "")).toEqual(psyLyrics);
  });

  it("fails like the mock says once retries are used up", async () => {
    const out = await run(client, `${arn}#Exhausted`, {});
    expect(out).toMatchObject({ status: "FAILED", error: "Lambda.TimeoutException", cause: "Lambda timed out." });
  });

  it("refuses a test case the configuration does not have", async () => {
    await expect(client.send(new StartExecutionCommand({ stateMachineArn: `${arn}#Nope` }))).rejects.toMatchObject({
      name: "ValidationException",
    });
  });
});

describe("--lambda-endpoint: Lambda resources invoke a Lambda-compatible endpoint", () => {
  let lambda: FakeLambdaEndpoint;
  let server: RunningServer;
  let client: SFNClient;

  beforeAll(async () => {
    lambda = await startFakeLambda({
      song: (event) => ({ song: (event as { name?: string }).name === "PSY" ? "remote style" : "?" }),
      lyrics: (event) => ({ lyrics: `la la ${(event as { song: string }).song}` }),
      broken: () => {
        const error = new Error("no song today");
        error.name = "SongNotFound";
        throw error;
      },
    });
    server = await startServer({ port: 0, lambdaEndpoint: lambda.url });
    client = localClient(server.url);
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await lambda.close();
  });

  it("runs the seed workflow against the endpoint", async () => {
    const created = await client.send(
      new CreateStateMachineCommand({ name: "psy", definition: JSON.stringify(seedDefinition), roleArn }),
    );
    const out = await run(client, created.stateMachineArn ?? "", { name: "PSY" });
    expect(out.status).toBe("SUCCEEDED");
    expect(JSON.parse(out.output ?? "")).toEqual({ lyrics: "la la remote style" });
    expect(lambda.invocations.get("song")).toBe(1);
    expect(out.events.map((e) => e.type)).toContain("LambdaFunctionSucceeded");
  });

  it("reports a function error with its errorType as Error and the Lambda Cause JSON", async () => {
    const definition = {
      StartAt: "b",
      States: { b: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:broken", End: true } },
    };
    const created = await client.send(new CreateStateMachineCommand({ name: "broken", definition: JSON.stringify(definition), roleArn }));
    const out = await run(client, created.stateMachineArn ?? "", {});
    expect(out).toMatchObject({ status: "FAILED", error: "SongNotFound" });
    expect(JSON.parse(out.cause ?? "")).toEqual({ errorType: "SongNotFound", errorMessage: "no song today", trace: ["at remote (index.js:1:1)"] });
  });

  it("reports a missing function as Lambda.ResourceNotFoundException", async () => {
    const definition = {
      StartAt: "m",
      States: {
        m: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "missing" }, End: true },
      },
    };
    const created = await client.send(new CreateStateMachineCommand({ name: "missing", definition: JSON.stringify(definition), roleArn }));
    const out = await run(client, created.stateMachineArn ?? "", {});
    expect(out).toMatchObject({ status: "FAILED", error: "Lambda.ResourceNotFoundException" });
  });
});
