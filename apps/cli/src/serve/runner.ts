/**
 * Runs executions on the embedded engine and makes them durable: every history
 * event is a row written as the engine emits it; the terminal event and the
 * execution's final status are written in one transaction, so an execution
 * ends exactly once even if the process is killed at any point. At startup,
 * RUNNING executions are resumed (see {@link planRecovery}).
 */
import type { JsonValue, StateMachineDefinition } from "@statecraft/asl";
import {
  type Clock,
  type Execution,
  type ExecutionResult,
  type HistoryEvent,
  InvalidDefinitionError,
  type ResumePoint,
  type RunOptions,
  StateMachine,
  type TaskHandler,
  TaskTokenBroker,
} from "@statecraft/engine";
import type { ArnScope } from "./arn.js";
import { invalidDefinition, parseDefinitionText } from "./definition.js";
import type { TestCase } from "./mock-config.js";
import { planRecovery, terminalOutcome } from "./recovery.js";
import type { ExecutionRecord, Store } from "./store.js";
import { lambdaRegistry, type TaskSources, taskOptions } from "./task-sources.js";
import { toStoredEvent, toWireEvent, type WireEvent } from "./wire.js";

/** Compiles a definition, turning the engine's list of problems into the API's InvalidDefinition error. */
function loadMachine(definition: unknown): StateMachine {
  try {
    return new StateMachine(definition);
  } catch (error) {
    if (error instanceof InvalidDefinitionError) throw invalidDefinition(error.problems);
    throw error;
  }
}

/** A compiled definition and the Lambda registry its runs use. */
interface Compiled {
  readonly machine: StateMachine;
  readonly definition: StateMachineDefinition;
  readonly lambdas: Readonly<Record<string, TaskHandler>>;
}

interface Running {
  readonly execution: Execution;
  readonly settled: Promise<void>;
}

/** What identifies a run to the engine. */
export interface RunIdentity {
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
}

const compiledCacheSize = 256;

/** Starts, stops, persists and resumes executions. */
export class ExecutionRunner {
  /** Routes SendTask* calls to waiting `.waitForTaskToken` tasks of every execution. */
  readonly broker = new TaskTokenBroker();
  readonly #store: Store;
  readonly #scope: ArnScope;
  readonly #sources: TaskSources;
  readonly #onSettled: (machineArn: string) => void;
  readonly #clock: Clock;
  readonly #compiled = new Map<string, Compiled>();
  readonly #running = new Map<string, Running>();
  readonly #watchers = new Map<string, Set<(event: WireEvent) => void>>();
  #closing = false;

  constructor(
    store: Store,
    scope: ArnScope,
    sources: TaskSources,
    onSettled: (machineArn: string) => void,
    clock: Clock,
  ) {
    this.#clock = clock;
    this.#store = store;
    this.#scope = scope;
    this.#sources = sources;
    this.#onSettled = onSettled;
  }

  /** Compiles (and caches) a definition; throws `InvalidDefinition` listing every problem (the engine runs the validator). */
  compile(text: string): Compiled {
    const cached = this.#compiled.get(text);
    if (cached !== undefined) return cached;
    const definition = parseDefinitionText(text);
    const machine = loadMachine(definition);
    if (this.#compiled.size >= compiledCacheSize) this.#compiled.clear();
    const entry = { machine, definition, lambdas: lambdaRegistry(this.#sources, definition) };
    this.#compiled.set(text, entry);
    return entry;
  }

  #options(identity: RunIdentity, compiled: Compiled, testCase: TestCase | undefined): RunOptions {
    const options: RunOptions = taskOptions(compiled.lambdas, compiled.definition, testCase);
    options.executionArn = identity.executionArn;
    options.executionName = identity.executionName;
    options.stateMachineArn = identity.stateMachineArn;
    options.stateMachineName = identity.stateMachineName;
    options.roleArn = identity.roleArn;
    options.region = this.#scope.region;
    options.account = this.#scope.account;
    options.taskTokens = this.broker;
    options.clock = this.#clock;
    if (this.#sources.objectStore !== undefined) options.objectStore = this.#sources.objectStore;
    return options;
  }

  /** True while `executionArn` runs in this process. */
  isRunning(executionArn: string): boolean {
    return this.#running.has(executionArn);
  }

  /**
   * Starts (or resumes) a stored STANDARD execution. Events are persisted as
   * they happen; the row is completed together with the terminal event.
   */
  startStandard(record: ExecutionRecord, identity: RunIdentity, testCase?: TestCase, resume?: ResumePoint): void {
    const compiled = this.compile(record.definition);
    let lastEventId = resume?.history.length ?? 0;
    const onEvent = (event: HistoryEvent): void => {
      if (this.#closing) return;
      lastEventId = event.id;
      const stored = toStoredEvent(event);
      const outcome = terminalOutcome(event);
      if (outcome === undefined) this.#store.appendEvent(record.seq, stored);
      else {
        this.#store.transaction(() => {
          this.#store.appendEvent(record.seq, stored);
          this.#store.completeExecution(record.seq, outcome);
        });
      }
      this.#notify(record.arn, stored);
    };
    const options = this.#options(identity, compiled, testCase);
    options.onEvent = onEvent;
    if (resume !== undefined) options.resume = resume;
    let execution: Execution;
    try {
      execution = compiled.machine.start(JSON.parse(record.input) as JsonValue, options);
    } catch (error) {
      this.#crash(record, error, lastEventId);
      return;
    }
    const settled = execution.done.then(
      (result) => this.#finish(record, result, lastEventId),
      (error: unknown) => this.#crash(record, error, lastEventId),
    );
    this.#running.set(record.arn, { execution, settled });
  }

  /** Fallback when the engine ended without a terminal event, or threw: records the end once. */
  #finish(record: ExecutionRecord, result: ExecutionResult, lastEventId: number): void {
    this.#running.delete(record.arn);
    if (this.#closing) return;
    if (this.#store.getExecution(record.arn)?.status === "RUNNING") {
      const failure = result.status === "SUCCEEDED" ? {} : { error: result.error, cause: result.cause };
      this.#terminate(record, lastEventId, result.status, failure, result.output);
    }
    this.#onSettled(record.stateMachineArn);
  }

  #crash(record: ExecutionRecord, error: unknown, lastEventId: number): void {
    this.#running.delete(record.arn);
    if (this.#closing) return;
    const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#terminate(record, lastEventId, "FAILED", { error: "States.Runtime", cause });
    this.#onSettled(record.stateMachineArn);
  }

  /** Writes a terminal event the engine did not write, and completes the row, in one transaction. */
  #terminate(
    record: ExecutionRecord,
    lastEventId: number,
    status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED",
    failure: { error?: string | undefined; cause?: string | undefined },
    output?: JsonValue,
  ): void {
    const type = { SUCCEEDED: "ExecutionSucceeded", FAILED: "ExecutionFailed", TIMED_OUT: "ExecutionTimedOut",
      ABORTED: "ExecutionAborted" }[status];
    const key = `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
    const details = status === "SUCCEEDED"
      ? { output: JSON.stringify(output ?? null), outputDetails: { truncated: false } }
      : { ...(failure.error === undefined ? {} : { error: failure.error }),
          ...(failure.cause === undefined ? {} : { cause: failure.cause }) };
    const event: HistoryEvent = { id: lastEventId + 1, previousEventId: lastEventId, timestamp: new Date(), type,
      [key]: details };
    this.#store.transaction(() => {
      this.#store.appendEvent(record.seq, toStoredEvent(event));
      this.#store.completeExecution(record.seq, terminalOutcome(event) ?? { status, stopDate: Date.now() });
    });
    this.#notify(record.arn, toStoredEvent(event));
  }

  /** Runs an EXPRESS execution in memory (Step Functions keeps no history for them). */
  runExpress(text: string, input: JsonValue, identity: RunIdentity, testCase?: TestCase): Execution {
    const compiled = this.compile(text);
    return compiled.machine.start(input, this.#options(identity, compiled, testCase));
  }

  /**
   * Runs a throwaway definition once for TestState: `tasks` (mocks) take
   * precedence over the server's task sources; nothing is stored.
   */
  testRun(
    definition: StateMachineDefinition,
    input: JsonValue,
    identity: RunIdentity,
    extra: Pick<RunOptions, "tasks" | "clock" | "maxHistoryEvents">,
  ): Promise<ExecutionResult> {
    const machine = loadMachine(definition);
    const options = this.#options(identity, { machine, definition, lambdas: lambdaRegistry(this.#sources, definition) }, undefined);
    return machine.start(input, { ...options, ...extra, tasks: { ...options.tasks, ...extra.tasks } }).done;
  }

  /** Stops a running execution and waits until its end is recorded. False if it was not running here. */
  async stop(executionArn: string, error?: string, cause?: string): Promise<boolean> {
    const running = this.#running.get(executionArn);
    if (running === undefined) {
      // Stored as RUNNING but not running here (it could not be resumed): record the stop directly.
      const record = this.#store.getExecution(executionArn);
      if (record?.status !== "RUNNING") return false;
      const lastEventId = this.#store.events(record.seq, { reverse: true, from: 0, limit: 1 })[0]?.id ?? 0;
      this.#terminate(record, lastEventId, "ABORTED", { error, cause });
      this.#onSettled(record.stateMachineArn);
      return true;
    }
    running.execution.stop(error, cause);
    await running.settled;
    return true;
  }

  /** Subscribes to the live events of an execution (wire form); returns the unsubscribe function. */
  watch(executionArn: string, listener: (event: WireEvent) => void): () => void {
    let set = this.#watchers.get(executionArn);
    if (set === undefined) {
      set = new Set();
      this.#watchers.set(executionArn, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#watchers.delete(executionArn);
    };
  }

  #notify(executionArn: string, stored: ReturnType<typeof toStoredEvent>): void {
    const set = this.#watchers.get(executionArn);
    if (set === undefined) return;
    const event = toWireEvent(stored);
    for (const listener of set) listener(event);
  }

  /**
   * Resumes every execution the store holds as RUNNING (after a restart).
   * `identityOf` and `testCaseOf` rebuild what the original start knew.
   */
  recover(identityOf: (record: ExecutionRecord) => RunIdentity, testCaseOf: (record: ExecutionRecord) => TestCase | undefined):
    number {
    let resumed = 0;
    for (const record of this.#store.runningExecutions()) {
      const history = this.#store.allEvents(record.seq).map((row) => {
        const wire = toWireEvent(row);
        return { ...wire, timestamp: new Date(row.timestamp) } as HistoryEvent;
      });
      const { definition } = this.compile(record.definition);
      const plan = planRecovery(record, history, definition);
      if (plan.kind === "finished") {
        this.#store.transaction(() => {
          if (plan.terminal !== undefined) this.#store.appendEvent(record.seq, toStoredEvent(plan.terminal));
          this.#store.completeExecution(record.seq, plan.outcome);
        });
        this.#onSettled(record.stateMachineArn);
        continue;
      }
      const point = plan.kind === "resume" ? plan.point : undefined;
      this.startStandard(record, identityOf(record), testCaseOf(record), point);
      resumed++;
    }
    return resumed;
  }

  /**
   * Detaches from every running execution without recording an end: they stay
   * RUNNING in the store and resume at the next start.
   */
  async close(): Promise<void> {
    this.#closing = true;
    const running = [...this.#running.values()];
    for (const { execution } of running) execution.stop();
    await Promise.allSettled(running.map((r) => r.settled));
    this.#watchers.clear();
  }
}
