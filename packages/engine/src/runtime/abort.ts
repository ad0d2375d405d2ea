/**
 * Cancellation inside the engine. A Node `AbortController` costs microseconds to create and to listen to, so
 * scopes use this light token and create a real `AbortSignal` only when a handler or a timer asks for one.
 */

/** A cancellation token: aborted once, with a reason; listeners are kept without allocating for the first one. */
export class Cancellation {
  aborted = false;
  reason: unknown;
  /** None, one (most tokens never have more), or a Set. */
  private listeners: ((reason: unknown) => void) | Set<(reason: unknown) => void> | undefined;
  private controller: AbortController | undefined;

  /** Aborts (once) and tells every listener. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (typeof listeners === "function") listeners(reason);
    else if (listeners !== undefined) for (const listener of listeners) listener(reason);
  }

  /** Calls `listener` on abort (at once if already aborted); returns the function that removes it. */
  onAbort(listener: (reason: unknown) => void): () => void {
    if (!this.addAbortListener(listener)) return noop;
    return () => this.offAbort(listener);
  }

  /**
   * {@link onAbort} without the closure that removes the listener (remove it with {@link offAbort}); `false` when
   * the token was already aborted (the listener has been called).
   */
  addAbortListener(listener: (reason: unknown) => void): boolean {
    if (this.aborted) {
      listener(this.reason);
      return false;
    }
    const listeners = this.listeners;
    if (listeners === undefined) this.listeners = listener;
    else if (typeof listeners === "function") this.listeners = new Set([listeners, listener]);
    else listeners.add(listener);
    return true;
  }

  /** Removes a listener added with {@link onAbort} (without the closure `onAbort` returns). */
  offAbort(listener: (reason: unknown) => void): void {
    const listeners = this.listeners;
    if (listeners === listener) this.listeners = undefined;
    else if (typeof listeners === "object") listeners.delete(listener);
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

/** Reason a scope is aborted when a sibling Parallel branch or Map iteration failed. */
export class SiblingFailed extends Error {
  override readonly name = "SiblingFailed";
}
