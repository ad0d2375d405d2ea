import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirectoryInUse, Store } from "./store.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sfn-store-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const machine = {
  arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m",
  name: "m",
  definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
  roleArn: "arn:aws:iam::123456789012:role/r",
  type: "STANDARD" as const,
  creationDate: 1_700_000_000_000,
  status: "ACTIVE" as const,
};

function execution(name: string) {
  return {
    arn: `arn:aws:states:us-east-1:123456789012:execution:m:${name}`,
    stateMachineArn: machine.arn,
    name,
    input: "{}",
    startDate: 1_700_000_000_500,
    definition: machine.definition,
    roleArn: machine.roleArn,
  };
}

describe("Store", () => {
  it("keeps machines, executions and events across reopening", () => {
    const dir = tempDir();
    const first = new Store(dir);
    first.insertStateMachine(machine);
    const seq = first.insertExecution(execution("e1"));
    first.appendEvent(seq, { id: 1, previousEventId: 0, timestamp: 1, type: "ExecutionStarted", details: "{}" });
    first.close();
    const second = new Store(dir);
    expect(second.getStateMachine(machine.arn)).toMatchObject({ name: "m", definition: machine.definition });
    expect(second.runningExecutions().map((e) => e.name)).toEqual(["e1"]);
    expect(second.allEvents(seq).map((e) => e.type)).toEqual(["ExecutionStarted"]);
    second.close();
  });

  it("completes an execution exactly once", () => {
    const store = new Store(":memory:");
    const seq = store.insertExecution(execution("e1"));
    expect(store.completeExecution(seq, { status: "SUCCEEDED", stopDate: 2, output: "1" })).toBe(true);
    expect(store.completeExecution(seq, { status: "FAILED", stopDate: 3 })).toBe(false);
    expect(store.getExecution(execution("e1").arn)).toMatchObject({ status: "SUCCEEDED", output: "1", stopDate: 2 });
    store.close();
  });

  it("pages events forward and in reverse", () => {
    const store = new Store(":memory:");
    const seq = store.insertExecution(execution("e1"));
    for (let id = 1; id <= 5; id++) {
      store.appendEvent(seq, { id, previousEventId: id - 1, timestamp: id, type: "T", details: "{}" });
    }
    expect(store.events(seq, { reverse: false, from: 2, limit: 2 }).map((e) => e.id)).toEqual([3, 4]);
    expect(store.events(seq, { reverse: true, from: 0, limit: 2 }).map((e) => e.id)).toEqual([5, 4]);
    expect(store.events(seq, { reverse: true, from: 4, limit: 9 }).map((e) => e.id)).toEqual([3, 2, 1]);
    store.close();
  });

  it("lists executions newest first and filters by status", () => {
    const store = new Store(":memory:");
    const a = store.insertExecution(execution("a"));
    store.insertExecution(execution("b"));
    store.completeExecution(a, { status: "FAILED", stopDate: 1 });
    expect(store.listExecutions(machine.arn, undefined, 0, 10).map((e) => e.name)).toEqual(["b", "a"]);
    expect(store.listExecutions(machine.arn, "FAILED", 0, 10).map((e) => e.name)).toEqual(["a"]);
    expect(store.countRunning(machine.arn)).toBe(1);
    store.close();
  });

  it("refuses a second server on the same data directory", () => {
    const dir = tempDir();
    const first = new Store(dir);
    expect(() => new Store(dir)).toThrow(DataDirectoryInUse);
    first.close();
    new Store(dir).close();
  });
});
