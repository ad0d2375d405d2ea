import { resolve } from "node:path";
import { parseArgs } from "node:util";
import * as z from "zod";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { workspaceLambdas } from "../lambdas.js";
import { mapObjectStore } from "../object-store.js";
import { uiRoute } from "../report/ui.js";
import { ApiError } from "../serve/errors.js";
import { MockConfig } from "../serve/mock-config.js";
import { type ServerOptions, startServer } from "../serve/server.js";

const serveFlags = {
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  "in-memory": { type: "boolean" },
  region: { type: "string" },
  account: { type: "string" },
  "lambda-endpoint": { type: "string" },
  "mock-config": { type: "string" },
  "wait-time-scale": { type: "string" },
} as const;

const ServeOptions = z.object({
  port: z.coerce
    .number({ error: "--port must be a number" })
    .int("--port must be a whole number")
    .min(0, "--port must be 0 to 65535")
    .max(65535, "--port must be 0 to 65535")
    .default(8083),
  host: z.string().min(1).default("127.0.0.1"),
  data: z.string().min(1).default(".statecraft/serve"),
  "in-memory": z.boolean().default(false),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "--region must look like us-east-1").default("us-east-1"),
  account: z.string().regex(/^\d{12}$/, "--account must be 12 digits").default("123456789012"),
  "lambda-endpoint": z.url({ protocol: /^https?$/, error: "--lambda-endpoint must be an http(s) URL" }).optional(),
  "mock-config": z.string().min(1).optional(),
  "wait-time-scale": z.coerce
    .number({ error: "--wait-time-scale must be a number" })
    .min(0, "--wait-time-scale must be at least 0")
    .default(1),
});

function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv): z.output<typeof ServeOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({ args: [...argv], options: serveFlags, allowPositionals: false });
    values = parsed.values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = ServeOptions.safeParse({ ...values, "wait-time-scale": values["wait-time-scale"] ?? env.WAIT_TIME_SCALE });
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

const loopback = new Set(["127.0.0.1", "::1", "localhost"]);

/** Resolves once SIGINT or SIGTERM arrives. */
function untilSignal(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

async function serve(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = parseServeArgs(argv, io.env);
  const mockPath = options["mock-config"] ?? io.env.SFN_MOCK_CONFIG;
  const dataDir = options["in-memory"] ? undefined : resolve(io.cwd, options.data);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const serverOptions: ServerOptions = {
      port: options.port,
      host: options.host,
      region: options.region,
      account: options.account,
      waitTimeScale: options["wait-time-scale"],
      lambdas: workspaceLambdas,
      objectStore: mapObjectStore(io.cwd, io.env),
      extraRoutes: { "/ui": uiRoute },
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(options["lambda-endpoint"] === undefined ? {} : { lambdaEndpoint: options["lambda-endpoint"] }),
      ...(mockPath === undefined ? {} : { mockConfig: MockConfig.load(resolve(io.cwd, mockPath)) }),
    };
    server = await startServer(serverOptions);
  } catch (error) {
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    io.stderr.write(`sfn serve: ${message}\n`);
    return 1;
  }
  if (!loopback.has(options.host)) {
    io.stderr.write(`sfn serve: warning: listening on ${options.host}; anyone who can reach it can run workflows\n`);
  }
  const tasks = options["lambda-endpoint"] ?? `workspace Lambdas (${Object.keys(workspaceLambdas).join(", ")})`;
  io.stdout.write(
    `sfn serve: listening on ${server.url} (account ${options.account}, region ${options.region})\n` +
      `  viewer: ${server.url}/ui\n` +
      `  data: ${dataDir ?? "in memory"}; resumed ${server.resumed} running execution(s)\n` +
      `  Lambda tasks: ${tasks}${mockPath === undefined ? "" : `; mock config: ${mockPath}`}` +
      `${options["wait-time-scale"] === 1 ? "" : `; wait time scale ${options["wait-time-scale"]}`}\n`,
  );
  const signal = await untilSignal();
  await server.close();
  io.stdout.write(`sfn serve: stopped (${signal})\n`);
  return 0;
}

/** `sfn serve`: a Step Functions-compatible local API, durable in SQLite. */
export const serveCommand: Command = {
  name: "serve",
  usage:
    "serve [--port 8083] [--host 127.0.0.1] [--data <dir> | --in-memory] [--region us-east-1] [--account 123456789012] [--lambda-endpoint <url>] [--mock-config <file>] [--wait-time-scale 1]",
  summary: "Serve the Step Functions API locally (SDK/CLI compatible), durable in SQLite.",
  run: serve,
};
