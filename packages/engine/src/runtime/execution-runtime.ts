/**
 * Everything one execution shares: identity, clock, history, registries, and the stop/timeout switch.
 */
import type { JsonValue } from "@statecraft/asl";
import type { LambdaHandler, TaskHandler } from "../types.js";
import type { Clock } from "./clock.js";
import type { HistoryRecorder } from "./history.js";
import type { MapObjectStore } from "./object-store.js";
import { Cancellation } from "./abort.js";
import { TaskTokenBroker } from "./task-tokens.js";

/** Why an execution stopped early. */
export interface HaltReason {
  status: "ABORTED" | "TIMED_OUT";
  error: string;
  cause: string;
}

/** Thrown through the running states when the execution is stopped or times out; never caught by Retry/Catch. */
export class ExecutionHalted extends Error {
  override readonly name = "ExecutionHalted";
  constructor(readonly reason: HaltReason) {
    super(`${reason.status}: ${reason.error} ${reason.cause}`.trim());
  }
}

/** The abort reason once an execution has ended normally (shared: creating errors captures stacks). */
const executionEnded = new ExecutionHalted({ status: "ABORTED", error: "", cause: "The execution has ended." });

/** Identity and services of an execution. */
export interface RuntimeInit {
  clock: Clock;
  history: HistoryRecorder;
  /** Given, or built from the name on first read. */
  executionArn: string | undefined;
  /** Given, or a UUID made on first read (most executions run in process are never named). */
  executionName: string | undefined;
  /** Given, or built from the name, region and account on first read. */
  stateMachineArn: string | undefined;
  stateMachineName: string;
  /** Given, or a default role ARN in the account, made on first read. */
  roleArn: string | undefined;
  region: string;
  account: string;
  executionInput: JsonValue;
  startTime: number;
  tasks: Readonly<Record<string, TaskHandler>>;
  lambdas: Readonly<Record<string, LambdaHandler>>;
  /** A shared broker; one is created on first use otherwise. */
  broker: TaskTokenBroker | undefined;
  random: () => number;
  uuid: () => string;
  maxPayloadBytes: number;
  /** Where a Distributed Map's ItemReader and ResultWriter go; none when the run was given no store. */
  objectStore?: MapObjectStore | undefined;
}

/** How many transitions run synchronously before the engine yields to the event loop (stop, timers, I/O). */
const transitionsPerSlice = 1024;

export class ExecutionRuntime {
  readonly clock: Clock;
  readonly history: HistoryRecorder;
  #executionArn: string | undefined;
  #executionName: string | undefined;
  #stateMachineArn: string | undefined;
  readonly stateMachineName: string;
  #roleArn: string | undefined;
  readonly region: string;
  readonly account: string;
  readonly executionInput: JsonValue;
  readonly startTime: number;
  readonly tasks: Readonly<Record<string, TaskHandler>>;
  readonly lambdas: Readonly<Record<string, LambdaHandler>>;
  private brokerInstance: TaskTokenBroker | undefined;
  readonly random: () => number;
  readonly uuid: () => string;
  readonly maxPayloadBytes: number;
  readonly objectStore: MapObjectStore | undefined;
  /** Aborted when the execution stops, times out or ends. */
  readonly cancellation = new Cancellation();
  /** Set once the execution is stopped or timed out. */
  halted: HaltReason | undefined;
  /** Execution deadline in clock time (machine `TimeoutSeconds`). */
  deadline: number | undefined;
  private transitions = 0;

  constructor(init: RuntimeInit) {
    this.clock = init.clock;
    this.history = init.history;
    this.#executionArn = init.executionArn;
    this.#executionName = init.executionName;
    this.#stateMachineArn = init.stateMachineArn;
    this.stateMachineName = init.stateMachineName;
    this.#roleArn = init.roleArn;
    this.region = init.region;
    this.account = init.account;
    this.executionInput = init.executionInput;
    this.startTime = init.startTime;
    this.tasks = init.tasks;
    this.lambdas = init.lambdas;
    this.brokerInstance = init.broker;
    this.random = init.random;
    this.uuid = init.uuid;
    this.maxPayloadBytes = init.maxPayloadBytes;
    this.objectStore = init.objectStore;
  }

  get executionName(): string {
    this.#executionName ??= this.uuid();
    return this.#executionName;
  }

  get executionArn(): string {
    this.#executionArn ??= `arn:aws:states:${this.region}:${this.account}:execution:${this.stateMachineName}:${this.executionName}`;
    return this.#executionArn;
  }

  get stateMachineArn(): string {
    this.#stateMachineArn ??= `arn:aws:states:${this.region}:${this.account}:stateMachine:${this.stateMachineName}`;
    return this.#stateMachineArn;
  }

  get roleArn(): string {
    this.#roleArn ??= `arn:aws:iam::${this.account}:role/StatecraftExecutionRole`;
    return this.#roleArn;
  }

  get broker(): TaskTokenBroker {
    this.brokerInstance ??= new TaskTokenBroker();
    return this.brokerInstance;
  }

  /** Aborted when the execution stops, times out or ends (an AbortSignal is created only when asked for). */
  get signal(): AbortSignal {
    return this.cancellation.signal;
  }

  /** Stops the execution: every pending wait and task is aborted with {@link ExecutionHalted}. */
  halt(reason: HaltReason): void {
    if (this.halted !== undefined) return;
    this.halted = reason;
    this.cancellation.abort(new ExecutionHalted(reason));
  }

  /** Called once the execution has ended: tells handlers still holding the signal to stop. */
  finish(): void {
    this.cancellation.abort(executionEnded);
  }

  /** Halts with TIMED_OUT when the clock has passed the machine's deadline. */
  checkDeadline(): void {
    if (this.deadline !== undefined && this.halted === undefined && this.clock.now() >= this.deadline) {
      this.halt({ status: "TIMED_OUT", error: "States.Timeout", cause: "" });
    }
  }

  /** Throws {@link ExecutionHalted} once the execution was stopped. */
  throwIfHalted(): void {
    if (this.halted !== undefined) throw new ExecutionHalted(this.halted);
  }

  /** Counts a transition; every so often yields to the event loop so stops and timers get through. */
  transition(): Promise<void> | undefined {
    if (this.halted !== undefined) throw new ExecutionHalted(this.halted);
    if (++this.transitions % transitionsPerSlice !== 0) return undefined;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.checkDeadline();
      this.throwIfHalted();
    });
  }
}
