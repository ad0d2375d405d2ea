/**
 * An error raised inside one of Step Functions' JSONata functions (`$parse` given bad JSON, `$hash` given an
 * unknown algorithm, `$range` past the sequence limit). The evaluator reports it as a
 * `States.QueryEvaluationError` naming the expression and field.
 */
export class JsonataFunctionError extends Error {
  override readonly name = "States.QueryEvaluationError";
  /**
   * A jsonata error code when the failure is one jsonata itself knows (D2015 for the sequence limit);
   * jsonata then rewrites the message from its own template, filled in with `value`.
   */
  readonly code: string | undefined;
  readonly value: unknown;

  constructor(message: string, code?: string, value?: unknown) {
    super(message);
    this.code = code;
    this.value = value;
  }
}
