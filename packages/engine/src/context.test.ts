import { describe, expect, it } from "vitest";
import { VirtualClock } from "./runtime/clock.js";
import { machine, run } from "./testing/helpers.js";

describe("context object ($$)", () => {
  it("exposes Execution, State and StateMachine", async () => {
    const clock = new VirtualClock(Date.parse("2024-05-01T10:00:00Z"));
    const result = await run(
      machine({
        W: { Type: "Wait", Seconds: 5, Next: "P" },
        P: {
          Type: "Pass",
          Parameters: {
            "id.$": "$$.Execution.Id",
            "name.$": "$$.Execution.Name",
            "input.$": "$$.Execution.Input",
            "role.$": "$$.Execution.RoleArn",
            "start.$": "$$.Execution.StartTime",
            "entered.$": "$$.State.EnteredTime",
            "state.$": "$$.State.Name",
            "retries.$": "$$.State.RetryCount",
            "machine.$": "$$.StateMachine.Id",
            "machineName.$": "$$.StateMachine.Name",
          },
          End: true,
        },
      }),
      { a: 1 },
      { clock, executionName: "exec-1", stateMachineName: "psy", roleArn: "arn:aws:iam::123456789012:role/r" },
    );
    expect(result.output).toEqual({
      id: "arn:aws:states:us-east-1:123456789012:execution:psy:exec-1",
      name: "exec-1",
      input: { a: 1 },
      role: "arn:aws:iam::123456789012:role/r",
      start: "2024-05-01T10:00:00.000Z",
      entered: "2024-05-01T10:00:05.000Z",
      state: "P",
      retries: 0,
      machine: "arn:aws:states:us-east-1:123456789012:stateMachine:psy",
      machineName: "psy",
    });
  });

  it("keeps Execution.Input the execution input inside Map and Parallel", async () => {
    const result = await run(
      machine({
        M: {
          Type: "Map",
          ItemsPath: "$.items",
          ItemProcessor: {
            StartAt: "P",
            States: {
              P: {
                Type: "Parallel",
                Branches: [{ StartAt: "Q", States: { Q: { Type: "Pass", Parameters: { "input.$": "$$.Execution.Input", "item.$": "$" }, End: true } } }],
                End: true,
              },
            },
          },
          End: true,
        },
      }),
      { items: [7] },
    );
    expect(result.output).toEqual([[{ input: { items: [7] }, item: 7 }]]);
  });

  it("has Map.Item only in ItemSelector, and Task.Token only for callback tasks", async () => {
    const result = await run(
      machine({
        M: {
          Type: "Map",
          ItemSelector: { "i.$": "$$.Map.Item.Index" },
          ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "map.$": "$$.Map" }, End: true } } },
          End: true,
        },
      }),
      [1],
    );
    // Step Functions reports a `.$` path that matches nothing as States.Runtime (see io/parameters-path-missing).
    expect(result.error).toBe("States.Runtime");
  });
});
