import { describe, expect, it } from "vitest";
import { machine, run, runState, types } from "../testing/helpers.js";

describe("Succeed", () => {
  it("ends successfully with its filtered input", async () => {
    const result = await runState({ Type: "Succeed", InputPath: "$.a", OutputPath: "$.b" }, { a: { b: 2 } });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toBe(2);
    expect(types(result)).toEqual(["ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"]);
  });
});

describe("Fail", () => {
  it("fails the execution with Error and Cause", async () => {
    const result = await runState({ Type: "Fail", Error: "MyError", Cause: "it broke" }, {});
    expect(result).toMatchObject({ status: "FAILED", error: "MyError", cause: "it broke" });
    expect(types(result)).toEqual(["ExecutionStarted", "FailStateEntered", "ExecutionFailed"]);
    expect(result.history[2]?.executionFailedEventDetails).toEqual({ error: "MyError", cause: "it broke" });
  });

  it("omits what it was not given", async () => {
    const result = await runState({ Type: "Fail" }, {});
    expect(result.status).toBe("FAILED");
    expect(result.error).toBeUndefined();
    expect(result.cause).toBeUndefined();
    expect(result.history[2]?.executionFailedEventDetails).toEqual({});
  });

  it("reads ErrorPath and CausePath from the input", async () => {
    const result = await runState({ Type: "Fail", ErrorPath: "$.e", CausePath: "$.c" }, { e: "Oops", c: "because" });
    expect(result).toMatchObject({ error: "Oops", cause: "because" });
  });

  it("accepts the intrinsics AWS allows in CausePath", async () => {
    const result = await runState({ Type: "Fail", Error: "E", CausePath: "States.Format('item {} failed', $.id)" }, { id: 42 });
    expect(result.cause).toBe("item 42 failed");
  });

  it("refuses other intrinsics and both Error and ErrorPath", async () => {
    await expect(runState({ Type: "Fail", CausePath: "States.MathAdd(1, 2)" }, {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
    await expect(runState({ Type: "Fail", Error: "E", ErrorPath: "$.e" }, {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
  });

  it("fails with States.Runtime when ErrorPath does not select a string", async () => {
    const result = await runState({ Type: "Fail", ErrorPath: "$.e" }, { e: 1 });
    expect(result.error).toBe("States.Runtime");
  });

  // Recorded against Step Functions: localstack/localstack#11951.
  it("names the field and the input when ErrorPath matches nothing", async () => {
    const result = await run(
      machine({
        pass: { Type: "Pass", Parameters: { Error: "error-value", Cause: "cause-value" }, Next: "fail" },
        fail: { Type: "Fail", ErrorPath: "$.ErrorX", CausePath: "$.Cause" },
      }),
      {},
    );
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toBe(
      `An error occurred while executing the state 'fail' (entered at the event id #4). The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{"Error":"error-value","Cause":"cause-value"}'`,
    );
  });

  it("can be caught by an enclosing Parallel", async () => {
    const result = await run(
      machine({
        P: {
          Type: "Parallel",
          Branches: [{ StartAt: "F", States: { F: { Type: "Fail", Error: "Custom", Cause: "c" } } }],
          Catch: [{ ErrorEquals: ["Custom"], Next: "Done" }],
          Next: "Done",
        },
        Done: { Type: "Succeed" },
      }),
      {},
    );
    expect(result.output).toEqual({ Error: "Custom", Cause: "c" });
  });
});
