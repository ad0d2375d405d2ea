import type { JsonValue } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { machine, run, types } from "../testing/helpers.js";

const processor = (states: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  StartAt: Object.keys(states)[0],
  States: states,
  ...extra,
});

describe("Map", () => {
  it("runs the processor per item, in order, with ItemsPath, ItemSelector and $$.Map.Item", async () => {
    const result = await run(
      machine({
        M: {
          Type: "Map",
          ItemsPath: "$.items",
          ItemSelector: { "index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value", "prefix.$": "$.prefix" },
          ItemProcessor: processor({ Format: { Type: "Pass", Parameters: { "text.$": "States.Format('{}{}#{}', $.prefix, $.value, $.index)" }, OutputPath: "$.text", End: true } }),
          ResultPath: "$.texts",
          End: true,
        },
      }),
      { prefix: "item-", items: ["a", "b", "c"] },
    );
    expect(result.output).toEqual({ prefix: "item-", items: ["a", "b", "c"], texts: ["item-a#0", "item-b#1", "item-c#2"] });
    const list = types(result);
    expect(list.slice(0, 3)).toEqual(["ExecutionStarted", "MapStateEntered", "MapStateStarted"]);
    expect(list.filter((type) => type === "MapIterationStarted")).toHaveLength(3);
    expect(list.slice(-3)).toEqual(["MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]);
    expect(result.history[2]?.mapStateStartedEventDetails).toEqual({ length: 3 });
  });

  it("accepts the legacy Iterator and Parameters", async () => {
    const result = await run(
      machine({
        M: { Type: "Map", Parameters: { "v.$": "$$.Map.Item.Value" }, Iterator: processor({ P: { Type: "Pass", OutputPath: "$.v", End: true } }), End: true },
      }),
      [1, 2],
    );
    expect(result.output).toEqual([1, 2]);
  });

  it("iterates over an object's entries with $$.Map.Item.Key", async () => {
    const result = await run(
      machine({
        M: { Type: "Map", ItemSelector: { "k.$": "$$.Map.Item.Key", "v.$": "$$.Map.Item.Value" }, ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true },
      }),
      { x: 1, y: 2 },
    );
    expect(result.output).toEqual([{ k: "x", v: 1 }, { k: "y", v: 2 }]);
  });

  it("respects MaxConcurrency", async () => {
    let running = 0;
    let peak = 0;
    const result = await run(
      machine({ M: { Type: "Map", MaxConcurrency: 2, ItemProcessor: processor({ T: { Type: "Task", Resource: "arn:aws:states:::local:work", End: true } }), End: true } }),
      [1, 2, 3, 4, 5],
      {
        tasks: {
          "arn:aws:states:::local:work": async (input) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setTimeout(resolve, 5));
            running--;
            return input;
          },
        },
      },
    );
    expect(result.output).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it("reads MaxConcurrencyPath", async () => {
    const result = await run(machine({ M: { Type: "Map", ItemsPath: "$.i", MaxConcurrencyPath: "$.c", ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true } }), { i: [1], c: 1 });
    expect(result.output).toEqual([1]);
  });

  it("fails with the first failing iteration's error", async () => {
    const result = await run(
      machine({
        M: {
          Type: "Map",
          ItemProcessor: processor({
            C: { Type: "Choice", Choices: [{ Variable: "$", NumericEquals: 2, Next: "F" }], Default: "Ok" },
            F: { Type: "Fail", Error: "Two", Cause: "no twos" },
            Ok: { Type: "Succeed" },
          }),
          End: true,
        },
      }),
      [1, 2, 3],
    );
    expect(result).toMatchObject({ status: "FAILED", error: "Two" });
    expect(types(result)).toContain("MapIterationFailed");
    expect(types(result)).toContain("MapStateFailed");
  });

  it("fails with States.Runtime when the items are not an array", async () => {
    const result = await run(machine({ M: { Type: "Map", ItemsPath: "$.x", ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true } }), { x: 3 });
    expect(result.error).toBe("States.Runtime");
  });

  describe("distributed mode", () => {
    const distributed = (states: Record<string, Record<string, unknown>>) => processor(states, { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } });

    it("runs each item as a child execution (its own $$.Execution) and records the Map Run", async () => {
      const result = await run(
        machine({ M: { Type: "Map", ItemProcessor: distributed({ P: { Type: "Pass", Parameters: { "input.$": "$$.Execution.Input", "id.$": "$$.Execution.Id" }, End: true } }), End: true } }),
        [10, 20],
      );
      const outputs = result.output as { input: number; id: string }[];
      expect(outputs.map((output) => output.input)).toEqual([10, 20]);
      expect(outputs[0]?.id).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:StateMachine\/M:/);
      expect(types(result)).toEqual(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]);
    });

    const failOdd = distributed({
      C: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "F" }], Default: "Ok" },
      F: { Type: "Fail", Error: "Odd", Cause: "odd" },
      Ok: { Type: "Succeed" },
    });
    const items = [{ n: 0 }, { n: 1 }, { n: 0 }, { n: 1 }];

    it.each<[string, Record<string, unknown>, string]>([
      ["no tolerance", {}, "FAILED"],
      ["ToleratedFailureCount 2", { ToleratedFailureCount: 2 }, "SUCCEEDED"],
      ["ToleratedFailureCount 1", { ToleratedFailureCount: 1 }, "FAILED"],
      ["ToleratedFailurePercentage 50", { ToleratedFailurePercentage: 50 }, "SUCCEEDED"],
      ["ToleratedFailurePercentage 25", { ToleratedFailurePercentage: 25 }, "FAILED"],
      ["ToleratedFailureCountPath", { ToleratedFailureCountPath: "$.tolerate" }, "SUCCEEDED"],
    ])("%s", async (_label, fields, status) => {
      const result = await run(machine({ M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: failOdd, ...fields, End: true } }), { items, tolerate: 5 });
      expect(result.status).toBe(status);
      if (status === "FAILED") expect(result.error).toBe("States.ExceedToleratedFailureThreshold");
    });

    // Causes recorded against Step Functions: localstack test_base_scenarios.snapshot.json,
    // test_map_state_tolerated_failure_count_path / test_map_state_tolerated_failure_percentage_path.
    it.each<[string, JsonValue, string]>([
      ["ToleratedFailureCount", {}, 'The ToleratedFailureCountPath field refers to value "{}" which is not a valid integer: $.tolerate'],
      ["ToleratedFailureCount", "NoNumber", 'The ToleratedFailureCountPath field refers to value "NoNumber" which is not a valid integer: $.tolerate'],
      ["ToleratedFailureCount", -1, "ToleratedFailureCount cannot be negative."],
      ["ToleratedFailurePercentage", {}, 'The ToleratedFailurePercentagePath field refers to value "{}" which is not a valid float: $.tolerate'],
      ["ToleratedFailurePercentage", "NoNumber", 'The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.tolerate'],
      ["ToleratedFailurePercentage", -1.1, "ToleratedFailurePercentage must be between 0 and 100."],
    ])("%sPath selecting %j fails with Step Functions' cause", async (field, tolerate, cause) => {
      const result = await run(machine({ M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: failOdd, [`${field}Path`]: "$.tolerate", End: true } }), { items, tolerate });
      expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime", cause: `An error occurred while executing the state 'M' (entered at the event id #2). ${cause}` });
    });

    it("batches items with ItemBatcher", async () => {
      const result = await run(
        machine({
          M: {
            Type: "Map",
            ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { "tag.$": "$.tag" } },
            ItemsPath: "$.items",
            ItemProcessor: distributed({ P: { Type: "Pass", End: true } }),
            End: true,
          },
        }),
        { tag: "t", items: [1, 2, 3] },
      );
      expect(result.output).toEqual([{ Items: [1, 2], BatchInput: { tag: "t" } }, { Items: [3], BatchInput: { tag: "t" } }]);
    });
  });

  // Recorded against Step Functions: localstack test_base_scenarios.snapshot.json, test_max_concurrency_path.
  it.each<[JsonValue, string]>([
    [{}, "{}"],
    ["NoNumber", "NoNumber"],
  ])("fails when MaxConcurrencyPath selects %j, which is not an integer", async (limit, quoted) => {
    const definition = machine({ M: { Type: "Map", ItemsPath: "$.Values", MaxConcurrencyPath: "$.limit", ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true } });
    expect(await run(definition, { Values: ["HelloWorld"], limit: 1 })).toMatchObject({ status: "SUCCEEDED", output: ["HelloWorld"] });
    // A string holding an integer is read as that integer (recorded: localstack test_reference_in_map_state).
    expect(await run(definition, { Values: ["HelloWorld"], limit: "1" })).toMatchObject({ status: "SUCCEEDED", output: ["HelloWorld"] });
    expect(await run(definition, { Values: ["HelloWorld"], limit })).toMatchObject({
      status: "FAILED",
      error: "States.Runtime",
      cause: `An error occurred while executing the state 'M' (entered at the event id #2). The MaxConcurrencyPath field refers to value "${quoted}" which is not a valid integer: $.limit`,
    });
  });

  it("refuses ItemReader and the other Map Run fields in inline mode", async () => {
    await expect(
      run(machine({ M: { Type: "Map", ItemReader: { Resource: "arn:aws:states:::s3:getObject" }, ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true } }), {}),
    ).rejects.toMatchObject({ name: "States.InvalidDefinition" });
    await expect(
      run(machine({ M: { Type: "Map", Label: "run", ItemProcessor: processor({ P: { Type: "Pass", End: true } }), End: true } }), []),
    ).rejects.toMatchObject({ name: "States.InvalidDefinition" });
  });

  // AWS accepts and runs an inline Map with failure tolerance (recorded for JSONata Maps: localstack
  // test_base_map[TOLERATED_FAILURE_*]); without a Map Run there is nothing to tolerate, so one failure fails it.
  it("runs an inline Map with ToleratedFailurePercentage, which tolerates nothing there", async () => {
    const inline = (itemState: Record<string, unknown>) =>
      machine({ M: { Type: "Map", ToleratedFailurePercentage: 100, ItemProcessor: processor({ P: itemState }), End: true } });
    expect((await run(inline({ Type: "Pass", End: true }), [1])).output).toEqual([1]);
    const failed = await run(inline({ Type: "Fail", Error: "Boom" }), [1, 2]);
    expect(failed).toMatchObject({ status: "FAILED", error: "Boom" });
  });
});
