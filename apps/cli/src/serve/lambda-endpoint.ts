/**
 * Lambda resources answered by a Lambda-compatible endpoint (`--lambda-endpoint`,
 * e.g. `sam local start-lambda`), as Step Functions Local's `-lambdaEndpoint`.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from "@aws-sdk/client-lambda";
import type { JsonValue } from "@statecraft/asl";
import type { TaskContext, TaskHandler } from "@statecraft/engine";

/** A function error reported by the endpoint (`X-Amz-Function-Error`), carrying the remote trace. */
export class RemoteFunctionError extends Error {
  constructor(name: string, message: string, trace: readonly string[]) {
    super(message);
    this.name = name;
    // The engine builds Cause.trace from `stack`; keep the function's own trace.
    this.stack = trace.join("\n");
  }
}

/** The Lambda service (not the function) failed; Step Functions prefixes these with `Lambda.`. */
export class LambdaServiceError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function decode(payload: Uint8Array | undefined): string {
  return payload === undefined ? "" : Buffer.from(payload).toString("utf8");
}

function functionError(text: string, kind: string): RemoteFunctionError {
  try {
    const body = JSON.parse(text) as { errorType?: unknown; errorMessage?: unknown; trace?: unknown };
    const trace = Array.isArray(body.trace) ? body.trace.map(String) : [];
    const name = typeof body.errorType === "string" ? body.errorType : kind === "Unhandled" ? "Lambda.Unknown" : kind;
    return new RemoteFunctionError(name, typeof body.errorMessage === "string" ? body.errorMessage : text, trace);
  } catch {
    return new RemoteFunctionError("Lambda.Unknown", text, []);
  }
}

/** Invokes functions on one endpoint; one client, reused by every task. */
export class LambdaEndpoint {
  readonly #client: LambdaClient;

  constructor(endpoint: string, region: string) {
    this.#client = new LambdaClient({
      endpoint,
      region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: 1,
    });
  }

  /** A task handler that invokes `functionName` (RequestResponse) with the task input as payload. */
  handler(functionName: string): TaskHandler {
    return (input: JsonValue, context: TaskContext) => this.invoke(functionName, input, context.signal);
  }

  async invoke(functionName: string, payload: JsonValue, signal: AbortSignal): Promise<JsonValue> {
    let response: InvokeCommandOutput;
    try {
      response = await this.#client.send(
        new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }),
        { abortSignal: signal },
      );
    } catch (error) {
      const fault = typeof error === "object" && error !== null && "$fault" in error;
      const name = fault && error instanceof Error ? `Lambda.${error.name}` : "Lambda.SdkClientException";
      throw new LambdaServiceError(name, error instanceof Error ? error.message : String(error));
    }
    const text = decode(response.Payload);
    if (response.FunctionError !== undefined) throw functionError(text, response.FunctionError);
    return text.trim() === "" ? null : (JSON.parse(text) as JsonValue);
  }

  close(): void {
    this.#client.destroy();
  }
}
