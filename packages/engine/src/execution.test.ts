import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "./errors.js";
import { runExecution, StateMachine } from "./state-machine.js";
import { VirtualClock } from "./runtime/clock.js";
import { machine, run, types } from "./testing/helpers.js";
import type { HistoryEvent } from "./types.js";

const waitForever = machine({ T: { Type: "Task", Resource: "arn:aws:states:::local:never", End: true } });
const never = { "arn:aws:states:::local:never": () => new Promise<never>(() => {}) };

describe("executions", () => {
  it("stop() aborts a running execution (ABORTED, ExecutionAborted)", async () => {
    const execution = new StateMachine(waitForever).start({}, { tasks: never });
    setTimeout(() => execution.stop("Stopped", "by the test"), 10);
    const result = await execution.done;
    expect(result).toMatchObject({ status: "ABORTED", error: "Stopped", cause: "by the test" });
    expect(types(result).at(-1)).toBe("ExecutionAborted");
  });

  // Recorded against AWS: localstack test_sfn_api.snapshot.json, test_stop_execution (a Wait of 10 s stopped).
  it("a stop during a Wait records WaitStateEntered then ExecutionAborted, each with previousEventId 0", async () => {
    const execution = new StateMachine(machine({ W: { Type: "Wait", Seconds: 10, End: true } })).start({});
    setTimeout(() => execution.stop(), 10);
    const result = await execution.done;
    expect(result.history.map((event) => [event.type, event.id, event.previousEventId])).toEqual([
      ["ExecutionStarted", 1, 0],
      ["WaitStateEntered", 2, 0],
      ["ExecutionAborted", 3, 0],
    ]);
    expect(result.history[2]?.executionAbortedEventDetails).toEqual({});
  });

  it("an AbortSignal aborts too", async () => {
    const controller = new AbortController();
    const done = runExecution(waitForever, {}, { tasks: never, signal: controller.signal });
    controller.abort();
    expect((await done).status).toBe("ABORTED");
  });

  it("times out after the machine's TimeoutSeconds (virtual clock)", async () => {
    const result = await run(machine({ W: { Type: "Wait", Seconds: 100, End: true } }, { TimeoutSeconds: 50 }), {}, { clock: new VirtualClock(0) });
    // DescribeExecution of a timed-out execution has neither error nor cause (recorded against Step Functions:
    // localstack test_timeouts.snapshot.json, test_global_timeout); the ExecutionTimedOut event names States.Timeout.
    expect(result.status).toBe("TIMED_OUT");
    expect(result.error).toBeUndefined();
    expect(result.cause).toBeUndefined();
    expect(result.history.at(-1)).toMatchObject({ type: "ExecutionTimedOut", executionTimedOutEventDetails: { error: "States.Timeout" } });
  });

  it("times out after the machine's TimeoutSeconds (real clock)", async () => {
    const result = await runExecution(machine({ T: { Type: "Task", Resource: "arn:aws:states:::local:never", End: true } }, { TimeoutSeconds: 1 }), {}, { tasks: never });
    expect(result.status).toBe("TIMED_OUT");
  });

  it("streams events live, in order, to onEvent and to events", async () => {
    const live: HistoryEvent[] = [];
    const execution = new StateMachine(
      machine({ A: { Type: "Pass", Next: "T" }, T: { Type: "Task", Resource: "arn:aws:states:::local:echo", Next: "B" }, B: { Type: "Wait", Seconds: 1, End: true } }),
    ).start({ x: 1 }, { onEvent: (event) => live.push(event), clock: "virtual", tasks: { "arn:aws:states:::local:echo": async (input) => input } });
    const streamed: string[] = [];
    for await (const event of execution.events) streamed.push(event.type);
    const result = await execution.done;
    expect(result.status).toBe("SUCCEEDED");
    // Events are read as they are recorded, also those of records that stand for several events (visits, attempts).
    const expected = [
      "ExecutionStarted",
      "PassStateEntered",
      "PassStateExited",
      "TaskStateEntered",
      "TaskScheduled",
      "TaskStarted",
      "TaskSucceeded",
      "TaskStateExited",
      "WaitStateEntered",
      "WaitStateExited",
      "ExecutionSucceeded",
    ];
    expect(live.map((event) => event.type)).toEqual(expected);
    expect(live.map((event) => event.previousEventId)).toEqual([0, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(live[4]?.taskScheduledEventDetails).toMatchObject({ resourceType: "local", resource: "echo", parameters: '{"x":1}' });
    expect(live[6]?.taskSucceededEventDetails).toMatchObject({ output: '{"x":1}' });
    expect(streamed).toEqual(expected);
    expect(live.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("rejects the execution's promise when a listener throws as the end is recorded, whether the run waited or not", async () => {
    const definition = { StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::local:t", End: true } } };
    const onEvent = (event: HistoryEvent): void => {
      if (event.type === "ExecutionSucceeded") throw new Error("listener broke");
    };
    const synchronous = runExecution(definition, {}, { tasks: { "arn:aws:states:::local:t": () => 1 }, onEvent });
    const awaited = runExecution(definition, {}, { tasks: { "arn:aws:states:::local:t": async () => 1 }, onEvent });
    await expect(synchronous).rejects.toThrow("listener broke");
    await expect(awaited).rejects.toThrow("listener broke");
  });

  it("fails the execution with States.Runtime when a listener throws on a state's event", async () => {
    const definition = { StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::local:t", End: true } } };
    const onEvent = (event: HistoryEvent): void => {
      if (event.type === "TaskSucceeded") throw new Error("listener broke");
    };
    const result = await runExecution(definition, {}, { tasks: { "arn:aws:states:::local:t": async () => 1 }, onEvent });
    expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(result.cause).toContain("listener broke");
  });

  it("resumes from a persisted point, continuing the history", async () => {
    const definition = machine({ A: { Type: "Pass", Result: { step: "a" }, Next: "B" }, B: { Type: "Pass", Parameters: { "from.$": "$.step", "input.$": "$$.Execution.Input" }, End: true } });
    const first = await run(definition, { original: true });
    const cut = first.history.slice(0, 3);
    const resumed = await run(definition, null, { resume: { stateName: "B", input: { step: "a" }, startDate: first.startDate, history: cut } });
    expect(resumed.output).toEqual({ from: "a", input: { original: true } });
    expect(resumed.history.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(types(resumed)).toEqual(types(first));
  });

  it("fails with States.DataLimitExceeded for payloads over 256 KiB (and accepts a raised limit)", async () => {
    const big = { text: "x".repeat(270_000) };
    const result = await run(machine({ P: { Type: "Pass", End: true } }), big);
    expect(result.error).toBe("States.DataLimitExceeded");
    const raised = await run(machine({ P: { Type: "Pass", End: true } }), big, { maxPayloadBytes: 1_000_000 });
    expect(raised.status).toBe("SUCCEEDED");
  });

  it("fails with States.Runtime past the history quota (an endless loop ends)", async () => {
    const loop = machine({
      A: { Type: "Pass", Next: "B" },
      B: { Type: "Choice", Choices: [{ Variable: "$.stop", IsPresent: true, Next: "Done" }], Default: "A" },
      Done: { Type: "Succeed" },
    });
    const result = await run(loop, {});
    expect(result.error).toBe("States.Runtime");
    expect(result.history.length).toBeGreaterThan(25_000);
    expect((await run(loop, {}, { maxHistoryEvents: 100 })).history.length).toBeLessThan(110);
  });

  it("reports every problem of an invalid definition with a JSON pointer", () => {
    try {
      new StateMachine({ StartAt: "Nope", States: { A: { Type: "Pass", Next: "Missing" }, B: { Type: "Bogus" }, C: { Type: "Task", End: true, InputPath: "bad" } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDefinitionError);
      const pointers = (error as InvalidDefinitionError).problems.map((problem) => problem.pointer);
      for (const pointer of ["/StartAt", "/States/A/Next", "/States/B/Type", "/States/C/InputPath", "/States/C/Resource"]) expect(pointers).toContain(pointer);
    }
  });

  it("compiles a definition object once for runExecution", async () => {
    const definition = machine({ P: { Type: "Pass", End: true } });
    const first = await runExecution(definition, 1);
    const second = await runExecution(definition, 2);
    expect([first.output, second.output]).toEqual([1, 2]);
  });

  it("loads JSONata states and Assign, and refuses a JSONata expression that does not parse", () => {
    expect(() => new StateMachine({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input %}", End: true } } })).not.toThrow();
    expect(() => new StateMachine(machine({ P: { Type: "Pass", Assign: { x: 1 }, End: true } }))).not.toThrow();
    expect(() => new StateMachine({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input. %}", End: true } } })).toThrow(
      InvalidDefinitionError,
    );
  });
});
