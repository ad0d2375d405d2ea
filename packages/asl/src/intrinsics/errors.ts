/**
 * Errors raised by the intrinsic function parser and evaluator.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */

/**
 * The text is not a well-formed intrinsic call. Step Functions rejects such a definition when it is
 * created; should one reach run time anyway it is a non-catchable `States.Runtime` failure.
 */
export class IntrinsicSyntaxError extends Error {
  override readonly name = "States.Runtime";
  /** Offset in `text` where the problem was found. */
  readonly offset: number;
  /** The text that was parsed. */
  readonly text: string;
  /** The problem without the position suffix, for tools that show the position themselves. */
  readonly reason: string;

  constructor(text: string, offset: number, reason: string) {
    super(`Invalid intrinsic function call at offset ${offset}: ${reason} (in ${JSON.stringify(text)})`);
    this.text = text;
    this.offset = offset;
    this.reason = reason;
  }
}

/**
 * A well-formed call that names no known function or passes the wrong number of arguments. The validator
 * reports these statically; at run time they are `States.Runtime` failures, like a malformed call.
 */
export class InvalidIntrinsicCall extends Error {
  override readonly name = "States.Runtime";
  readonly offset: number;

  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

/**
 * An intrinsic function was given a value it cannot work with (wrong type, out of range, malformed
 * JSON or Base64, …). Catchable and retriable like any other error.
 */
export class IntrinsicFailure extends Error {
  override readonly name = "States.IntrinsicFailure";
}
