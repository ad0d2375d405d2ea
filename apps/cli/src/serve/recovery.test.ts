import type { StateMachineDefinition } from "@statecraft/asl";
import type { HistoryEvent } from "@statecraft/engine";
import { describe, expect, it } from "vitest";
import { planRecovery } from "./recovery.js";
import type { ExecutionRecord } from "./store.js";

const definition: StateMachineDefinition = {
  StartAt: "Song",
  States: {
    Song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "Pause" },
    Pause: { Type: "Wait", Seconds: 5, Next: "Branches" },
    Branches: {
      Type: "Parallel",
      Branches: [{ StartAt: "Inner", States: { Inner: { Type: "Pass", End: true } } }],
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Done" }],
      Next: "Done",
    },
    Done: { Type: "Pass", End: true },
  },
};

const record: ExecutionRecord = {
  seq: 1, arn: "arn:aws:states:us-east-1:123456789012:execution:m:e", stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:m",
  name: "e", status: "RUNNING", input: '{"name":"PSY"}', startDate: 1000, definition: JSON.stringify(definition), roleArn: "r",
};

let nextId = 1;
function event(type: string, details?: Record<string, unknown>): HistoryEvent {
  const id = nextId++;
  const key = type.endsWith("StateEntered") ? "stateEnteredEventDetails" : type.endsWith("StateExited") ? "stateExitedEventDetails" : `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
  return { id, previousEventId: id - 1, timestamp: new Date(1000 + id), type, ...(details ? { [key]: details } : {}) };
}
function history(...events: HistoryEvent[]): HistoryEvent[] {
  nextId = 1;
  return events.map((e, i) => ({ ...e, id: i + 1, previousEventId: i }));
}

describe("planRecovery", () => {
  it("starts again when nothing was recorded", () => {
    expect(planRecovery(record, [], definition)).toEqual({ kind: "restart" });
  });

  it("resumes at StartAt when only ExecutionStarted was recorded", () => {
    const h = history(event("ExecutionStarted", { input: record.input }));
    expect(planRecovery(record, h, definition)).toMatchObject({ kind: "resume", point: { stateName: "Song", input: { name: "PSY" }, history: h } });
  });

  it("runs an entered but unfinished top-level state again with its input", () => {
    const h = history(
      event("ExecutionStarted"),
      event("TaskStateEntered", { name: "Song", input: '{"name":"PSY"}' }),
      event("TaskStateExited", { name: "Song", output: '{"song":"x"}' }),
      event("WaitStateEntered", { name: "Pause", input: '{"song":"x"}' }),
    );
    expect(planRecovery(record, h, definition)).toMatchObject({ kind: "resume", point: { stateName: "Pause", input: { song: "x" }, startDate: new Date(1000) } });
  });

  it("continues at Next after a completed state without Catch", () => {
    const h = history(
      event("TaskStateEntered", { name: "Song", input: "{}" }),
      event("TaskStateExited", { name: "Song", output: '{"song":"x"}' }),
    );
    expect(planRecovery(record, h, definition)).toMatchObject({ kind: "resume", point: { stateName: "Pause", input: { song: "x" } } });
  });

  it("ignores nested states and runs a state with Catch again (the catcher may have redirected)", () => {
    const h = history(
      event("ParallelStateEntered", { name: "Branches", input: '{"a":1}' }),
      event("PassStateEntered", { name: "Inner", input: '{"a":1}' }),
      event("PassStateExited", { name: "Inner", output: '{"a":1}' }),
      event("ParallelStateExited", { name: "Branches", output: '[{"a":1}]' }),
    );
    expect(planRecovery(record, h, definition)).toMatchObject({ kind: "resume", point: { stateName: "Branches", input: { a: 1 } } });
  });

  it("finishes from a recorded terminal event, or from an exited End state", () => {
    const done = history(event("ExecutionSucceeded", { output: '"ok"' }));
    expect(planRecovery(record, done, definition)).toMatchObject({ kind: "finished", outcome: { status: "SUCCEEDED", output: '"ok"' } });
    const failed = history(event("ExecutionFailed", { error: "E", cause: "C" }));
    expect(planRecovery(record, failed, definition)).toMatchObject({ kind: "finished", outcome: { status: "FAILED", error: "E", cause: "C" } });
    const ended = history(event("PassStateEntered", { name: "Done", input: "1" }), event("PassStateExited", { name: "Done", output: "2" }));
    const plan = planRecovery(record, ended, definition);
    expect(plan).toMatchObject({ kind: "finished", outcome: { status: "SUCCEEDED", output: "2" }, terminal: { id: 3, previousEventId: 2, type: "ExecutionSucceeded" } });
  });
});
