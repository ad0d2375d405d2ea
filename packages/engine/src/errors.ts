/**
 * One class per Step Functions error. `name` is the ASL error name a Retry/Catch `ErrorEquals` matches, `cause` the
 * text Step Functions reports as Cause.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 * @see https://states-language.net/spec.html#appendix-a
 */

/** A failure as a state sees it: an error name and a cause. */
export class StatesError extends Error {
  /** The ASL error name (what `ErrorEquals` matches). */
  override name: string;
  /** The cause text, as it appears in `{Error, Cause}` and history events. */
  override readonly cause: string;
  /** `false` for errors a `Retry` never retries. */
  readonly retryable: boolean = true;
  /** `false` for errors no `Catch` can ever handle (they fail the execution). */
  readonly catchable: boolean = true;
  /** `false` for errors the `States.ALL` and `States.TaskFailed` wildcards do not match. */
  readonly matchedByWildcards: boolean = true;

  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
    this.cause = cause;
  }
}

/** An error raised by a task (its handler's error name) or a Fail state (its `Error`). */
export class TaskError extends StatesError {}

/** A runtime failure (bad InputPath/OutputPath target, unknown resource, …); never retried or caught. */
export class StatesRuntimeError extends StatesError {
  override readonly retryable = false;
  override readonly catchable = false;
  override readonly matchedByWildcards = false;
  constructor(cause: string) {
    super("States.Runtime", cause);
  }
}

/** A `.$` path in Parameters/ItemSelector/ResultSelector found nothing. */
export class ParameterPathFailure extends StatesError {
  constructor(cause: string) {
    super("States.ParameterPathFailure", cause);
  }
}

/** `ResultPath` cannot be applied to the state input. */
export class ResultPathMatchFailure extends StatesError {
  constructor(cause: string) {
    super("States.ResultPathMatchFailure", cause);
  }
}

/** An intrinsic function failed. */
export class IntrinsicFailure extends StatesError {
  constructor(cause: string) {
    super("States.IntrinsicFailure", cause);
  }
}

/** No Choice rule matched and there is no `Default`. */
export class NoChoiceMatched extends StatesError {
  constructor(cause: string) {
    super("States.NoChoiceMatched", cause);
  }
}

/** A Parallel branch failed. */
export class BranchFailed extends StatesError {
  constructor(cause: string) {
    super("States.BranchFailed", cause);
  }
}

/** A payload is over the 256 KiB quota: a terminal error, never retried or caught. */
export class DataLimitExceeded extends StatesError {
  override readonly retryable = false;
  override readonly catchable = false;
  override readonly matchedByWildcards = false;
  constructor(cause: string) {
    super("States.DataLimitExceeded", cause);
  }
}

/** A task ran longer than its `TimeoutSeconds`, or the execution ran past its own `TimeoutSeconds`. */
export class StatesTimeout extends StatesError {
  constructor(cause: string) {
    super("States.Timeout", cause);
  }
}

/** A task sent no heartbeat within `HeartbeatSeconds`. */
export class HeartbeatTimeout extends StatesError {
  constructor(cause: string) {
    super("States.HeartbeatTimeout", cause);
  }
}

/** A task failed (used when a failure carries no name of its own). */
export class TaskFailed extends StatesError {
  constructor(cause: string) {
    super("States.TaskFailed", cause);
  }
}

/** A Map had more failed items than `ToleratedFailureCount`/`ToleratedFailurePercentage` allow. */
export class ExceedToleratedFailureThreshold extends StatesError {
  constructor(cause: string) {
    super("States.ExceedToleratedFailureThreshold", cause);
  }
}

/** A JSONata expression failed (JSONata states). */
export class QueryEvaluationError extends StatesError {
  constructor(cause: string) {
    super("States.QueryEvaluationError", cause);
  }
}

/**
 * The definition is not valid ASL; `problems` lists every one with a JSON pointer into the definition.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
 */
export class InvalidDefinitionError extends Error {
  override readonly name = "States.InvalidDefinition";
  readonly problems: { pointer: string; message: string }[];
  constructor(problems: { pointer: string; message: string }[]) {
    super(`Invalid state machine definition:\n${problems.map((p) => `  ${p.pointer || "/"}: ${p.message}`).join("\n")}`);
    this.problems = problems;
  }
}

/** `SendTask*` named a token that is not (or no longer) waiting. */
export class TaskDoesNotExist extends Error {
  override readonly name = "TaskDoesNotExist";
}

/** `SendTask*` got a malformed token. */
export class InvalidToken extends Error {
  override readonly name = "InvalidToken";
}

/** `SendTask*` arrived after the task timed out. */
export class TaskTimedOut extends Error {
  override readonly name = "TaskTimedOut";
}

/** Whether `error` is matched by an `ErrorEquals` list. */
export function errorMatches(errorEquals: readonly string[], error: StatesError): boolean {
  if (!error.catchable) return false;
  for (const name of errorEquals) {
    if (name === error.name) return true;
    if (!error.matchedByWildcards) continue;
    if (name === "States.ALL") return true;
    if (name === "States.TaskFailed" && error.name !== "States.Timeout") return true;
  }
  return false;
}

/** Turns anything thrown by user code into a {@link StatesError}: name → Error, message → Cause. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) return new TaskError(thrown.name || "Error", thrown.message);
  return new TaskError(typeof thrown, String(thrown));
}
