/**
 * The result of a finished execution: status, output or error and cause, and its history and dates made on first
 * read.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
import type { JsonValue } from "@statecraft/asl";
import type { ExecutionResult, HistoryEvent } from "../types.js";
import type { HistoryRecorder } from "./history.js";

/** How an execution ended, without what the result adds (history, ARN, dates). */
export type Ending = Omit<ExecutionResult, "history" | "executionArn" | "startDate" | "stopDate">;

/**
 * A finished execution. The history is materialized on first read (a getter on the prototype, so every result
 * shares one hidden class): runs whose history nobody looks at never pay for JSON strings and Dates.
 */
export class FinishedExecution implements ExecutionResult {
  readonly status: ExecutionResult["status"];
  declare output?: JsonValue;
  declare error?: string;
  declare cause?: string;
  readonly #startTime: number;
  readonly #stopTime: number;
  #startDate: Date | undefined;
  #stopDate: Date | undefined;
  #history: HistoryRecorder | HistoryEvent[];
  readonly #identity: { readonly executionArn: string };

  constructor(ending: Ending, identity: { readonly executionArn: string }, startTime: number, stopTime: number, history: HistoryRecorder) {
    this.status = ending.status;
    if (ending.output !== undefined) this.output = ending.output;
    if (ending.error !== undefined) this.error = ending.error;
    if (ending.cause !== undefined) this.cause = ending.cause;
    this.#identity = identity;
    this.#startTime = startTime;
    this.#stopTime = stopTime;
    this.#history = history;
  }

  /** The execution's ARN (its name is made on first read unless one was given). */
  get executionArn(): string {
    return this.#identity.executionArn;
  }

  /** Made on first read, like the history: most results are only checked for their status and output. */
  get startDate(): Date {
    this.#startDate ??= new Date(this.#startTime);
    return this.#startDate;
  }

  get stopDate(): Date {
    this.#stopDate ??= new Date(this.#stopTime);
    return this.#stopDate;
  }

  get history(): HistoryEvent[] {
    const source = this.#history;
    if (Array.isArray(source)) return source;
    const events = source.toArray();
    this.#history = events;
    return events;
  }

  /** The result as a plain object, history included (for `JSON.stringify`). */
  toJSON(): ExecutionResult {
    const plain: ExecutionResult = { status: this.status, history: this.history, executionArn: this.executionArn, startDate: this.startDate, stopDate: this.stopDate };
    if (this.output !== undefined) plain.output = this.output;
    if (this.error !== undefined) plain.error = this.error;
    if (this.cause !== undefined) plain.cause = this.cause;
    return plain;
  }
}
