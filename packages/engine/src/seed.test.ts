import type { StateMachineDefinition } from "@statecraft/asl";
import { handler as lyricsHandler } from "@statecraft/lambda-lyrics";
import { handler as songHandler } from "@statecraft/lambda-song";
import { describe, expect, it } from "vitest";
import { runExecution } from "./index.js";

const seed: StateMachineDefinition = {
  Comment: "PSY → song → lyrics",
  StartAt: "Song",
  States: {
    Song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "Lyrics" },
    Lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
  },
};

const lambdas = { song: songHandler, lyrics: lyricsHandler };

describe("seed workflow with the real handlers", () => {
  it("turns PSY into the lyrics", async () => {
    const result = await runExecution(seed, { name: "PSY" }, { lambdas, executionName: "run1" });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ lyrics: "oh oh oh oh oh pan gangnam style" });
    expect(result.executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:StateMachine:run1");
    expect(result.history.map((event) => event.type)).toEqual([
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
    // The first state's entered event follows no event (previousEventId 0), as AWS records it (test_start_execution).
    expect(result.history.map((event) => [event.id, event.previousEventId])).toEqual(
      Array.from({ length: 12 }, (_, i) => [i + 1, i === 1 ? 0 : i]),
    );
    expect(result.history[0]?.executionStartedEventDetails).toMatchObject({ input: '{"name":"PSY"}', inputDetails: { truncated: false } });
    expect(result.history[4]?.lambdaFunctionSucceededEventDetails).toEqual({ output: '{"song":"gangnam style"}', outputDetails: { truncated: false } });
    expect(result.history[11]?.executionSucceededEventDetails).toEqual({
      output: '{"lyrics":"oh oh oh oh oh pan gangnam style"}',
      outputDetails: { truncated: false },
    });
  });

  it("does not know other names", async () => {
    const result = await runExecution(seed, { name: "IU" }, { lambdas });
    expect(result.output).toEqual({ lyrics: "i don't know" });
  });

  it("reports a Lambda error as AWS does (Error = error name, Cause = errorType/errorMessage/trace JSON)", async () => {
    const result = await runExecution(seed, { nom: "PSY" }, { lambdas });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("InvalidInput");
    const cause = JSON.parse(result.cause ?? "{}") as { errorType: string; errorMessage: string; trace: string[] };
    expect(cause.errorType).toBe("InvalidInput");
    expect(cause.errorMessage).toContain("name");
    expect(Array.isArray(cause.trace)).toBe(true);
    expect(result.history.at(-2)?.type).toBe("LambdaFunctionFailed");
    expect(result.history.at(-1)?.type).toBe("ExecutionFailed");
  });

  it("runs the optimized lambda:invoke integration with the Invoke envelope", async () => {
    const definition: StateMachineDefinition = {
      StartAt: "Song",
      States: {
        Song: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:song:$LATEST", "Payload.$": "$" },
          ResultSelector: { "song.$": "$.Payload.song", "status.$": "$.StatusCode" },
          Next: "Lyrics",
        },
        Lyrics: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: "lyrics", "Payload.$": "$" },
          OutputPath: "$.Payload",
          End: true,
        },
      },
    };
    const result = await runExecution(definition, { name: "PSY" }, { lambdas });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ lyrics: "oh oh oh oh oh pan gangnam style" });
    const scheduled = result.history.find((event) => event.type === "TaskScheduled");
    expect(scheduled?.taskScheduledEventDetails).toMatchObject({ resourceType: "lambda", resource: "invoke", region: "us-east-1" });
    const succeeded = result.history.find((event) => event.type === "TaskSucceeded")?.taskSucceededEventDetails as { output: string };
    expect(JSON.parse(succeeded.output)).toMatchObject({ ExecutedVersion: "$LATEST", Payload: { song: "gangnam style" }, StatusCode: 200 });
  });

  it("names the resource and the known handlers when none matches", async () => {
    const result = await runExecution(seed, { name: "PSY" }, { lambdas: { lyrics: lyricsHandler } });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("arn:aws:lambda:us-east-1:123456789012:function:song");
    expect(result.cause).toContain("known lambdas: lyrics");
  });
});
