/**
 * Task tokens for the callback pattern (`.waitForTaskToken`): the engine registers a waiting task under its token;
 * `SendTaskSuccess`/`SendTaskFailure`/`SendTaskHeartbeat` (from code or an API server) resume it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
import type { JsonValue } from "@statecraft/asl";
import { InvalidToken, TaskDoesNotExist, TaskTimedOut } from "../errors.js";

/** The waiting side of a token. */
export interface TokenWaiter {
  succeed(output: JsonValue): void;
  /** `undefined`: that part was not sent. */
  fail(error: string | undefined, cause: string | undefined): void;
  heartbeat(): void;
}

/** Tokens are base64url text, at most 2048 characters (the AWS limit). */
const tokenShape = /^[A-Za-z0-9_-]{1,2048}$/;
/** How many timed-out tokens are remembered to answer `TaskTimedOut` instead of `TaskDoesNotExist`. */
const rememberedTimeouts = 10_000;

/** Routes `SendTask*` calls to waiting tasks. Share one between executions so a server can route by token. */
export class TaskTokenBroker {
  private readonly waiting = new Map<string, TokenWaiter>();
  private readonly timedOut = new Set<string>();

  /** Makes a token for a task of an execution. */
  static createToken(executionArn: string, stateName: string, unique: string): string {
    return Buffer.from(JSON.stringify([executionArn, stateName, unique])).toString("base64url");
  }

  /** Registers a waiting task; returns the function that unregisters it. */
  register(token: string, waiter: TokenWaiter): () => void {
    this.waiting.set(token, waiter);
    return () => {
      if (this.waiting.get(token) === waiter) this.waiting.delete(token);
    };
  }

  /** Marks a token as timed out (later `SendTask*` calls get `TaskTimedOut`). */
  expire(token: string): void {
    this.waiting.delete(token);
    this.timedOut.add(token);
    if (this.timedOut.size > rememberedTimeouts) {
      const [oldest] = this.timedOut;
      if (oldest !== undefined) this.timedOut.delete(oldest);
    }
  }

  /** Whether a task waits under this token. */
  isWaiting(token: string): boolean {
    return this.waiting.has(token);
  }

  private find(token: string): TokenWaiter {
    if (!tokenShape.test(token)) throw new InvalidToken(`Invalid token: ${JSON.stringify(token.slice(0, 80))}`);
    const waiter = this.waiting.get(token);
    if (waiter !== undefined) return waiter;
    if (this.timedOut.has(token)) throw new TaskTimedOut("Task Timed Out: the task of this token has timed out");
    throw new TaskDoesNotExist("Task does not exist anymore");
  }

  /** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html */
  sendTaskSuccess(token: string, output: JsonValue): void {
    const waiter = this.find(token);
    this.waiting.delete(token);
    waiter.succeed(output);
  }

  /** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskFailure.html */
  sendTaskFailure(token: string, error?: string, cause?: string): void {
    const waiter = this.find(token);
    this.waiting.delete(token);
    waiter.fail(error, cause);
  }

  /** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html */
  sendTaskHeartbeat(token: string): void {
    this.find(token).heartbeat();
  }
}
