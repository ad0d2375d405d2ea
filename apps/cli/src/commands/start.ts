import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  type HistoryEvent as SdkHistoryEvent,
  paginateGetExecutionHistory,
  paginateListStateMachines,
  type SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from "@aws-sdk/client-sfn";
import type { HistoryEvent } from "@statecraft/engine";
import * as z from "zod";
import { parseJsonArgument, readJsonFile } from "../args.js";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { createSfnClient, describeSdkError } from "../serve/client.js";
import { createTracePrinter } from "../trace.js";

const startFlags = {
  input: { type: "string" },
  "input-file": { type: "string" },
  name: { type: "string" },
  endpoint: { type: "string" },
  region: { type: "string" },
  "poll-ms": { type: "string" },
} as const;

const StartOptions = z
  .object({
    machine: z.string({ error: "a state machine name or ARN is required" }).min(1),
    input: z.string().optional(),
    "input-file": z.string().optional(),
    name: z.string().min(1).max(80).optional(),
    endpoint: z.url({ protocol: /^https?$/, error: "--endpoint must be an http(s) URL" }).optional(),
    region: z.string().min(1).optional(),
    "poll-ms": z.coerce.number().int().min(10).max(60000).default(200),
  })
  .refine((o) => o.input === undefined || o["input-file"] === undefined, {
    error: "give --input or --input-file, not both",
  });

async function resolveMachineArn(client: SFNClient, machine: string): Promise<string> {
  if (machine.startsWith("arn:")) return machine;
  for await (const page of paginateListStateMachines({ client }, {})) {
    const found = page.stateMachines?.find((m) => m.name === machine);
    if (found?.stateMachineArn !== undefined) return found.stateMachineArn;
  }
  throw new UsageError(`no state machine named "${machine}" (deploy it first: sfn deploy)`);
}

/** Fetches the whole history (all pages). */
async function history(client: SFNClient, executionArn: string): Promise<SdkHistoryEvent[]> {
  const events: SdkHistoryEvent[] = [];
  for await (const page of paginateGetExecutionHistory({ client }, { executionArn, maxResults: 1000 })) {
    events.push(...(page.events ?? []));
  }
  return events;
}

/** Follows a STANDARD execution to its end, printing each new history event's trace line. */
async function follow(client: SFNClient, executionArn: string, pollMs: number, io: CommandIO): Promise<number> {
  const print = createTracePrinter(io.stdout, io.env);
  let printed = 0;
  for (;;) {
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    const events = await history(client, executionArn);
    for (const event of events.filter((e) => (e.id ?? 0) > printed)) {
      print(event as unknown as HistoryEvent);
      printed = event.id ?? printed;
    }
    if (described.status !== "RUNNING") {
      if (described.status === "SUCCEEDED") {
        io.stdout.write(`${described.output ?? "null"}\n`);
        return 0;
      }
      io.stdout.write(`${JSON.stringify({ status: described.status, error: described.error ?? null, cause: described.cause ?? null })}\n`);
      return 1;
    }
    await sleep(pollMs);
  }
}

async function start(argv: readonly string[], io: CommandIO): Promise<number> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: startFlags, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
  const result = StartOptions.safeParse({ ...parsed.values, machine: parsed.positionals[0] });
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  const options = result.data;
  const input = options["input-file"] !== undefined
    ? await readJsonFile(options["input-file"], io.cwd, "input file")
    : parseJsonArgument(options.input ?? "{}", "--input");
  const client = createSfnClient({ endpoint: options.endpoint, region: options.region }, io.env);
  try {
    const stateMachineArn = await resolveMachineArn(client, options.machine);
    const machine = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    const request = { stateMachineArn, input: JSON.stringify(input), ...(options.name ? { name: options.name } : {}) };
    if (machine.type === "EXPRESS") {
      // Express executions keep no history: run synchronously and print the outcome.
      const sync = await client.send(new StartSyncExecutionCommand(request));
      io.stdout.write(`execution ${sync.executionArn}\n`);
      if (sync.status === "SUCCEEDED") {
        io.stdout.write(`${sync.output ?? "null"}\n`);
        return 0;
      }
      io.stdout.write(`${JSON.stringify({ status: sync.status, error: sync.error ?? null, cause: sync.cause ?? null })}\n`);
      return 1;
    }
    const started = await client.send(new StartExecutionCommand(request));
    const executionArn = started.executionArn ?? "";
    io.stdout.write(`execution ${executionArn}\n`);
    return await follow(client, executionArn, options["poll-ms"], io);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`sfn start: ${describeSdkError(error)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}

/** `sfn start`: starts an execution on a Step Functions endpoint and follows it to the end. */
export const startCommand: Command = {
  name: "start",
  usage: "start <machine name|ARN> [--input <json> | --input-file <file>] [--name <execution>] [--endpoint <url>] [--region <r>]",
  summary: "Start an execution (local server or AWS), follow it and print its trace from GetExecutionHistory.",
  run: start,
};
