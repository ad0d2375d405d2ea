/**
 * The context one task attempt hands its handler.
 *
 * @see https://states-language.net/spec.html#task-state
 */
import type { TaskContext } from "../types.js";
import type { Cancellation } from "./abort.js";
import type { TaskTokenBroker } from "./task-tokens.js";

/** What a handler context reads from its execution. */
export interface HandlerIdentity {
  readonly executionArn: string;
  readonly broker: TaskTokenBroker;
}

/** What settles a call besides its return value (a Lambda handler's legacy `context.done/succeed/fail`). */
export interface LateSettler {
  settleLate(error: unknown, result?: unknown): void;
}

/**
 * What an attempt needs of the context it hands a handler: a plain task's {@link HandlerContext} or a Lambda
 * function's Context (one object each, not a class hierarchy: V8 did not inline derived constructors).
 */
export interface AttemptContext extends TaskContext {
  taskToken?: string;
  /** Set by the attempt while it awaits the handler's promise (see {@link settleLate}). */
  lateSettler: LateSettler | undefined;
  readonly stateName: string;
  readonly cancellation: Cancellation;
  /** Clock time the attempt started (the `…Started` event), in ms. */
  readonly startedAt: number;
  /** Settles the attempt awaiting this call (the Lambda adapter calls it for legacy callbacks); ignored otherwise. */
  settleLate(error: unknown, result?: unknown): void;
}

/** The context handed to a handler; its `signal` is created only if the handler reads it. */
export class HandlerContext implements AttemptContext {
  declare taskToken?: string;
  /** Set by the attempt while it awaits the handler's promise (see {@link settleLate}). */
  lateSettler: LateSettler | undefined = undefined;

  readonly #identity: HandlerIdentity;

  constructor(
    readonly stateName: string,
    identity: HandlerIdentity,
    /** The attempt's cancellation (the handler sees it as {@link signal}). */
    readonly cancellation: Cancellation,
    readonly heartbeat: () => void,
    /** Clock time the attempt started (the `…Started` event), in ms. */
    readonly startedAt: number,
  ) {
    this.#identity = identity;
  }

  get executionArn(): string {
    return this.#identity.executionArn;
  }

  get taskTokens(): TaskTokenBroker {
    return this.#identity.broker;
  }

  get signal(): AbortSignal {
    return this.cancellation.signal;
  }

  /** Settles the attempt awaiting this call (the Lambda adapter calls it for legacy callbacks); ignored otherwise. */
  settleLate(error: unknown, result?: unknown): void {
    this.lateSettler?.settleLate(error, result);
  }
}
