/**
 * `startServer`: a Step Functions-compatible API on node:http, durable in
 * SQLite. Safe by default: listens on 127.0.0.1, caps request bodies at 1 MiB,
 * never evaluates anything from a request as code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MapObjectStore, TaskHandler } from "@statecraft/engine";
import { scaledClock } from "./clock.js";
import type { ServiceContext } from "./context.js";
import { ApiError } from "./errors.js";
import { assertLoopbackHost, operationName, parseJsonBody, readBody, sendError, sendResult } from "./http.js";
import { LambdaEndpoint } from "./lambda-endpoint.js";
import { MockConfig } from "./mock-config.js";
import { operations } from "./operations/index.js";
import { finishDeletion } from "./operations/state-machines.js";
import { findTestCase } from "./operations/executions.js";
import { ExecutionRunner } from "./runner.js";
import { Store } from "./store.js";
import type { WireEvent } from "./wire.js";

/** In-process access to the API, for pages mounted on the same server (e.g. the execution viewer). */
export interface LocalApi {
  /** Calls an operation as a client would; resolves to the wire-form result, rejects with an `ApiError`. */
  call(operation: string, body: Record<string, unknown>): Promise<unknown>;
  /** Live history events (wire form) of a running STANDARD execution; returns the unsubscribe function. */
  watch(executionArn: string, listener: (event: WireEvent) => void): () => void;
}

/** A GET/HEAD handler mounted beside the API. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse, api: LocalApi) => void | Promise<void>;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** @default 8083 (Step Functions Local's port); 0 picks a free port. */
  readonly port?: number;
  /** @default "127.0.0.1" (loopback only). */
  readonly host?: string;
  /** Directory of the SQLite database; omitted → in memory (nothing survives `close`). */
  readonly dataDir?: string;
  /** @default "us-east-1" */
  readonly region?: string;
  /** @default "123456789012" */
  readonly account?: string;
  /** Lambda function name → handler, for Lambda resources. @default {} */
  readonly lambdas?: Readonly<Record<string, TaskHandler>>;
  /** A Lambda-compatible endpoint that answers Lambda resources instead of `lambdas`. */
  readonly lambdaEndpoint?: string;
  /** Where Distributed Map `ItemReader`/`ResultWriter` read and write S3 objects; none: such Maps fail. */
  readonly objectStore?: MapObjectStore;
  /** Step Functions Local mock configuration: a parsed config or a file path. */
  readonly mockConfig?: MockConfig | string;
  /**
   * GET/HEAD pages served beside the API: a key matches its exact path and
   * everything below it (`"/ui"` serves `/ui` and `/ui/…`).
   */
  readonly extraRoutes?: Readonly<Record<string, ExtraRoute>>;
  /** @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /**
   * Scales every engine timer (Wait, Retry intervals, timeouts), as Step Functions Local's WAIT_TIME_SCALE:
   * 0.1 runs them ten times faster, 0 at once. @default 1
   */
  readonly waitTimeScale?: number;
}

/** A started server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8083` */
  readonly url: string;
  readonly port: number;
  /** How many RUNNING executions were resumed from the data directory at start. */
  readonly resumed: number;
  readonly api: LocalApi;
  /** Stops listening and detaches from running executions (they resume at the next start on the same data). */
  close(): Promise<void>;
}

function findRoute(routes: Readonly<Record<string, ExtraRoute>>, path: string): ExtraRoute | undefined {
  for (const [prefix, route] of Object.entries(routes)) {
    if (path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)) return route;
  }
  return undefined;
}

/**
 * Starts the local Step Functions API and resumes executions left RUNNING in
 * `dataDir`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/Welcome.html
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const scope = { region: options.region ?? "us-east-1", account: options.account ?? "123456789012" };
  const mockConfig = typeof options.mockConfig === "string" ? MockConfig.load(options.mockConfig) : options.mockConfig;
  const lambdaEndpoint = options.lambdaEndpoint === undefined ? undefined
    : new LambdaEndpoint(options.lambdaEndpoint, scope.region);
  const store = new Store(options.dataDir ?? ":memory:");
  const sources = {
    lambdas: options.lambdas ?? {},
    ...(lambdaEndpoint === undefined ? {} : { lambdaEndpoint }),
    ...(options.objectStore === undefined ? {} : { objectStore: options.objectStore }),
  };
  let context: ServiceContext | undefined;
  const onSettled = (machineArn: string) => {
    if (context !== undefined) finishDeletion(context, machineArn);
  };
  const runner = new ExecutionRunner(store, scope, sources, onSettled, scaledClock(options.waitTimeScale ?? 1));
  context = { store, runner, scope, mockConfig, now: Date.now };
  const ctx = context;
  const known = new Set(Object.keys(operations));
  const maxBodyBytes = options.maxBodyBytes ?? 1048576;
  const routes = options.extraRoutes ?? {};

  const api: LocalApi = {
    async call(operation, body) {
      const handler = operations[operation];
      if (handler === undefined) throw new ApiError("UnknownOperationException", `Unknown operation: '${operation}'`);
      return JSON.parse(JSON.stringify(await handler(ctx, body))) as unknown;
    },
    watch: (executionArn, listener) => runner.watch(executionArn, listener),
  };

  const host = options.host ?? "127.0.0.1";
  const loopbackOnly = ["127.0.0.1", "::1", "localhost"].includes(host);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (loopbackOnly) {
      try {
        assertLoopbackHost(request);
      } catch (error) {
        sendError(response, error);
        return;
      }
    }
    if (request.method === "GET" || request.method === "HEAD") {
      const route = findRoute(routes, new URL(request.url ?? "/", "http://localhost").pathname);
      if (route !== undefined) return route(request, response, api);
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    try {
      if (request.method !== "POST") throw new ApiError("MethodNotAllowed", `${request.method} is not supported: POST /`, 405);
      const body = parseJsonBody(await readBody(request, maxBodyBytes));
      const operation = operationName(request, known);
      const handler = operations[operation];
      if (handler === undefined) throw new ApiError("UnknownOperationException", `Unknown operation: '${operation}'`);
      sendResult(response, await handler(ctx, body));
    } catch (error) {
      sendError(response, error);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, error);
      else response.destroy();
    });
  });
  // Resume before accepting requests, so a client never sees a stale RUNNING execution.
  const resumed = runner.recover(
    (record) => {
      const machineName = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(":") + 1);
      return { executionArn: record.arn, executionName: record.name, stateMachineArn: record.stateMachineArn,
        stateMachineName: machineName, roleArn: record.roleArn };
    },
    (record) => {
      const machineName = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(":") + 1);
      try {
        return findTestCase(ctx, machineName, record.testCase);
      } catch {
        return undefined;
      }
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8083, host, () => resolve());
  }).catch(async (error: unknown) => {
    await runner.close();
    store.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    resumed,
    api,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runner.close();
      lambdaEndpoint?.close();
      store.close();
    },
  };
}
