import type { JsonValue } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { TaskTokenBroker } from "../runtime/task-tokens.js";
import type { TaskContext } from "../types.js";
import { machine, run, runState, types } from "../testing/helpers.js";

const resource = "arn:aws:states:::my:echo";

describe("Task", () => {
  // The Pass wording recorded against Step Functions (localstack test_states_errors.snapshot.json,
  // test_start_large_input), for the output a ResultPath builds from a small result and a large input.
  it("fails with States.DataLimitExceeded naming the state when its output is over 256 KiB", async () => {
    const input = { big: "a".repeat(200 * 1024) };
    const result = await runState({ Type: "Task", Resource: resource, ResultPath: "$.copy", End: true }, input, { tasks: { [resource]: (value: JsonValue) => value } });
    expect(result).toMatchObject({
      status: "FAILED",
      error: "States.DataLimitExceeded",
      cause: "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });

  it.each([
    ["a synchronous", false],
    ["an asynchronous", true],
  ])("stamps the events after %s handler with a clock reading taken after it returned", async (_label, async) => {
    let time = 1_000_000;
    const clock = { now: () => time, sleep: () => Promise.resolve() };
    const handler = (input: JsonValue) => {
      time += 5_000; // the handler takes five seconds
      return async ? Promise.resolve(input) : input;
    };
    const result = await runState({ Type: "Task", Resource: resource, End: true }, { a: 1 }, { clock, tasks: { [resource]: handler } });
    const stamps = Object.fromEntries(result.history.map((event) => [event.type, event.timestamp.getTime()]));
    expect(stamps).toStrictEqual({
      ExecutionStarted: 1_000_000,
      TaskStateEntered: 1_000_000,
      TaskScheduled: 1_000_000,
      TaskStarted: 1_000_000,
      TaskSucceeded: 1_005_000,
      TaskStateExited: 1_005_000,
      ExecutionSucceeded: 1_005_000,
    });
  });

  it("runs the handler registered for the exact resource, through the whole pipeline", async () => {
    const seen: JsonValue[] = [];
    const result = await runState(
      {
        Type: "Task",
        Resource: resource,
        InputPath: "$.in",
        Parameters: { "value.$": "$.v", "state.$": "$$.State.Name" },
        ResultSelector: { "doubled.$": "$.twice" },
        ResultPath: "$.out",
        OutputPath: "$.out.doubled",
        End: true,
      },
      { in: { v: 21 } },
      {
        tasks: {
          [resource]: (input) => {
            seen.push(input);
            return { twice: ((input as { value: number }).value ?? 0) * 2 };
          },
        },
      },
    );
    expect(seen).toEqual([{ value: 21, state: "S" }]);
    expect(result.output).toBe(42);
    expect(types(result)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"]);
    expect(result.history[2]?.taskScheduledEventDetails).toEqual({ resourceType: "my", resource: "echo", region: "us-east-1", parameters: '{"value":21,"state":"S"}' });
  });

  it("turns a thrown error into Error = name, Cause = message", async () => {
    class SongNotFound extends Error {
      override name = "SongNotFound";
    }
    const result = await runState({ Type: "Task", Resource: "arn:aws:states:::local:task", End: true }, {}, {
      tasks: {
        "arn:aws:states:::local:task": () => {
          throw new SongNotFound("no such song");
        },
      },
    });
    expect(result).toMatchObject({ status: "FAILED", error: "SongNotFound", cause: "no such song" });
    expect(result.history.find((event) => event.type === "TaskFailed")?.taskFailedEventDetails).toEqual({
      resourceType: "local",
      resource: "task",
      error: "SongNotFound",
      cause: "no such song",
    });
  });

  it("normalizes handler results to JSON (undefined → null, Date → string)", async () => {
    const when = new Date("2024-01-01T00:00:00Z");
    const result = await runState({ Type: "Task", Resource: "arn:aws:states:::local:t", End: true }, {}, { tasks: { "arn:aws:states:::local:t": () => ({ when }) as unknown as JsonValue } });
    expect(result.output).toEqual({ when: "2024-01-01T00:00:00.000Z" });
    const none = await runState({ Type: "Task", Resource: "arn:aws:states:::local:t", End: true }, {}, { tasks: { "arn:aws:states:::local:t": () => undefined as unknown as JsonValue } });
    expect(none.output).toBeNull();
  });

  it("fails with States.Timeout after TimeoutSeconds and aborts the handler's signal", async () => {
    let signal: AbortSignal | undefined;
    const result = await runState({ Type: "Task", Resource: "arn:aws:states:::local:slow", TimeoutSeconds: 1, End: true }, {}, {
      tasks: {
        "arn:aws:states:::local:slow": (_input, context: TaskContext) => {
          signal = context.signal;
          return new Promise(() => {});
        },
      },
    });
    expect(result).toMatchObject({ status: "FAILED", error: "States.Timeout" });
    expect(types(result)).toContain("TaskTimedOut");
    expect(signal?.aborted).toBe(true);
  });

  it("reads TimeoutSecondsPath from the input", async () => {
    const result = await runState({ Type: "Task", Resource: "arn:aws:states:::local:slow", TimeoutSecondsPath: "$.t", End: true }, { t: 1 }, { tasks: { "arn:aws:states:::local:slow": () => new Promise(() => {}) } });
    expect(result.error).toBe("States.Timeout");
    const bad = await runState({ Type: "Task", Resource: "arn:aws:states:::local:slow", TimeoutSecondsPath: "$.t", End: true }, { t: "x" }, { tasks: { "arn:aws:states:::local:slow": () => 1 } });
    expect(bad.error).toBe("States.Runtime");
  });

  // Step Functions records a missed heartbeat as States.Timeout with no cause (localstack test_heartbeats.snapshot.json).
  it("fails with States.Timeout (no cause) without heartbeats, and not with them", async () => {
    const silent = await runState({ Type: "Task", Resource: "arn:aws:states:::local:t", HeartbeatSeconds: 1, TimeoutSeconds: 5, End: true }, {}, { tasks: { "arn:aws:states:::local:t": () => new Promise(() => {}) } });
    expect(silent.error).toBe("States.Timeout");
    expect(silent.cause).toBeUndefined();
    const beating = await runState({ Type: "Task", Resource: "arn:aws:states:::local:t", HeartbeatSeconds: 1, TimeoutSeconds: 5, End: true }, {}, {
      tasks: {
        "arn:aws:states:::local:t": (_input, context) =>
          new Promise((resolve) => {
            const timer = setInterval(() => context.heartbeat(), 300);
            setTimeout(() => {
              clearInterval(timer);
              resolve("done");
            }, 1600);
          }),
      },
    });
    expect(beating.output).toBe("done");
  });

  it("hands out $$.Task.Token for .waitForTaskToken and waits for SendTaskSuccess", async () => {
    const broker = new TaskTokenBroker();
    const definition = machine({
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token", "who.$": "$.who" } },
        ResultPath: "$.answer",
        End: true,
      },
    });
    const done = run(definition, { who: "PSY" }, {
      taskTokens: broker,
      tasks: {
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken": (input) => {
          const token = ((input as { MessageBody: { token: string } }).MessageBody).token;
          setTimeout(() => broker.sendTaskSuccess(token, { approved: true }), 10);
          return { MessageId: "m1" };
        },
      },
    });
    const result = await done;
    expect(result.output).toEqual({ who: "PSY", answer: { approved: true } });
    expect(types(result)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"]);
  });

  it("lets a handler answer its own task token through context.taskTokens (the worker of a callback pattern)", async () => {
    const definition = machine({
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token" } },
        HeartbeatSeconds: 60,
        Catch: [{ ErrorEquals: ["Rejected"], ResultPath: "$.error", Next: "Rejected" }],
        End: true,
      },
      Rejected: { Type: "Pass", End: true },
    });
    const worker = (answer: "approve" | "reject") => (input: JsonValue, context: TaskContext) => {
      const token = (input as { MessageBody: { token: string } }).MessageBody.token;
      expect(token).toBe(context.taskToken);
      setTimeout(() => {
        context.taskTokens.sendTaskHeartbeat(token);
        if (answer === "approve") context.taskTokens.sendTaskSuccess(token, { approved: true });
        else context.taskTokens.sendTaskFailure(token, "Rejected", "not today");
      }, 5);
      return { MessageId: "m1" };
    };
    const approved = await run(definition, {}, { tasks: { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": worker("approve") } });
    expect(approved.output).toEqual({ approved: true });
    const rejected = await run(definition, {}, { tasks: { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": worker("reject") } });
    expect(rejected.output).toEqual({ error: { Error: "Rejected", Cause: "not today" } });
  });

  it("waits for a token without any handler and fails on SendTaskFailure", async () => {
    const broker = new TaskTokenBroker();
    const result = await runState(
      { Type: "Task", Resource: "arn:aws:states:::sns:publish.waitForTaskToken", Parameters: { "t.$": "$$.Task.Token" }, End: true },
      {},
      {
        taskTokens: broker,
        onEvent: (event) => {
          if (event.type !== "TaskScheduled") return;
          const token = (JSON.parse((event.taskScheduledEventDetails as { parameters: string }).parameters) as { t: string }).t;
          setTimeout(() => broker.sendTaskFailure(token, "Rejected", "no"), 5);
        },
      },
    );
    expect(result).toMatchObject({ status: "FAILED", error: "Rejected", cause: "no" });
  });

  // Recorded against Step Functions: localstack callback/test_callback.snapshot.json,
  // test_sqs_failure_in_wait_for_task_tok_no_error_field (caught by States.ALL; the error output holds nulls).
  it("writes a SendTaskFailure without Error and Cause as nulls in the catcher's error output, and leaves them out when uncaught", async () => {
    const worker = (input: JsonValue, context: TaskContext) => {
      const token = (input as { token: string }).token;
      setTimeout(() => context.taskTokens.sendTaskFailure(token), 5);
      return {};
    };
    const task = { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "token.$": "$$.Task.Token" } };
    const tasks = { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": worker };
    const caughtRun = await run(machine({ Ask: { ...task, Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Done" }], End: true }, Done: { Type: "Pass", End: true } }), {}, { tasks });
    expect(caughtRun.output).toEqual({ error: { Error: null, Cause: null } });
    const uncaught = await runState({ ...task, End: true }, {}, { tasks });
    expect(uncaught.status).toBe("FAILED");
    expect(uncaught.error).toBeUndefined();
    expect(uncaught.cause).toBeUndefined();
  });

  it("refuses SendTask* for unknown, malformed and timed-out tokens", async () => {
    const broker = new TaskTokenBroker();
    expect(() => broker.sendTaskSuccess("not a token!", {})).toThrow(expect.objectContaining({ name: "InvalidToken" }));
    expect(() => broker.sendTaskSuccess("AAAA", {})).toThrow(expect.objectContaining({ name: "TaskDoesNotExist" }));
    let token = "";
    const result = await runState(
      { Type: "Task", Resource: "arn:aws:states:::sns:publish.waitForTaskToken", Parameters: { "t.$": "$$.Task.Token" }, TimeoutSeconds: 1, End: true },
      {},
      { taskTokens: broker, onEvent: (event) => {
        if (event.type === "TaskScheduled") token = (JSON.parse((event.taskScheduledEventDetails as { parameters: string }).parameters) as { t: string }).t;
      } },
    );
    expect(result.error).toBe("States.Timeout");
    expect(() => broker.sendTaskHeartbeat(token)).toThrow(expect.objectContaining({ name: "TaskTimedOut" }));
  });
});
