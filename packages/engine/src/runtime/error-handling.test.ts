import type { JsonValue } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { DataLimitExceeded, errorMatches, HeartbeatTimeout, type StatesError, StatesRuntimeError, StatesTimeout, TaskError } from "../errors.js";
import { machine, run } from "../testing/helpers.js";
import type { ExecutionResult, TaskHandler } from "../types.js";
import { VirtualClock } from "./clock.js";
import { type CompiledRetrier, retryDelayMs } from "./error-handling.js";

/** A handler that throws `errors` in turn, then returns "ok". */
function failing(...errors: Error[]): TaskHandler & { calls: number } {
  const handler = Object.assign(
    (): JsonValue => {
      const error = errors[handler.calls++];
      if (error !== undefined) throw error;
      return "ok";
    },
    { calls: 0 },
  );
  return handler;
}

function named(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Seconds between the TaskScheduled events of a run. */
function gaps(result: ExecutionResult): number[] {
  const times = result.history.filter((event) => event.type === "TaskScheduled").map((event) => event.timestamp.getTime());
  return times.slice(1).map((time, i) => (time - (times[i] ?? 0)) / 1000);
}

const resource = "arn:aws:states:::local:t";
const task = (fields: Record<string, unknown>) => machine({ T: { Type: "Task", Resource: resource, Next: "Caught", ...fields }, Caught: { Type: "Pass", End: true } });

describe("errorMatches", () => {
  it.each<[string[], StatesError, boolean]>([
    [["States.ALL"], new TaskError("Custom", ""), true],
    [["States.ALL"], new StatesTimeout(""), true],
    [["States.ALL"], new StatesRuntimeError(""), false],
    [["States.Runtime"], new StatesRuntimeError(""), false],
    [["States.ALL"], new DataLimitExceeded(""), false],
    [["States.DataLimitExceeded"], new DataLimitExceeded(""), false],
    [["States.ALL"], new DataLimitExceeded("", false), true],
    [["States.DataLimitExceeded"], new DataLimitExceeded("", false), true],
    [["States.HeartbeatTimeout"], new HeartbeatTimeout(), true],
    [["States.Timeout"], new HeartbeatTimeout(), true],
    [["States.HeartbeatTimeout"], new StatesTimeout(), false],
    [["States.TaskFailed"], new TaskError("Custom", ""), true],
    [["States.TaskFailed"], new StatesTimeout(""), false],
    [["Custom"], new TaskError("Custom", ""), true],
    [["Other", "Custom"], new TaskError("Custom", ""), true],
    [["custom"], new TaskError("Custom", ""), false],
  ])("%j vs %s", (names, error, expected) => {
    expect(errorMatches(names, error)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  const retrier: CompiledRetrier = { errorEquals: ["States.ALL"], intervalSeconds: 2, maxAttempts: 5, backoffRate: 3, maxDelaySeconds: undefined, fullJitter: false };
  it("grows by BackoffRate, is capped by MaxDelaySeconds, and is scaled by FULL jitter", () => {
    expect([0, 1, 2].map((attempt) => retryDelayMs(retrier, attempt, Math.random))).toEqual([2000, 6000, 18000]);
    expect(retryDelayMs({ ...retrier, maxDelaySeconds: 10 }, 2, Math.random)).toBe(10000);
    expect(retryDelayMs({ ...retrier, fullJitter: true }, 1, () => 0.25)).toBe(1500);
  });
});

describe("Retry", () => {
  it("retries with IntervalSeconds and BackoffRate on the virtual clock (defaults 1 s, ×2, 3 attempts)", async () => {
    const handler = failing(named("Flaky"), named("Flaky"), named("Flaky"));
    const result = await run(task({ Retry: [{ ErrorEquals: ["Flaky"] }] }), {}, { tasks: { [resource]: handler }, clock: new VirtualClock(0) });
    expect(result.output).toBe("ok");
    expect(handler.calls).toBe(4);
    expect(gaps(result)).toEqual([1, 2, 4]);
  });

  it("gives up after MaxAttempts and fails with the last error", async () => {
    const handler = failing(named("Flaky"), named("Flaky"), named("Flaky", "third"));
    const result = await run(task({ Retry: [{ ErrorEquals: ["Flaky"], MaxAttempts: 2, IntervalSeconds: 3, BackoffRate: 1.5 }] }), {}, { tasks: { [resource]: handler } });
    expect(result).toMatchObject({ status: "FAILED", error: "Flaky", cause: "third" });
    expect(handler.calls).toBe(3);
    expect(gaps(result)).toEqual([3, 4.5]);
  });

  it("never retries with MaxAttempts 0", async () => {
    const handler = failing(named("Flaky"));
    const result = await run(task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 0 }] }), {}, { tasks: { [resource]: handler } });
    expect(result.error).toBe("Flaky");
    expect(handler.calls).toBe(1);
  });

  it("uses the first matching retrier, each with its own counter", async () => {
    const handler = failing(named("A"), named("B"), named("A"), named("B"));
    const result = await run(
      task({ Retry: [{ ErrorEquals: ["A"], MaxAttempts: 2, IntervalSeconds: 1 }, { ErrorEquals: ["States.ALL"], MaxAttempts: 2, IntervalSeconds: 10 }] }),
      {},
      { tasks: { [resource]: handler } },
    );
    expect(result.output).toBe("ok");
    expect(gaps(result)).toEqual([1, 10, 2, 20]);
  });

  it("caps delays with MaxDelaySeconds and draws FULL jitter from the injected random", async () => {
    const capped = await run(task({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 4, BackoffRate: 4, MaxDelaySeconds: 10 }] }), {}, { tasks: { [resource]: failing(named("E"), named("E"), named("E")) } });
    expect(gaps(capped)).toEqual([4, 10, 10]);
    const jittered = await run(task({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 10, JitterStrategy: "FULL" }] }), {}, { tasks: { [resource]: failing(named("E"), named("E")) }, random: () => 0.5 });
    expect(gaps(jittered)).toEqual([5, 10]);
  });

  it("exposes the retry count in $$.State.RetryCount", async () => {
    const seen: JsonValue[] = [];
    let calls = 0;
    await run(task({ Parameters: { "n.$": "$$.State.RetryCount" }, Retry: [{ ErrorEquals: ["E"] }] }), {}, {
      tasks: {
        [resource]: (input) => {
          seen.push(input);
          if (calls++ < 2) throw named("E");
          return null;
        },
      },
    });
    expect(seen).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });

  it("does not retry States.Runtime", async () => {
    const result = await run(task({ OutputPath: "$.missing", Retry: [{ ErrorEquals: ["States.ALL"] }] }), {}, { tasks: { [resource]: () => ({}) } });
    expect(result.error).toBe("States.Runtime");
    expect(result.history.filter((event) => event.type === "TaskScheduled")).toHaveLength(1);
  });
});

describe("Catch", () => {
  it("places {Error, Cause} at ResultPath in the raw input and goes to Next", async () => {
    const result = await run(task({ Catch: [{ ErrorEquals: ["Boom"], ResultPath: "$.error", Next: "Caught" }] }), { keep: true }, { tasks: { [resource]: failing(named("Boom", "bad")) } });
    expect(result.output).toEqual({ keep: true, error: { Error: "Boom", Cause: "bad" } });
    expect(result.history.map((event) => event.type)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "TaskScheduled",
      "TaskStarted",
      "TaskFailed",
      "TaskStateExited",
      "PassStateEntered",
      "PassStateExited",
      "ExecutionSucceeded",
    ]);
  });

  it("replaces the input with the error output without ResultPath", async () => {
    const result = await run(task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }] }), { keep: true }, { tasks: { [resource]: failing(named("Boom", "bad")) } });
    expect(result.output).toEqual({ Error: "Boom", Cause: "bad" });
  });

  it("keeps the input with ResultPath null", async () => {
    const result = await run(task({ Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: null, Next: "Caught" }] }), { keep: true }, { tasks: { [resource]: failing(named("Boom")) } });
    expect(result.output).toEqual({ keep: true });
  });

  it("runs after the retries are exhausted", async () => {
    const handler = failing(named("E"), named("E"));
    const result = await run(task({ Retry: [{ ErrorEquals: ["E"], MaxAttempts: 1 }], Catch: [{ ErrorEquals: ["E"], Next: "Caught" }] }), {}, { tasks: { [resource]: handler } });
    expect(handler.calls).toBe(2);
    expect(result.output).toMatchObject({ Error: "E" });
  });

  it("matches any task error with States.TaskFailed, but not States.Timeout", async () => {
    const caught = await run(task({ Catch: [{ ErrorEquals: ["States.TaskFailed"], Next: "Caught" }] }), {}, { tasks: { [resource]: failing(named("Whatever")) } });
    expect(caught.output).toMatchObject({ Error: "Whatever" });
    const timedOut = await run(task({ TimeoutSeconds: 1, Catch: [{ ErrorEquals: ["States.TaskFailed"], Next: "Caught" }] }), {}, { tasks: { [resource]: () => new Promise(() => {}) } });
    expect(timedOut.error).toBe("States.Timeout");
  });

  it("never catches States.Runtime, even with States.ALL", async () => {
    const result = await run(task({ InputPath: "$.missing", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }] }), {}, { tasks: { [resource]: () => 1 } });
    expect(result.error).toBe("States.Runtime");
  });

  // A definition naming States.Runtime is accepted (as Step Functions does), but "a States.Runtime error isn't
  // retriable, and will always cause the execution to fail" (concepts-error-handling).
  it("runs a definition that names States.Runtime in Retry and Catch, which still never match", async () => {
    const result = await run(
      task({ OutputPath: "$.no.such.result.path", Retry: [{ ErrorEquals: ["States.Runtime"] }], Catch: [{ ErrorEquals: ["States.Runtime"], Next: "Caught" }] }),
      {},
      { tasks: { [resource]: () => ({}) } },
    );
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.history.filter((event) => event.type === "TaskScheduled")).toHaveLength(1);
  });

  it("never catches a state output over the quota (terminal States.DataLimitExceeded)", async () => {
    const big = () => "x".repeat(200_000);
    const catchAll = { Retry: [{ ErrorEquals: ["States.ALL"] }], Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }] };
    const result = await run(task({ ResultPath: "$.r", ...catchAll }), { s: "y".repeat(100_000) }, { tasks: { [resource]: big } });
    expect(result.error).toBe("States.DataLimitExceeded");
    expect(result.history.filter((event) => event.type === "TaskScheduled")).toHaveLength(1);
  });

  // Recorded against Step Functions: localstack test_states_errors.snapshot.json
  // (test_task_lambda_data_limit_exceeded_on_large_utf8_response, ..._catch_state_all_...).
  it("catches a task result over the quota by name and with States.ALL", async () => {
    const big = () => "x".repeat(300_000);
    const cause = `The state/task '${resource}' returned a result with a size exceeding the maximum number of bytes service limit.`;
    for (const name of ["States.DataLimitExceeded", "States.ALL"]) {
      const result = await run(task({ Catch: [{ ErrorEquals: [name], Next: "Caught" }] }), {}, { tasks: { [resource]: big } });
      expect(result.output).toEqual({ Error: "States.DataLimitExceeded", Cause: cause });
      expect(result.history.filter((event) => event.type.endsWith("Failed"))).toHaveLength(1);
    }
  });

  // Step Functions reports a `.$` path that matches nothing as States.Runtime, which no Catch handles (recorded
  // causes: aws-samples/serverless-coffee-workshop#56; conformance case io/parameters-path-missing-not-caught).
  it("never catches a Parameters path that matches nothing, and names the state in the cause", async () => {
    const parameters = await run(task({ Parameters: { "x.$": "$.missing" }, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }] }), {}, { tasks: { [resource]: () => 1 } });
    expect(parameters.error).toBe("States.Runtime");
    expect(parameters.cause).toMatch(/^An error occurred while executing the state '\w+' \(entered at the event id #2\)\. The JSONPath '\$\.missing'/);
  });

  it("catches States.ResultPathMatchFailure", async () => {
    const resultPath = await run(task({ ResultPath: "$.a.b", Catch: [{ ErrorEquals: ["States.ResultPathMatchFailure"], Next: "Caught" }] }), { a: "text" }, { tasks: { [resource]: () => 1 } });
    expect(resultPath.output).toMatchObject({ Error: "States.ResultPathMatchFailure" });
  });

  it("refuses States.ALL that is not alone or not last", async () => {
    await expect(run(task({ Retry: [{ ErrorEquals: ["States.ALL", "E"] }] }), {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
    await expect(run(task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }, { ErrorEquals: ["E"], Next: "Caught" }] }), {})).rejects.toMatchObject({
      name: "States.InvalidDefinition",
    });
  });
});
