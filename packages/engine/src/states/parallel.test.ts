import { describe, expect, it } from "vitest";
import { machine, run, types } from "../testing/helpers.js";

const terminal = new Set(["Fail", "Succeed"]);
const branch = (name: string, state: Record<string, unknown>) => ({
  StartAt: name,
  States: { [name]: terminal.has(String(state.Type)) ? state : { ...state, End: true } },
});

describe("Parallel", () => {
  it("runs every branch on the same input; the result is the array of outputs", async () => {
    const result = await run(
      machine({
        P: {
          Type: "Parallel",
          Branches: [branch("A", { Type: "Pass", InputPath: "$.a" }), branch("B", { Type: "Pass", Parameters: { "b.$": "$.b" } })],
          ResultPath: "$.results",
          End: true,
        },
      }),
      { a: 1, b: 2 },
    );
    expect(result.output).toEqual({ a: 1, b: 2, results: [1, { b: 2 }] });
    const list = types(result);
    expect(list.slice(0, 3)).toEqual(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted"]);
    expect(list.slice(-3)).toEqual(["ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"]);
  });

  it("applies Parameters and ResultSelector", async () => {
    const result = await run(
      machine({
        P: {
          Type: "Parallel",
          Parameters: { "x.$": "$.x" },
          Branches: [branch("A", { Type: "Pass" }), branch("B", { Type: "Pass", OutputPath: "$.x" })],
          ResultSelector: { "first.$": "$[0].x", "second.$": "$[1]" },
          End: true,
        },
      }),
      { x: "v", ignored: true },
    );
    expect(result.output).toEqual({ first: "v", second: "v" });
  });

  it("fails with the failing branch's error, stops the others, and is caught by Catch", async () => {
    let slowAborted = false;
    const result = await run(
      machine({
        P: {
          Type: "Parallel",
          Branches: [
            branch("Slow", { Type: "Task", Resource: "arn:aws:states:::local:slow" }),
            branch("Boom", { Type: "Fail", Error: "Boom", Cause: "branch failed" }),
          ],
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      }),
      { keep: 1 },
      {
        tasks: {
          "arn:aws:states:::local:slow": (_input, context) =>
            new Promise((_resolve, reject) =>
              context.signal.addEventListener("abort", () => {
                slowAborted = true;
                reject(new Error("aborted"));
              }),
            ),
        },
      },
    );
    expect(result.output).toEqual({ keep: 1, error: { Error: "Boom", Cause: "branch failed" } });
    expect(slowAborted).toBe(true);
    expect(types(result)).toContain("ParallelStateFailed");
  });

  it("sees the execution input in $$.Execution.Input inside branches", async () => {
    const result = await run(
      machine({ P: { Type: "Parallel", InputPath: "$.inner", Branches: [branch("A", { Type: "Pass", Parameters: { "original.$": "$$.Execution.Input" } })], End: true } }),
      { inner: {}, top: true },
    );
    expect(result.output).toEqual([{ original: { inner: {}, top: true } }]);
  });

  it("chains previousEventId per branch", async () => {
    const result = await run(machine({ P: { Type: "Parallel", Branches: [branch("A", { Type: "Pass" }), branch("B", { Type: "Pass" })], End: true } }), {});
    const started = result.history.find((event) => event.type === "ParallelStateStarted");
    const entered = result.history.filter((event) => event.type === "PassStateEntered");
    expect(entered.map((event) => event.previousEventId)).toEqual([started?.id, started?.id]);
  });
});
