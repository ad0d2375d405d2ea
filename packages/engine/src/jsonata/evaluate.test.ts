import { describe, expect, it } from "vitest";
import { QueryEvaluationError, StatesRuntimeError } from "../errors.js";
import { compileJsonata, JsonataSyntaxError } from "./compile.js";
import { evaluateJsonata, JsonataEvaluationError, type JsonataBindings } from "./evaluate.js";

const context = { Execution: { Id: "arn:aws:states:us-east-1:123456789012:execution:sm:run-1" } };
const bindings: JsonataBindings = {
  states: { input: { title: "Doctor", age: 42, items: [{ price: 5 }, { price: 12 }], tags: ["a"] }, context },
  variables: { customerName: "María", limit: 10 },
};

describe("evaluateJsonata", () => {
  it("reads $states.input, $states.context and workflow variables", async () => {
    expect(await evaluateJsonata("{% $states.input.title %}", bindings)).toBe("Doctor");
    expect(await evaluateJsonata("{% $states.input.age >= 18 %}", bindings)).toBe(true);
    expect(await evaluateJsonata("{% 'Hello ' & $customerName %}", bindings)).toBe("Hello María");
    expect(await evaluateJsonata("{% $states.context.Execution.Id %}", bindings)).toBe(context.Execution.Id);
    expect(await evaluateJsonata("{% $states.input.items[price > $limit].price %}", bindings)).toBe(12);
  });

  it("reads $states.result and $states.errorOutput only when they are bound", async () => {
    const withResult: JsonataBindings = {
      states: { ...bindings.states, result: { Payload: 1 }, errorOutput: { Error: "E", Cause: "c" } },
    };
    expect(await evaluateJsonata("{% [$states.result.Payload, $states.errorOutput.Error] %}", withResult)).toEqual([1, "E"]);
    await expect(evaluateJsonata("{% $states.result %}", bindings, { field: "Output" })).rejects.toThrow(
      "The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined).",
    );
  });

  it("keeps null as a value and arrays as arrays, without jsonata's sequence flags", async () => {
    expect(await evaluateJsonata("{% null %}", bindings)).toBeNull();
    const prices = await evaluateJsonata("{% $states.input.items.price %}", bindings);
    expect(prices).toEqual([5, 12]);
    expect(Object.keys(prices ?? {})).toEqual(["0", "1"]);
    expect(await evaluateJsonata("{% $states.input.tags %}", bindings)).toEqual(["a"]);
  });

  it("writes non-finite numbers as their names", async () => {
    expect(await evaluateJsonata("{% 1/0 %}", bindings)).toBe("Infinity");
  });

  it("fails with States.QueryEvaluationError naming the expression and field", async () => {
    const failure = evaluateJsonata("{%  $states.input.title + 1  %}", bindings, { field: "Arguments/Input/n" });
    await expect(failure).rejects.toBeInstanceOf(JsonataEvaluationError);
    await expect(failure).rejects.toBeInstanceOf(QueryEvaluationError);
    await expect(failure).rejects.toMatchObject({
      name: "States.QueryEvaluationError",
      code: "T2001",
      field: "Arguments/Input/n",
      expression: "$states.input.title + 1",
      message:
        "The JSONata expression '$states.input.title + 1' specified for the field 'Arguments/Input/n' threw an error during evaluation: The left side of the \"+\" operator must evaluate to a number",
    });
  });

  it("fails for an unknown variable, as a never-assigned workflow variable does", async () => {
    await expect(evaluateJsonata("{% $neverAssigned %}", bindings)).rejects.toThrow(
      "The JSONata expression '$neverAssigned' returned nothing (undefined).",
    );
  });

  it("refuses a function as a result", async () => {
    await expect(evaluateJsonata("{% function($x){ $x } %}", bindings, { field: "Output" })).rejects.toThrow(
      "The JSONata expression 'function($x){ $x }' specified for the field 'Output' returned an unsupported result type.",
    );
    await expect(evaluateJsonata("{% $sum %}", bindings)).rejects.toThrow("returned an unsupported result type.");
  });

  it("stops a runaway expression at the time limit", async () => {
    const started = Date.now();
    await expect(
      evaluateJsonata("{% ( $loop := function($n){ $loop($n + 1) }; $loop(0) ) %}", bindings, {
        field: "Output",
        limits: { timeoutMs: 100 },
      }),
    ).rejects.toMatchObject({ name: "States.QueryEvaluationError", code: "D1012" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops deep recursion at the depth limit: $f(31) passes and $f(32) fails, as on AWS", async () => {
    const recurse = (n: number) => `{% ( $f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(${n}) ) %}`;
    expect(await evaluateJsonata(recurse(31), bindings)).toBe(31);
    await expect(evaluateJsonata(recurse(32), bindings)).rejects.toMatchObject({ code: "D1011" });
    expect(await evaluateJsonata(`{% ${Array(100).fill("1").join("+")} %}`, bindings)).toBe(100);
    await expect(evaluateJsonata(`{% ${Array(101).fill("1").join("+")} %}`, bindings)).rejects.toMatchObject({
      code: "D1011",
    });
  });

  it("stops an oversized sequence at the sequence limit", async () => {
    await expect(
      evaluateJsonata("{% $count([1..100]) %}", bindings, { limits: { maxSequence: 50 } }),
    ).rejects.toMatchObject({ code: "D2015" });
    expect(await evaluateJsonata("{% $count([1..100]) %}", bindings)).toBe(100);
  });

  it("evaluates one compiled expression concurrently with separate runtimes", async () => {
    const results = await Promise.all(
      ["a", "b", "c"].map((id) => evaluateJsonata("{% [$uuid(), $uuid()] %}", bindings, { uuid: () => id })),
    );
    expect(results).toEqual([
      ["a", "a"],
      ["b", "b"],
      ["c", "c"],
    ]);
  });
});

describe("compileJsonata", () => {
  it("caches by text and limits", () => {
    const first = compileJsonata("{% $states.input.a %}");
    expect(compileJsonata("{% $states.input.a %}")).toBe(first);
    expect(compileJsonata("{% $states.input.a %}", { timeoutMs: 10 })).not.toBe(first);
    expect(first.expression).toBe("$states.input.a");
  });

  it("accepts a bare expression", async () => {
    expect(await evaluateJsonata(compileJsonata("$states.input.age + 1"), bindings)).toBe(43);
  });

  it("refuses an expression that does not parse with a States.Runtime error", () => {
    let caught: unknown;
    try {
      compileJsonata("{% a[1,2) %}");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonataSyntaxError);
    expect(caught).toBeInstanceOf(StatesRuntimeError);
    expect(caught).toMatchObject({
      name: "States.Runtime",
      code: "S0202",
      position: 7,
      message: "The JSONata expression 'a[1,2)' is invalid: S0202: Expected \"]\", got \",\"",
    });
  });
});
