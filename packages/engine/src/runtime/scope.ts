/**
 * A scope runs one state graph (the machine, a Parallel branch or a Map iteration) one state at a time. It is
 * also the path environment of the state it runs: `$$` is built from the current visit on demand.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import type { PathEnv } from "../io/path-env.js";
import type { Cancellation } from "./abort.js";
import type { EventRecord, EventSchema } from "./history.js";
import type { ExecutionRuntime } from "./execution-runtime.js";
import { VariableFrame } from "./variables.js";

/** One visit of a state: what `$$.State` and `$$.Task` show. */
export interface Visit {
  readonly name: string;
  readonly enteredTime: number;
  retryCount: number;
  taskToken: string | undefined;
  /**
   * Whether `$$.State.RetryCount` exists: only in the states that can retry (Task, Parallel, Map); a Pass, Wait,
   * Choice, Succeed or Fail state's `$$.State` is `{Name, EnteredTime}` (recorded: localstack
   * test_context_object.snapshot.json, `InputPath: "$$"` on a Pass state).
   */
  readonly countsRetries: boolean;
}

/** A Map item, for `$$.Map.Item` in `ItemSelector`. */
export interface MapItem {
  readonly index: number;
  readonly value: JsonValue;
  readonly key?: string;
}

/** Runs one graph; the path environment of its current state. */
export class Scope implements PathEnv {
  /** Id of the last event of this scope (the `previousEventId` of its next event). */
  lastEventId: number;
  /** Timestamp of the last event this scope recorded. */
  lastEventTime = 0;
  /** The state being run. */
  visit: Visit | undefined;
  /** Set while an `ItemSelector` is evaluated. */
  mapItem: MapItem | undefined;

  /** Aborted when this scope must stop (execution stopped, sibling branch failed, Map failed). */
  readonly cancellation: Cancellation;
  /** Made on first use ({@link variables}): most scopes never read or assign a variable. */
  #variables: VariableFrame | undefined = undefined;
  readonly #outerVariables: VariableFrame | undefined;

  constructor(
    readonly runtime: ExecutionRuntime,
    /** The scope's own token (Parallel branch, Map iteration); the execution's when absent. */
    cancellation: Cancellation | undefined,
    lastEventId: number,
    /** The enclosing scope's variables (a Parallel branch or inline Map iteration); none for the execution. */
    outerVariables?: VariableFrame,
  ) {
    this.cancellation = cancellation ?? runtime.cancellation;
    this.lastEventId = lastEventId;
    this.#outerVariables = outerVariables;
  }

  /** This scope's workflow variables (reading through to the enclosing scopes'). */
  get variables(): VariableFrame {
    this.#variables ??= this.#outerVariables === undefined ? new VariableFrame() : this.#outerVariables.child();
    return this.#variables;
  }

  /** The scope's cancellation as a standard AbortSignal (created on first use). */
  get signal(): AbortSignal {
    return this.cancellation.signal;
  }

  /** Whether `error` is this scope's abort reason (a stop or a failed sibling, not a state's own failure). */
  isAbortReason(error: unknown): boolean {
    return this.cancellation.aborted && error === this.cancellation.reason;
  }

  /** Records an event in this scope's lineage and returns its id. */
  record(type: string, schema?: EventSchema, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown): number {
    return this.recordAt(this.runtime.clock.now(), type, schema, a, b, c, d, e, f);
  }

  /**
   * Records an event with a clock reading taken by the caller: events recorded in one synchronous step share one
   * reading (a clock read costs about as much as recording an event).
   */
  recordAt(time: number, type: string, schema?: EventSchema, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown): number {
    const id = this.runtime.history.record(type, time, this.lastEventId, schema, a, b, c, d, e, f);
    this.lastEventId = id;
    this.lastEventTime = time;
    return id;
  }

  /** Records the next event of `record` (see {@link EventRecord}), at `time`, and returns its id. */
  recordSlot(time: number, record: EventRecord): number {
    const id = this.runtime.history.recordSlot(record);
    this.lastEventId = id;
    this.lastEventTime = time;
    return id;
  }

  contextObject(): JsonValue {
    const runtime = this.runtime;
    const visit = this.visit;
    const context: JsonObject = {
      Execution: {
        Id: runtime.executionArn,
        Input: runtime.executionInput,
        Name: runtime.executionName,
        RoleArn: runtime.roleArn,
        StartTime: new Date(runtime.startTime).toISOString(),
        RedriveCount: 0,
      },
      StateMachine: { Id: runtime.stateMachineArn, Name: runtime.stateMachineName },
    };
    if (visit !== undefined) {
      context.State = visit.countsRetries
        ? { EnteredTime: new Date(visit.enteredTime).toISOString(), Name: visit.name, RetryCount: visit.retryCount }
        : { EnteredTime: new Date(visit.enteredTime).toISOString(), Name: visit.name };
      if (visit.taskToken !== undefined) context.Task = { Token: visit.taskToken };
    }
    if (this.mapItem !== undefined) {
      const item: JsonObject = { Index: this.mapItem.index, Value: this.mapItem.value };
      if (this.mapItem.key !== undefined) item.Key = this.mapItem.key;
      context.Map = { Item: item };
    }
    return context;
  }

  variable(name: string): JsonValue | undefined {
    return this.variables.get(name);
  }

  random(): number {
    return this.runtime.random();
  }

  uuid(): string {
    return this.runtime.uuid();
  }
}
