import { describe, expect, it } from "vitest";
import { machine, run, runState, types } from "../../testing/helpers.js";

const jsonata = { QueryLanguage: "JSONata" };
const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe("JSONata Pass, Succeed, Fail, Wait", () => {
  it("fails with States.DataLimitExceeded naming the state when its Output is over 256 KiB (as a JSONPath Pass does)", async () => {
    const result = await runState({ ...jsonata, Type: "Pass", Output: "{% $pad('', 257 * 1024, 'a') %}", End: true }, {});
    expect(result).toMatchObject({
      status: "FAILED",
      error: "States.DataLimitExceeded",
      cause: "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });

  it("passes its input on without Output and evaluates Output with $states.input (AWS transforming-data)", async () => {
    expect((await runState({ ...jsonata, Type: "Pass", End: true }, { a: 1 })).output).toEqual({ a: 1 });
    const result = await runState(
      { ...jsonata, Type: "Pass", Output: { total: "{% $sum($states.input.prices) %}", fixed: "text", list: ["{% $states.input.prices[0] %}"] }, End: true },
      { prices: [1, 2, 3] },
    );
    expect(result.output).toEqual({ total: 6, fixed: "text", list: [1] });
  });

  it("takes QueryLanguage from the top level or from the state", async () => {
    const top = await run(machine({ S: { Type: "Pass", Output: "{% $states.input.x * 2 %}", End: true } }, jsonata), { x: 21 });
    expect(top.output).toBe(42);
    const mixed = await run(
      machine({ A: { Type: "Pass", Parameters: { "y.$": "$.x" }, Next: "B" }, B: { ...jsonata, Type: "Pass", Output: "{% $states.input.y + 1 %}", End: true } }),
      { x: 1 },
    );
    expect(mixed.output).toBe(2);
  });

  it("reads $states.context (the context object of $$)", async () => {
    const result = await runState({ ...jsonata, Type: "Pass", Output: "{% $states.context.State.Name & ':' & $states.context.Execution.Input.a %}", End: true }, { a: "x" });
    expect(result.output).toBe("S:x");
  });

  it("fails with States.QueryEvaluationError when an expression gives nothing or throws, and the error can be caught", async () => {
    const failed = await runState({ ...jsonata, Type: "Pass", Output: "{% $states.input.missing %}", End: true }, {});
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toBe("States.QueryEvaluationError");
    expect(failed.cause).toContain("'Output'");
    // Uncaught, the cause names the state and its entered event, as for States.Runtime (recorded executions:
    // localstack test_base_scenarios.snapshot.json, test_wait_timestamp_jsonata[*]).
    expect(failed.cause).toMatch(/^An error occurred while executing the state '\w+' \(entered at the event id #2\)\. The JSONata expression/);
    const wait = await run(machine({ WaitState: { Type: "Wait", Timestamp: "{% $states.input.TimestampValue %}", End: true } }, jsonata), { TimestampValue: "2016-12-05T21:29:29" });
    expect(wait.error).toBe("States.QueryEvaluationError");
    expect(wait.cause).toBe(
      "An error occurred while executing the state 'WaitState' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29",
    );
    const caught = await run(
      machine(
        {
          T: {
            Type: "Task",
            Resource: lambdaArn("f"),
            Output: "{% $states.result.nope %}",
            Catch: [{ ErrorEquals: ["States.QueryEvaluationError"], Output: "{% $states.errorOutput.Error %}", Next: "Done" }],
            End: true,
          },
          Done: { Type: "Succeed" },
        },
        jsonata,
      ),
      {},
      { lambdas: { f: () => ({ ok: true }) } },
    );
    expect(caught.output).toBe("States.QueryEvaluationError");
  });

  it("treats a variable never assigned as undefined, failing with the ordinary 'returned nothing' cause", async () => {
    // Recorded against AWS: localstack test_assign_reference_variables.snapshot.json, test_undefined_reference[*].
    const output = await runState({ ...jsonata, Type: "Pass", Output: { result: "{% $doesNotExist %}" }, End: true }, {});
    expect(output.cause).toBe(
      "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
    );
    const assign = await runState({ ...jsonata, Type: "Pass", Assign: { result: "{% $doesNotExist %}" }, End: true }, {});
    expect(assign.cause).toContain("The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).");
    // Only the value decides: an unassigned variable that the expression does not need is no error.
    const tolerated = await runState({ ...jsonata, Type: "Pass", Output: "{% [$doesNotExist, $exists($doesNotExist)] %}", End: true }, {});
    expect(tolerated.output).toEqual([false]);
  });

  it("Succeed shapes its output; Fail evaluates Error and Cause", async () => {
    expect((await runState({ ...jsonata, Type: "Succeed", Output: "{% $states.input.a %}" }, { a: [1] })).output).toEqual([1]);
    const failed = await runState({ ...jsonata, Type: "Fail", Error: "{% 'Err.' & $states.input.code %}", Cause: "{% $string($states.input.n) %}" }, { code: "X", n: 5 });
    expect(failed.error).toBe("Err.X");
    expect(failed.cause).toBe("5");
  });

  it("Wait takes Seconds and Timestamp from expressions", async () => {
    const waited = await runState({ ...jsonata, Type: "Wait", Seconds: "{% $states.input.s %}", End: true }, { s: 10 });
    expect(waited.output).toEqual({ s: 10 });
    const entered = waited.history[1]?.timestamp.getTime() ?? 0;
    const exited = waited.history[2]?.timestamp.getTime() ?? 0;
    expect(exited - entered).toBe(10_000);
    const bad = await runState({ ...jsonata, Type: "Wait", Seconds: "{% 'soon' %}", End: true }, {});
    expect(bad.error).toBe("States.QueryEvaluationError");
    const timestamp = await runState({ ...jsonata, Type: "Wait", Timestamp: "{% $states.input.t %}", End: true }, { t: "2016-03-14T01:59:00Z" });
    expect(timestamp.status).toBe("SUCCEEDED");
  });
});

describe("JSONata Choice", () => {
  const choice = (input: unknown) =>
    run(
      machine(
        {
          C: {
            Type: "Choice",
            Choices: [
              { Condition: "{% $states.input.n = 1 %}", Next: "One", Output: { picked: "one" } },
              { Condition: "{% $states.input.n > 1 %}", Next: "Many" },
            ],
            Default: "None",
          },
          One: { Type: "Succeed" },
          Many: { Type: "Succeed" },
          None: { Type: "Succeed", Output: "none" },
        },
        jsonata,
      ),
      input as never,
    );

  it("goes to the first rule whose Condition is true, with the rule's Output", async () => {
    expect((await choice({ n: 1 })).output).toEqual({ picked: "one" });
    expect((await choice({ n: 5 })).output).toEqual({ n: 5 });
    expect((await choice({ n: 0 })).output).toBe("none");
  });

  it("needs a boolean Condition", async () => {
    const result = await run(machine({ C: { Type: "Choice", Choices: [{ Condition: "{% 'yes' %}", Next: "E" }] }, E: { Type: "Succeed" } }, jsonata), {});
    expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("fails with States.NoChoiceMatched without a match or Default", async () => {
    const result = await run(machine({ C: { Type: "Choice", Choices: [{ Condition: "{% false %}", Next: "E" }] }, E: { Type: "Succeed" } }, jsonata), {});
    expect(result.error).toBe("States.NoChoiceMatched");
  });
});

describe("JSONata Task", () => {
  it("passes the input without Arguments and outputs the result without Output", async () => {
    const result = await runState({ ...jsonata, Type: "Task", Resource: lambdaArn("echo"), End: true }, { a: 1 }, { lambdas: { echo: (event) => ({ got: event }) } });
    expect(result.output).toEqual({ got: { a: 1 } });
  });

  it("evaluates Arguments and Output with $states.result", async () => {
    const result = await runState(
      {
        ...jsonata,
        Type: "Task",
        Resource: lambdaArn("song"),
        Arguments: { name: "{% $uppercase($states.input.who) %}" },
        Output: { song: "{% $states.result.song %}", asked: "{% $states.input.who %}" },
        End: true,
      },
      { who: "psy" },
      { lambdas: { song: (event) => ({ song: (event as { name: string }).name === "PSY" ? "gangnam style" : "i dont know" }) } },
    );
    expect(result.output).toEqual({ song: "gangnam style", asked: "psy" });
  });

  it("lambda:invoke takes FunctionName/Payload from Arguments and outputs the whole envelope", async () => {
    const result = await runState(
      { ...jsonata, Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Arguments: { FunctionName: "echo", Payload: "{% $states.input %}" }, End: true },
      { a: 1 },
      { lambdas: { echo: (event) => event } },
    );
    const envelope = result.output as { Payload: unknown; StatusCode: number };
    expect(envelope.Payload).toEqual({ a: 1 });
    expect(envelope.StatusCode).toBe(200);
  });

  it("evaluates TimeoutSeconds from an expression", async () => {
    const result = await runState(
      { ...jsonata, Type: "Task", Resource: "arn:aws:states:::test:slow", TimeoutSeconds: "{% $states.input.t %}", End: true },
      { t: 1 },
      { tasks: { "arn:aws:states:::test:slow": (_input, context) => new Promise((resolve) => context.signal.addEventListener("abort", () => resolve(null))) } },
    );
    expect(result.error).toBe("States.Timeout");
  });
});

describe("JSONata Parallel and Map", () => {
  it("Parallel sends Arguments to every branch and outputs the array", async () => {
    const branch = (name: string, expression: string) => ({ StartAt: name, States: { [name]: { Type: "Pass", Output: expression, End: true } } });
    const result = await run(
      machine(
        { Par: { Type: "Parallel", Arguments: { v: "{% $states.input.x %}" }, Branches: [branch("A", "{% $states.input.v + 1 %}"), branch("B", "{% $states.input.v * 10 %}")], End: true } },
        jsonata,
      ),
      { x: 2 },
    );
    expect(result.output).toEqual([3, 20]);
  });

  it("Map iterates Items, shapes each with ItemSelector ($states.context.Map.Item) and keeps Output", async () => {
    const result = await run(
      machine(
        {
          M: {
            Type: "Map",
            Items: "{% $states.input.list %}",
            ItemSelector: { value: "{% $states.context.Map.Item.Value %}", index: "{% $states.context.Map.Item.Index %}", tag: "{% $states.input.tag %}" },
            MaxConcurrency: "{% 2 %}",
            ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
            Output: { items: "{% $states.result %}", count: "{% $count($states.result) %}" },
            End: true,
          },
        },
        jsonata,
      ),
      { list: ["a", "b"], tag: "t" },
    );
    expect(result.output).toEqual({ items: [{ value: "a", index: 0, tag: "t" }, { value: "b", index: 1, tag: "t" }], count: 2 });
    expect(types(result)).toContain("MapIterationSucceeded");
  });

  it("Map without Items iterates its input, which must be an array", async () => {
    const map = { Type: "Map", ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input * 2 %}", End: true } } }, End: true };
    expect((await run(machine({ M: map }, jsonata), [1, 2])).output).toEqual([2, 4]);
    expect((await run(machine({ M: { ...map, Items: "{% 'x' %}" } }, jsonata), [])).error).toBe("States.QueryEvaluationError");
    // Recorded against AWS: localstack test_base_scenarios.snapshot.json, test_map_state_items_input_types[*].
    const notArray = await run(machine({ M: map }, jsonata), { foo: "bar" });
    expect(notArray.error).toBe("States.QueryEvaluationError");
    expect(notArray.cause).toBe(
      'An error occurred while executing the state \'M\' (entered at the event id #2). Map state input must be an array but was: {"foo":"bar"}',
    );
  });

  // Recorded against Step Functions: localstack test_base_evaluate_expressions.snapshot.json (test_base_map[TOLERATED_FAILURE_*]).
  it("runs an inline Map that sets ToleratedFailureCount/Percentage, which only a Map Run applies", async () => {
    const processor = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
    for (const field of ["ToleratedFailureCount", "ToleratedFailurePercentage"]) {
      const map = { Type: "Map", Items: [1], MaxConcurrency: 1, [field]: "{% $variable := 1 %}", ItemProcessor: processor, End: true };
      expect((await run(machine({ Start: map }, jsonata), {})).output).toEqual([1]);
    }
    const failing = { StartAt: "F", States: { F: { Type: "Fail", Error: "Boom" } } };
    const tolerant = { Type: "Map", Items: [1, 2], ToleratedFailurePercentage: 100, ItemProcessor: failing, End: true };
    expect((await run(machine({ Start: tolerant }, jsonata), {})).error).toBe("Boom");
  });

  // Recorded against Step Functions: localstack test_base_scenarios.snapshot.json (test_map_state_items_variable_sampling).
  it("names the Items expression, the type it gave and its value when Items is not an array", async () => {
    const map = { Type: "Map", Items: "{% $ItemsVar %}", ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true };
    for (const [value, type, text] of [
      [null, "null", "null"],
      [{ foo: "bar" }, "object", '{"foo":"bar"}'],
    ] as const) {
      const result = await run(machine({ Start: { Type: "Pass", Assign: { ItemsVar: value }, Next: "MapIterateState" }, MapIterateState: map }, jsonata), {});
      expect(result.error).toBe("States.QueryEvaluationError");
      expect(result.cause).toBe(
        `An error occurred while executing the state 'MapIterateState' (entered at the event id #4). The JSONata expression '$ItemsVar' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${text}`,
      );
    }
  });
});
