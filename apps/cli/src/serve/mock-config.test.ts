import { describe, expect, it } from "vitest";
import { MockConfig } from "./mock-config.js";

const example = {
  StateMachines: {
    LambdaSQSIntegration: {
      TestCases: {
        HappyPath: { LambdaState: "MockedLambdaSuccess" },
        RetryPath: { LambdaState: "MockedLambdaRetry" },
      },
    },
  },
  MockedResponses: {
    MockedLambdaSuccess: { "0": { Return: { StatusCode: 200, Payload: { body: "Hello from Lambda!" } } } },
    MockedLambdaRetry: {
      "0": { Throw: { Error: "Lambda.ResourceNotReadyException", Cause: "Lambda resource is not ready." } },
      "1-2": { Throw: { Error: "Lambda.TimeoutException", Cause: "Lambda timed out." } },
      "3": { Return: { StatusCode: 200, Payload: { body: "Hello from Lambda!" } } },
    },
  },
};

describe("MockConfig", () => {
  it("answers invocations by index and inclusive range", () => {
    const retry = MockConfig.parse(example).testCase("LambdaSQSIntegration", "RetryPath")?.get("LambdaState");
    expect(retry?.answer(0)).toEqual({ Throw: { Error: "Lambda.ResourceNotReadyException", Cause: "Lambda resource is not ready." } });
    expect(retry?.answer(1)).toEqual({ Throw: { Error: "Lambda.TimeoutException", Cause: "Lambda timed out." } });
    expect(retry?.answer(2)).toEqual(retry?.answer(1));
    expect(retry?.answer(3)).toEqual({ Return: { StatusCode: 200, Payload: { body: "Hello from Lambda!" } } });
    expect(retry?.answer(4)).toBeUndefined();
  });

  it("returns undefined for an unknown machine or test case", () => {
    const config = MockConfig.parse(example);
    expect(config.testCase("Other", "HappyPath")).toBeUndefined();
    expect(config.testCase("LambdaSQSIntegration", "Nope")).toBeUndefined();
  });

  it("lists every problem: dangling response names, overlapping and reversed ranges, both Return and Throw", () => {
    const broken = {
      StateMachines: { M: { TestCases: { T: { A: "Missing" } } } },
      MockedResponses: { R: { "0-2": { Return: 1 }, "2": { Return: 2 }, "5-4": { Return: 3 } } },
    };
    expect(() => MockConfig.parse(broken, "mock.json")).toThrow(/invocation 2 is covered twice/);
    expect(() => MockConfig.parse(broken, "mock.json")).toThrow(/range end is before its start/);
    expect(() => MockConfig.parse(broken, "mock.json")).toThrow(/no MockedResponses\.Missing/);
    const both = { StateMachines: {}, MockedResponses: { R: { "0": { Return: 1, Throw: { Error: "E" } } } } };
    expect(() => MockConfig.parse(both)).toThrow(/MockedResponses\.R\.0/);
    expect(() => MockConfig.parse({ StateMachines: {}, MockedResponses: { R: { first: { Return: 1 } } } })).toThrow(
      /invocation indices/,
    );
  });
});
