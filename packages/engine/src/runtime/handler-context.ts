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

/** How a call can settle besides its return value (a Lambda handler's legacy `context.done/succeed/fail`). */
export type LateSettle = (error: unknown, result?: unknown) => void;

const ignoreLateSettle: LateSettle = () => {};

/** The context handed to a handler; its `signal` is created only if the handler reads it. */
export class HandlerContext implements TaskContext {
  declare taskToken?: string;
  /** Set by the attempt while it awaits the handler's promise; the Lambda adapter calls it for legacy callbacks. */
  settleLate: LateSettle = ignoreLateSettle;

  readonly #identity: HandlerIdentity;

  constructor(
    readonly stateName: string,
    identity: HandlerIdentity,
    private readonly cancellation: Cancellation,
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
}
