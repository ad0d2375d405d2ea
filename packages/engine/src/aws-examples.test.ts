/**
 * Examples from the Amazon States Language specification and the AWS developer guide, run end to end.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
 */
import { describe, expect, it } from "vitest";
import { machine, run } from "./testing/helpers.js";

describe("the ASL specification's Choice example", () => {
  const definition = machine({
    ChoiceStateX: {
      Type: "Choice",
      Choices: [
        { Not: { Variable: "$.type", StringEquals: "Private" }, Next: "Public" },
        { Variable: "$.value", NumericEquals: 0, Next: "ValueIsZero" },
        { And: [{ Variable: "$.value", NumericGreaterThanEquals: 20 }, { Variable: "$.value", NumericLessThan: 30 }], Next: "ValueInTwenties" },
      ],
      Default: "DefaultState",
    },
    Public: { Type: "Pass", Result: "Public", End: true },
    ValueIsZero: { Type: "Pass", Result: "ValueIsZero", End: true },
    ValueInTwenties: { Type: "Pass", Result: "ValueInTwenties", End: true },
    DefaultState: { Type: "Fail", Error: "DefaultStateError", Cause: "No Matches!" },
  });

  it.each([
    [{ type: "Public", value: 22 }, "Public"],
    [{ type: "Private", value: 0 }, "ValueIsZero"],
    [{ type: "Private", value: 22 }, "ValueInTwenties"],
  ])("%j goes to %s", async (input, expected) => {
    expect((await run(definition, input)).output).toBe(expected);
  });

  it("falls to Default (a Fail state) otherwise", async () => {
    expect(await run(definition, { type: "Private", value: 35 })).toMatchObject({ status: "FAILED", error: "DefaultStateError", cause: "No Matches!" });
  });
});

describe("the developer guide's InputPath / ResultPath / OutputPath example", () => {
  // A Lambda that adds its two inputs, with the state's filters around it.
  const definition = machine({
    Add: {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:add",
      InputPath: "$.numbers",
      ResultPath: "$.sum",
      OutputPath: "$.sum",
      End: true,
    },
  });
  const add = (event: unknown) => {
    const { val1, val2 } = event as { val1: number; val2: number };
    return val1 + val2;
  };

  it("keeps only the sum", async () => {
    const result = await run(definition, { title: "Numbers to add", numbers: { val1: 3, val2: 4 } }, { lambdas: { add } });
    expect(result.output).toBe(7);
    const scheduled = result.history.find((event) => event.type === "LambdaFunctionScheduled");
    expect(scheduled?.lambdaFunctionScheduledEventDetails).toMatchObject({ input: '{"val1":3,"val2":4}' });
  });

  it("places the result into the input with ResultPath", async () => {
    const withoutOutputPath = machine({
      Add: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:add", InputPath: "$.numbers", ResultPath: "$.sum", End: true },
    });
    const result = await run(withoutOutputPath, { title: "Numbers to add", numbers: { val1: 3, val2: 4 } }, { lambdas: { add } });
    expect(result.output).toEqual({ title: "Numbers to add", numbers: { val1: 3, val2: 4 }, sum: 7 });
  });
});

describe("the developer guide's Map example with ItemSelector and the context object", () => {
  it("pairs each item with its index and shared input data", async () => {
    const definition = machine({
      Validate: {
        Type: "Map",
        ItemsPath: "$.detail.shipped",
        ItemSelector: { "parcel.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "courier.$": "$.detail.delivery-partner" },
        ItemProcessor: { StartAt: "Check", States: { Check: { Type: "Pass", End: true } } },
        ResultPath: "$.detail.shipped",
        End: true,
      },
    });
    const input = { "ship-date": "2016-03-14T01:59:00Z", detail: { "delivery-partner": "UQS", shipped: [{ prod: "R31", "dest-code": 9511, quantity: 1344 }, { prod: "S39", "dest-code": 9511, quantity: 40 }] } };
    const result = await run(definition, input);
    expect(result.output).toEqual({
      "ship-date": "2016-03-14T01:59:00Z",
      detail: {
        "delivery-partner": "UQS",
        shipped: [
          { parcel: { prod: "R31", "dest-code": 9511, quantity: 1344 }, index: 0, courier: "UQS" },
          { parcel: { prod: "S39", "dest-code": 9511, quantity: 40 }, index: 1, courier: "UQS" },
        ],
      },
    });
  });
});
