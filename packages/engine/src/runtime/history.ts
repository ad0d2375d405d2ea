/**
 * Execution history, recorded cheaply on the hot path (a small record holding references to immutable values) and
 * turned into AWS `HistoryEvent` objects (JSON strings, Dates) only when someone reads it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { HistoryEvent } from "../types.js";

/** Where an event's detail values go: the `…EventDetails` key and the field name of each value slot. */
export interface EventSchema {
  readonly key: string;
  readonly fields: readonly string[];
}

/** Declares an event detail schema. */
export function eventSchema(key: string, ...fields: string[]): EventSchema {
  return { key, fields };
}

/** One recorded event: a fixed-shape object holding references to (immutable) values, up to six. */
export class RawEvent {
  constructor(
    readonly type: string,
    readonly time: number,
    readonly prev: number,
    readonly schema: EventSchema | undefined,
    readonly a?: unknown,
    readonly b?: unknown,
    readonly c?: unknown,
    readonly d?: unknown,
    readonly e?: unknown,
    readonly f?: unknown,
  ) {}
}

/**
 * A record that stands for several events (a state visit's entry and exit): the history keeps a slot per event
 * pointing at it and asks it for the event of a slot when the history is read. An object per event was the largest
 * single cost of recording (a 50-Task chain ran 0.25 µs a Task with its five event objects, 0.19 µs without). An
 * interface, not a base class: V8 did not inline the constructors of the derived classes on the hot path.
 */
export interface EventRecord {
  /** The event with id `id`, one of those this record was recorded for. */
  eventFor(id: number): RawEvent;
}

/** Detail fields holding raw JSON values; they are serialized to strings (with `…Details`) when materialized. */
const jsonFields = new Set(["input", "output", "parameters"]);

function materializeDetails(raw: RawEvent, schema: EventSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = [raw.a, raw.b, raw.c, raw.d, raw.e, raw.f];
  schema.fields.forEach((field, index) => {
    const value = values[index];
    if (value === undefined) return;
    if (field === "assignedVariables") {
      // AWS lists each assigned variable with its value as a JSON string.
      const assigned: Record<string, string> = {};
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) assigned[name] = JSON.stringify(item);
      out[field] = assigned;
      out.assignedVariablesDetails = { truncated: false };
    } else if (jsonFields.has(field)) {
      out[field] = JSON.stringify(value);
      if (field !== "parameters") out[`${field}Details`] = { truncated: false };
    } else out[field] = value;
  });
  return out;
}

/**
 * The first state's `…StateEntered` event has previousEventId 0, not the id of ExecutionStarted (recorded against
 * AWS: localstack tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json, test_start_execution and
 * test_stop_execution).
 */
export const firstStatePreviousEventId = 0;

const noPriorEvents: readonly HistoryEvent[] = Object.freeze([]);

/**
 * An empty event list, made by the Array constructor rather than a `[]` literal. V8 watches the objects each
 * literal creates; when a few minor collections find most of them still alive (each execution's list lives as long
 * as its execution), it allocates every later one directly in the old generation ("pretenuring"). An old list then
 * keeps every young event pushed into it alive through minor collections until the next full one: measured on the
 * seed workflow, about half of the processes fell into that state and ran 5× slower, most of the time in GC.
 */
function newEventList(): (RawEvent | EventRecord)[] {
  // biome-ignore lint/style/useArrayLiterals: deliberately not a literal (see above).
  return new Array<RawEvent | EventRecord>();
}

/** Records events; materializes them lazily; streams them live to listeners. */
export class HistoryRecorder {
  private readonly prior: readonly HistoryEvent[];
  private readonly raw: (RawEvent | EventRecord)[] = newEventList();
  // Created on first use: most executions are never read live, and many never read at all.
  private cache: HistoryEvent[] | undefined;
  private listeners: ((event: HistoryEvent) => void)[] | undefined;
  private wakers: (() => void)[] | undefined;
  readonly limit: number;

  constructor(prior: readonly HistoryEvent[] = noPriorEvents, limit = Number.POSITIVE_INFINITY) {
    this.prior = prior;
    this.limit = limit;
  }

  /** Number of events, prior ones included. */
  get length(): number {
    return this.prior.length + this.raw.length;
  }

  /** Whether the history quota is used up. */
  get overLimit(): boolean {
    return this.length > this.limit;
  }

  /** Id of the last event (0 when empty). */
  get lastId(): number {
    return this.length;
  }

  /** Adds a listener called synchronously with every new event. */
  listen(listener: (event: HistoryEvent) => void): void {
    this.listeners ??= [];
    this.listeners.push(listener);
  }

  /**
   * Records an event and returns its id. The values fill the schema's fields in order (`undefined` = absent);
   * `input`, `output` and `parameters` values are raw JSON that must not be mutated afterwards.
   */
  record(type: string, time: number, prev: number, schema?: EventSchema, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown): number {
    return this.recordSlot(new RawEvent(type, time, prev, schema, a, b, c, d, e, f));
  }

  /** Records the next event of `record` (see {@link EventRecord}) and returns its id. */
  recordSlot(record: RawEvent | EventRecord): number {
    this.raw.push(record);
    const id = this.length;
    if (this.listeners !== undefined) {
      const event = this.get(id - 1);
      for (const listener of this.listeners) listener(event);
    }
    if (this.wakers !== undefined && this.wakers.length > 0) for (const wake of this.wakers.splice(0)) wake();
    return id;
  }

  /** The event at zero-based `index`. */
  get(index: number): HistoryEvent {
    if (index < this.prior.length) return this.prior[index] as HistoryEvent;
    const own = index - this.prior.length;
    this.cache ??= [];
    const cache = this.cache;
    const cached = cache[own];
    if (cached !== undefined) return cached;
    const slot = this.raw[own];
    if (slot === undefined) throw new RangeError(`no history event at index ${index}`);
    const raw = slot instanceof RawEvent ? slot : slot.eventFor(index + 1);
    const event: HistoryEvent = { id: index + 1, previousEventId: raw.prev, timestamp: new Date(raw.time), type: raw.type };
    if (raw.schema !== undefined) event[raw.schema.key] = materializeDetails(raw, raw.schema);
    cache[own] = event;
    return event;
  }

  /** Every event, materialized. */
  toArray(): HistoryEvent[] {
    const events: HistoryEvent[] = new Array(this.length);
    for (let i = 0; i < events.length; i++) events[i] = this.get(i);
    return events;
  }

  /** Resolves when the next event is recorded (or `release` is called). */
  nextEvent(): Promise<void> {
    this.wakers ??= [];
    const wakers = this.wakers;
    return new Promise((resolve) => wakers.push(resolve));
  }

  /** Wakes every `nextEvent` waiter (at the end of the execution). */
  release(): void {
    if (this.wakers !== undefined) for (const wake of this.wakers.splice(0)) wake();
  }
}
