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
      machine: "arn:aws:states:us-east-1:123456789012:stateMachine:psy",
      machineName: "psy",
    });
  });

  // Recorded against Step Functions: localstack test_context_object.snapshot.json (`InputPath: "$$"` on a Pass state).
  it("has State.RetryCount only in states that can retry (Task, Parallel, Map)", async () => {
    const state = (type: string) => ({ "type.$": `States.Format('${type}')`, "state.$": "$$.State" });
    const result = await run(
      machine({
        P: { Type: "Pass", Parameters: state("Pass"), ResultPath: "$.pass", Next: "T" },
        T: { Type: "Task", Resource: "arn:aws:states:us-east-1:123456789012:activity:echo", Parameters: state("Task"), ResultPath: "$.task", Next: "M" },
        M: { Type: "Map", ItemsPath: "$.one", ItemSelector: state("Map"), ItemProcessor: { StartAt: "I", States: { I: { Type: "Pass", End: true } } }, ResultPath: "$.map", End: true },
      }),
      { one: [1] },
      { tasks: { "arn:aws:states:us-east-1:123456789012:activity:echo": (input) => input } },
    );
    const output = result.output as Record<string, { state: Record<string, unknown> } & Array<{ state: Record<string, unknown> }>>;
    expect(Object.keys(output.pass?.state ?? {}).sort()).toEqual(["EnteredTime", "Name"]);
    expect(output.task?.state).toMatchObject({ Name: "T", RetryCount: 0 });
    expect(output.map?.[0]?.state).toMatchObject({ Name: "M", RetryCount: 0 });
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
