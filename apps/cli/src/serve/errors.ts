/**
 * Errors of the local Step Functions API. Each class's `name` is the error code
 * AWS puts in `__type`, so SDK clients see the same modeled exception
 * (`err.name === "StateMachineDoesNotExist"`, `err instanceof …`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/CommonErrors.html
 */

/** Namespace AWS puts before `#` in `__type` (clients drop it). */
const serviceNamespace = "com.amazonaws.swf.service.v2.model";
const validationNamespace = "com.amazon.coral.validate";

/** An error answered to the client as `{"__type","message"}` with an HTTP status. */
export class ApiError extends Error {
  /** HTTP status; 400 for every modeled client error. */
  readonly status: number;
  /** Extra members of the error body (e.g. `reason` for ValidationException). */
  readonly extra: Readonly<Record<string, string>>;

  constructor(code: string, message: string, status = 400, extra: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.status = status;
    this.extra = extra;
  }

  /** The `__type` member: namespace, `#`, code. Never contains `:` (clients cut there). */
  get type(): string {
    const namespace = this.name === "ValidationException" ? validationNamespace : serviceNamespace;
    return `${namespace}#${this.name}`;
  }

  /** The JSON error body. */
  toBody(): Record<string, string> {
    return { __type: this.type, message: this.message, ...this.extra };
  }
}

/** A request member is missing, malformed or out of range. */
export class ValidationException extends ApiError {
  constructor(message: string, reason = "FIELD_VALIDATION_FAILED") {
    super("ValidationException", message, 400, { reason });
  }
}

/** The body is not valid JSON (or not an object). */
export class SerializationException extends ApiError {
  constructor(message: string) {
    super("SerializationException", message);
  }
}

/** `X-Amz-Target` names no operation this server speaks. */
export class UnknownOperationException extends ApiError {
  constructor(target: string) {
    super("UnknownOperationException", `Unknown operation: '${target}'`);
  }
}

/** The request body exceeds the server's cap. */
export class RequestTooLarge extends ApiError {
  constructor(limitBytes: number) {
    super("RequestEntityTooLargeException", `Request body exceeds ${limitBytes} bytes`, 413);
  }
}

/** Something failed inside the server; the SDK retries 5xx, so use sparingly. */
export class InternalFailure extends ApiError {
  constructor(message: string) {
    super("InternalFailure", message, 500);
  }
}

/** Shorthand for the modeled 400 errors whose only member is `message`. */
export function apiError(code: ModeledErrorCode, message: string): ApiError {
  return new ApiError(code, message);
}

/** Modeled Step Functions error codes this server answers with. */
export type ModeledErrorCode =
  | "ExecutionAlreadyExists"
  | "ExecutionDoesNotExist"
  | "InvalidArn"
  | "InvalidDefinition"
  | "InvalidExecutionInput"
  | "InvalidLoggingConfiguration"
  | "InvalidName"
  | "InvalidOutput"
  | "InvalidToken"
  | "MissingRequiredParameter"
  | "ResourceNotFound"
  | "StateMachineAlreadyExists"
  | "StateMachineDeleting"
  | "StateMachineDoesNotExist"
  | "StateMachineTypeNotSupported"
  | "TaskDoesNotExist"
  | "TaskTimedOut";
