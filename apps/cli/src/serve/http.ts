/**
 * The AWS JSON 1.0 transport: `POST /` with `X-Amz-Target: AWSStepFunctions.<Op>`
 * and a JSON object body; answers JSON with `x-amzn-RequestId`, errors as
 * `{"__type","message"}` with the service's status codes.
 *
 * @see aws-integration.md §3.1–3.2; https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, InternalFailure, RequestTooLarge, SerializationException, UnknownOperationException } from "./errors.js";

/** `X-Amz-Target` prefix of Step Functions. */
export const targetPrefix = "AWSStepFunctions.";
const contentType = "application/x-amz-json-1.0";

/** Reads the body, refusing more than `limitBytes` (checked on the header and while streaming). */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? "0");
    if (declared > limitBytes) {
      reject(new RequestTooLarge(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new RequestTooLarge(limitBytes));
        request.removeAllListeners("data");
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Parses a JSON 1.0 body: empty means `{}`; anything but a JSON object is a SerializationException. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable body";
    throw new SerializationException(`Request body is not valid JSON: ${reason}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SerializationException("Request body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** The operation named by `X-Amz-Target`, or an UnknownOperationException. */
export function operationName(request: IncomingMessage, known: ReadonlySet<string>): string {
  const target = request.headers["x-amz-target"];
  const value = Array.isArray(target) ? target[0] : target;
  if (value === undefined) throw new UnknownOperationException("(missing X-Amz-Target header)");
  const operation = value.startsWith(targetPrefix) ? value.slice(targetPrefix.length) : "";
  if (!known.has(operation)) throw new UnknownOperationException(value);
  return operation;
}

function send(response: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "x-amzn-RequestId": randomUUID(),
    ...(close ? { connection: "close" } : {}),
  });
  response.end(text);
}

const loopbackNames = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * On a loopback server, refuses requests whose `Host` is not a loopback name:
 * a web page whose domain was re-pointed at 127.0.0.1 (DNS rebinding) cannot
 * drive the API from a browser.
 */
export function assertLoopbackHost(request: IncomingMessage): void {
  const host = request.headers.host ?? "";
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0] ?? "";
  if (!loopbackNames.has(name.toLowerCase())) {
    throw new ApiError("AccessDeniedException", `Host '${host}' is not a loopback address; this server only answers local clients`, 403);
  }
}

/** Writes a successful operation result. */
export function sendResult(response: ServerResponse, result: unknown): void {
  send(response, 200, result);
}

/**
 * Writes an error. Unknown (non-API) errors become a 500 InternalFailure whose
 * message names the problem; `close` drops the connection (oversized bodies).
 */
export function sendError(response: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError ? error : new InternalFailure(error instanceof Error ? error.message : String(error));
  send(response, apiError.status, apiError.toBody(), apiError instanceof RequestTooLarge);
}
