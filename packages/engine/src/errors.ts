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

/**
 * A task error whose Error or Cause may be missing: a Fail state without them, a `SendTaskFailure` without them.
 * Step Functions leaves a missing part out of the `ExecutionFailed` event and writes it as `null` in a catcher's
 * error output (recorded against AWS: localstack tests/aws/services/stepfunctions/v2/callback/test_callback.snapshot.json,
 * test_sqs_failure_in_wait_for_task_tok_no_error_field: `{"Error": null, "Cause": null}`).
 */
export class PartialTaskError extends TaskError {
  /** Which parts were given. */
  readonly given: { readonly error: boolean; readonly cause: boolean };

  constructor(error: string | undefined, cause: string | undefined) {
    super(error ?? "", cause ?? "");
    this.given = { error: error !== undefined, cause: cause !== undefined };
  }
}

/**
 * A runtime failure (a `.$` path or intrinsic argument that matches nothing, a bad InputPath/OutputPath target, an
 * unknown resource, …); never retried or caught, not even by `States.ALL`.
 *
 * Step Functions reports its cause prefixed with the state and the id of its `…StateEntered` event:
 * "An error occurred while executing the state 'Emit' (entered at the event id #2). The JSONPath …"
 * ({@link StatesRuntimeError.at} adds it once, at the state where the error happened).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export class StatesRuntimeError extends StatesError {
  override readonly retryable = false;
  override readonly catchable = false;
  override readonly matchedByWildcards = false;
  /** `true` once the cause names the state it happened in. */
  readonly located: boolean;
  constructor(cause: string, located = false) {
    super("States.Runtime", cause);
    this.located = located;
  }

  /** This error with the cause prefix Step Functions adds (unchanged when already located). */
  at(stateName: string, enteredEventId: number): StatesRuntimeError {
    if (this.located) return this;
    return new StatesRuntimeError(`An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${this.cause}`, true);
  }
}

/**
 * `States.ParameterPathFailure` as the ASL specification names it. Step Functions itself reports a `.$` path that
 * matches nothing as {@link StatesRuntimeError} (recorded executions), so the engine does too; the class stays for
 * handlers and tools that raise the documented name.
 */
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

/**
 * A payload is over the 256 KiB quota. A state's input or output over it is terminal (never retried or caught); a
 * task's result over it is a task failure that a Catch naming `States.DataLimitExceeded` or `States.ALL` handles
 * (executions recorded against Step Functions: localstack `test_states_errors.snapshot.json`,
 * `test_task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export class DataLimitExceeded extends StatesError {
  override readonly retryable: boolean;
  override readonly catchable: boolean;
  override readonly matchedByWildcards: boolean;
  constructor(cause: string, terminal = true) {
    super("States.DataLimitExceeded", cause);
    this.retryable = !terminal;
    this.catchable = !terminal;
    this.matchedByWildcards = !terminal;
  }
}

/**
 * A task ran longer than its `TimeoutSeconds` or `HeartbeatSeconds`. Step Functions reports `States.Timeout` with no
 * cause (an empty `cause` here), both for a timeout and for a missed heartbeat (recorded `TaskTimedOut` and
 * `ExecutionFailed` events: localstack `test_timeouts.snapshot.json`, `test_heartbeats.snapshot.json`).
 */
export class StatesTimeout extends StatesError {
  constructor(cause = "") {
    super("States.Timeout", cause);
  }
}

/**
 * A task sent no heartbeat within `HeartbeatSeconds`: reported as `States.Timeout` (as Step Functions records it),
 * and also matched by the documented `States.HeartbeatTimeout` in a Retry/Catch.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export class HeartbeatTimeout extends StatesTimeout {
  /** The documented name a Retry/Catch may use for this error. */
  readonly alias = "States.HeartbeatTimeout";
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

/**
 * A Distributed Map could not read its items from the `ItemReader` source (missing bucket or object, unreadable
 * content, no object store).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export class ItemReaderFailed extends StatesError {
  constructor(cause: string) {
    super("States.ItemReaderFailed", cause);
  }
}

/**
 * A Distributed Map could not write its results where its `ResultWriter` says.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export class ResultWriterFailed extends StatesError {
  constructor(cause: string) {
    super("States.ResultWriterFailed", cause);
  }
}

/** A JSONata expression failed (JSONata states). */
export class QueryEvaluationError extends StatesError {
  /** `true` once the cause names the state it happened in. */
  readonly located: boolean;
  constructor(cause: string, located = false) {
    super("States.QueryEvaluationError", cause);
    this.located = located;
  }

  /**
   * This error as it leaves the state it happened in: Step Functions prefixes the cause with the state and the id of
   * its `…StateEntered` event, as for States.Runtime ("An error occurred while executing the state 'Run' (entered at
   * the event id #6). The JSONata expression '…' specified for the field 'Arguments/…' returned nothing
   * (undefined)."; recorded executions: localstack test_base_scenarios.snapshot.json, test_wait_timestamp_jsonata).
   */
  at(stateName: string, enteredEventId: number): QueryEvaluationError {
    if (this.located) return this;
    return new QueryEvaluationError(`An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${this.cause}`, true);
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
    if (error instanceof HeartbeatTimeout && name === error.alias) return true;
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
