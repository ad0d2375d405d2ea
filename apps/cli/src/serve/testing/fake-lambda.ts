/**
 * A minimal Lambda-compatible endpoint for tests (the Invoke API only, as
 * `sam local start-lambda` serves it): runs in-process functions and counts
 * invocations per function.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeFunction = (event: unknown) => unknown;

export interface FakeLambdaEndpoint {
  readonly url: string;
  /** Invocations so far, by function name. */
  readonly invocations: Map<string, number>;
  close(): Promise<void>;
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export async function startFakeLambda(functions: Readonly<Record<string, FakeFunction>>): Promise<FakeLambdaEndpoint> {
  const invocations = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const name = decodeURIComponent(invokePath.exec(request.url ?? "")?.[1] ?? "");
      const fn = functions[name];
      if (fn === undefined) {
        response.writeHead(404, { "content-type": "application/json", "x-amzn-errortype": "ResourceNotFoundException" });
        response.end(JSON.stringify({ Type: "User", Message: `Function not found: ${name}` }));
        return;
      }
      invocations.set(name, (invocations.get(name) ?? 0) + 1);
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        const result = await fn(text === "" ? null : JSON.parse(text));
        response.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST" });
        response.end(JSON.stringify(result ?? null));
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        response.writeHead(200, { "content-type": "application/json", "x-amz-function-error": "Unhandled" });
        response.end(JSON.stringify({ errorType: e.name, errorMessage: e.message, trace: ["at remote (index.js:1:1)"] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    invocations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
