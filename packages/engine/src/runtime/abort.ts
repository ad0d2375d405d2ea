/**
 * Cancellation inside the engine. A Node `AbortController` costs microseconds to create and to listen to, so
 * scopes use this light token and create a real `AbortSignal` only when a handler or a timer asks for one.
 */

/** A cancellation token: aborted once, with a reason; listeners are a plain Set. */
export class Cancellation {
  aborted = false;
  reason: unknown;
  private listeners: Set<(reason: unknown) => void> | undefined;
  private controller: AbortController | undefined;

  /** Aborts (once) and tells every listener. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener(reason);
  }

  /** Calls `listener` on abort (at once if already aborted); returns the function that removes it. */
  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.aborted) {
      listener(this.reason);
      return noop;
    }
    this.listeners ??= new Set();
    this.listeners.add(listener);
    return () => this.listeners?.delete(listener);
  }

  /** A standard AbortSignal that follows this token (created on first use). */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** A token aborted with the same reason when this one is; `release` unlinks it. */
  child(): { cancellation: Cancellation; release: () => void } {
    const child = new Cancellation();
    const release = this.onAbort((reason) => child.abort(reason));
    return { cancellation: child, release };
  }
}

function noop(): void {}

/** Resolves/rejects with `promise`, or rejects with the abort reason as soon as `cancellation` aborts. */
export function raceCancellation<T>(promise: Promise<T>, cancellation: Cancellation): Promise<T> {
  if (cancellation.aborted) return Promise.reject(cancellation.reason);
  return new Promise<T>((resolve, reject) => {
    const remove = cancellation.onAbort(reject);
    promise.then(
      (value) => {
        remove();
        resolve(value);
      },
      (error: unknown) => {
        remove();
        reject(error);
      },
    );
  });
}

/** Reason a scope is aborted when a sibling Parallel branch or Map iteration failed. */
export class SiblingFailed extends Error {
  override readonly name = "SiblingFailed";
}
