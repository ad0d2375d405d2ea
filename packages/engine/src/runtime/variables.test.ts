import { describe, expect, it } from "vitest";
import { machine, run } from "../testing/helpers.js";

const jsonata = { QueryLanguage: "JSONata" };
const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe("Assign in JSONPath states", () => {
  it("assigns constants and paths, read later as $name and $name.field (AWS workflow-variables example)", async () => {
    const result = await run(
      machine({
        A: { Type: "Pass", Assign: { productName: "product1", count: 42, available: true, "order.$": "$.order" }, Next: "B" },
        B: { Type: "Pass", Parameters: { "name.$": "$productName", "count.$": "$count", "id.$": "$order.id", "all.$": "$available" }, End: true },
      }),
      { order: { id: "o-1" } },
    );
    expect(result.output).toEqual({ name: "product1", count: 42, id: "o-1", all: true });
  });

  it("evaluates every assignment of a state on the entry snapshot (a swap works)", async () => {
    const result = await run(
      machine({
        Init: { Type: "Pass", Assign: { x: 1, y: 2 }, Next: "Swap" },
        Swap: { Type: "Pass", Assign: { "x.$": "$y", "y.$": "$x" }, Next: "Read" },
        Read: { Type: "Pass", Parameters: { "x.$": "$x", "y.$": "$y" }, End: true },
      }),
      {},
    );
    expect(result.output).toEqual({ x: 2, y: 1 });
  });

  it("reads the result after ResultSelector in a Task's Assign, with intrinsics and $$", async () => {
    const result = await run(
      machine({
        T: {
          Type: "Task",
          Resource: lambdaArn("f"),
          ResultSelector: { "v.$": "$.value" },
          ResultPath: "$.r",
          Assign: { "v.$": "$.v", "label.$": "States.Format('{}-{}', $.v, $$.State.Name)" },
          Next: "Read",
        },
        Read: { Type: "Pass", Parameters: { "v.$": "$v", "label.$": "$label" }, End: true },
      }),
      {},
      { lambdas: { f: () => ({ value: 7 }) } },
    );
    expect(result.output).toEqual({ v: 7, label: "7-T" });
  });

  it("runs a matched choice rule's Assign, and a catcher's Assign with the error output as $", async () => {
    const result = await run(
      machine({
        C: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Assign: { picked: "one" }, Next: "T" }], Default: "T" },
        T: { Type: "Task", Resource: lambdaArn("boom"), Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "error.$": "$.Error" }, ResultPath: null, Next: "Read" }], End: true },
        Read: { Type: "Pass", Parameters: { "picked.$": "$picked", "error.$": "$error" }, End: true },
      }),
      { n: 1 },
      {
        lambdas: {
          boom: () => {
            throw new RangeError("no");
          },
        },
      },
    );
    expect(result.output).toEqual({ picked: "one", error: "RangeError" });
  });

  it("records assignedVariables in the state's exit event", async () => {
    const result = await run(machine({ A: { Type: "Pass", Assign: { x: { a: 1 }, s: "t" }, End: true } }), {});
    expect(result.history[2]?.stateExitedEventDetails).toEqual({
      name: "A",
      output: "{}",
      outputDetails: { truncated: false },
      assignedVariables: { x: '{"a":1}', s: '"t"' },
      assignedVariablesDetails: { truncated: false },
    });
  });
});

describe("Assign in JSONata states", () => {
  it("reads $states.result in Assign; the new variable is read by the next state", async () => {
    const result = await run(
      machine(
        {
          T: { Type: "Task", Resource: lambdaArn("f"), Assign: { price: "{% $states.result.price %}" }, Output: { got: "{% $states.result.price %}" }, Next: "Read" },
          Read: { Type: "Pass", Output: { got: "{% $states.input.got %}", price: "{% $price %}" }, End: true },
        },
        jsonata,
      ),
      {},
      { lambdas: { f: () => ({ price: 9 }) } },
    );
    expect(result.output).toEqual({ got: 9, price: 9 });
  });

  it("does not show a variable to the Output of the state that assigns it (entry snapshot)", async () => {
    const result = await run(machine({ P: { Type: "Pass", Assign: { fresh: 1 }, Output: "{% $fresh %}", End: true } }, jsonata), {});
    expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("fails with States.QueryEvaluationError when an expression reads a variable never assigned", async () => {
    const result = await run(machine({ P: { Type: "Pass", Output: "{% $nothing %}", End: true } }, jsonata), {});
    expect(result.error).toBe("States.QueryEvaluationError");
    expect(result.cause).toContain("$nothing");
  });

  it("lets a variable named like a built-in ($type) shadow it, as in the developer guide's Choice example", async () => {
    const result = await run(machine({ A: { Type: "Pass", Assign: { type: "local" }, Next: "B" }, B: { Type: "Pass", Output: "{% $type = 'local' %}", End: true } }, jsonata), {});
    expect(result.output).toBe(true);
  });

  it("swaps two variables in one Assign", async () => {
    const result = await run(
      machine(
        {
          Init: { Type: "Pass", Assign: { x: 1, y: 2 }, Next: "Swap" },
          Swap: { Type: "Pass", Assign: { x: "{% $y %}", y: "{% $x %}" }, Next: "Read" },
          Read: { Type: "Pass", Output: "{% [$x, $y] %}", End: true },
        },
        jsonata,
      ),
      {},
    );
    expect(result.output).toEqual([2, 1]);
  });

  it("takes the state's Assign with the Default branch of a Choice and the rule's Assign on a match", async () => {
    const definition = machine(
      {
        C: {
          Type: "Choice",
          Assign: { way: "default", seen: true },
          Choices: [{ Condition: "{% $states.input.go %}", Assign: { way: "rule" }, Next: "E" }],
          Default: "E",
        },
        E: { Type: "Pass", Output: "{% [$way, $seen] %}", End: true },
      },
      jsonata,
    );
    expect((await run(definition, { go: true })).output).toEqual(["rule", true]);
    expect((await run(definition, { go: false })).output).toEqual(["default", true]);
  });
});

describe("variable scopes", () => {
  const branch = (name: string, state: Record<string, unknown>) => ({ StartAt: name, States: { [name]: { ...state, End: true } } });

  it("lets Parallel branches read outer variables, keeps siblings apart and lets the catcher assign outside", async () => {
    const result = await run(
      machine(
        {
          Init: { Type: "Pass", Assign: { outer: 10 }, Next: "Par" },
          Par: {
            Type: "Parallel",
            Branches: [
              branch("A", { Type: "Pass", Assign: { mine: 1 }, Output: "{% $outer + 1 %}" }),
              branch("B", { Type: "Pass", Output: "{% $outer * 2 %}" }),
            ],
            Assign: { results: "{% $states.result %}" },
            Next: "Read",
          },
          Read: { Type: "Pass", Output: { results: "{% $results %}", mineVisible: "{% $exists($lookup($states.context, 'mine')) %}" }, End: true },
        },
        jsonata,
      ),
      {},
    );
    expect(result.output).toEqual({ results: [11, 20], mineVisible: false });
  });

  it("refuses assigning an outer variable inside a branch (States.Runtime)", async () => {
    const result = await run(
      machine(
        {
          Init: { Type: "Pass", Assign: { outer: 1 }, Next: "Par" },
          Par: { Type: "Parallel", Branches: [branch("A", { Type: "Pass", Assign: { outer: 2 } })], End: true },
        },
        jsonata,
      ),
      {},
    );
    expect(result.error).toBe("States.Runtime");
  });

  it("does not let a sibling read a branch's variable", async () => {
    const result = await run(
      machine(
        {
          Par: {
            Type: "Parallel",
            Branches: [
              { StartAt: "A1", States: { A1: { Type: "Pass", Assign: { mine: 1 }, Next: "A2" }, A2: { Type: "Pass", Output: "{% $mine %}", End: true } } },
              { StartAt: "B1", States: { B1: { Type: "Wait", Seconds: 1, Next: "B2" }, B2: { Type: "Pass", Output: "{% $mine %}", End: true } } },
            ],
            End: true,
          },
        },
        jsonata,
      ),
      {},
    );
    expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("lets a Map catcher assign in the outer scope, and iterations read outer variables", async () => {
    const result = await run(
      machine(
        {
          Init: { Type: "Pass", Assign: { factor: 3 }, Next: "M" },
          M: {
            Type: "Map",
            Items: "{% [1, 2] %}",
            ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input * $factor %}", Next: "F" }, F: { Type: "Fail", Error: "Boom" } } },
            Catch: [{ ErrorEquals: ["Boom"], Assign: { failure: "{% $states.errorOutput.Error %}" }, Next: "Read" }],
            End: true,
          },
          Read: { Type: "Pass", Output: "{% $failure & ':' & $string($factor) %}", End: true },
        },
        jsonata,
      ),
      {},
    );
    expect(result.output).toBe("Boom:3");
  });

  it("gives a distributed Map's items no outer variables", async () => {
    const result = await run(
      machine(
        {
          Init: { Type: "Pass", Assign: { outer: 1 }, Next: "M" },
          M: {
            Type: "Map",
            Items: "{% [1] %}",
            ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "P", States: { P: { Type: "Pass", Output: "{% $outer %}", End: true } } },
            End: true,
          },
        },
        jsonata,
      ),
      {},
    );
    expect(result.error).toBe("States.ExceedToleratedFailureThreshold");
  });

  it("fails with States.Runtime when one variable is over 256 KiB", async () => {
    const result = await run(machine({ P: { Type: "Pass", Assign: { big: "{% $join($map([1..300000], function($v) { 'x' })) %}" }, End: true } }, jsonata), {});
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("262144-byte limit");
  });
});
