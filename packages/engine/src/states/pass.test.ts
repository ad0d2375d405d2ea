import { describe, expect, it } from "vitest";
import { runState, types } from "../testing/helpers.js";

describe("Pass", () => {
  it("passes its input through by default", async () => {
    const result = await runState({ Type: "Pass", End: true }, { a: 1 });
    expect(result.output).toEqual({ a: 1 });
    expect(types(result)).toEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
  });

  it("uses Result as its result, placed by ResultPath (AWS example)", async () => {
    const result = await runState(
      { Type: "Pass", Result: { x: 0.381018, y: 622.2269926397355 }, ResultPath: "$.coords", End: true },
      { georefOf: "Home" },
    );
    expect(result.output).toEqual({ georefOf: "Home", coords: { x: 0.381018, y: 622.2269926397355 } });
  });

  it("uses Parameters as its result when there is no Result", async () => {
    const result = await runState({ Type: "Pass", Parameters: { "v.$": "$.a", fixed: true }, ResultPath: "$.p", End: true }, { a: 1 });
    expect(result.output).toEqual({ a: 1, p: { v: 1, fixed: true } });
  });

  it("applies InputPath before Parameters and OutputPath last", async () => {
    const result = await runState({ Type: "Pass", InputPath: "$.in", Parameters: { "v.$": "$.x" }, OutputPath: "$.v", End: true }, { in: { x: 7 } });
    expect(result.output).toBe(7);
  });

  it("keeps the input with ResultPath null and gives {} with OutputPath null", async () => {
    expect((await runState({ Type: "Pass", Result: 1, ResultPath: null, End: true }, { a: 1 })).output).toEqual({ a: 1 });
    expect((await runState({ Type: "Pass", OutputPath: null, End: true }, { a: 1 })).output).toEqual({});
    expect((await runState({ Type: "Pass", InputPath: null, End: true }, { a: 1 })).output).toEqual({});
  });

  // Recorded against Step Functions: localstack test_states_errors.snapshot.json, test_start_large_input.
  it("fails with States.DataLimitExceeded when its output is over 256 KiB", async () => {
    const result = await runState({ Type: "Pass", Result: { Arg1: "a".repeat(257 * 1024) }, End: true }, {});
    expect(result).toMatchObject({
      status: "FAILED",
      error: "States.DataLimitExceeded",
      cause: "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });

  it("records input and output in the state events", async () => {
    const result = await runState({ Type: "Pass", Result: "r", End: true }, { a: 1 });
    expect(result.history[1]?.stateEnteredEventDetails).toEqual({ name: "S", input: '{"a":1}', inputDetails: { truncated: false } });
    expect(result.history[2]?.stateExitedEventDetails).toEqual({ name: "S", output: '"r"', outputDetails: { truncated: false } });
  });
});
