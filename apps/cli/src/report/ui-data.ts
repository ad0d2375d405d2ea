/**
 * What the `/ui` pages read from the local API, through the same operations a
 * client calls, parsed with zod (the API answers in wire form: epoch seconds,
 * definitions as JSON text).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 */
import type { ExecutionRecord, HistoryEventLike } from "@statecraft/graph";
import * as z from "zod";
import type { LocalApi } from "../serve/server.js";

const StateMachineItem = z.object({ stateMachineArn: z.string(), name: z.string(), type: z.string(), creationDate: z.number() });
const ListStateMachinesOutput = z.object({ stateMachines: z.array(StateMachineItem), nextToken: z.string().optional() });
const ExecutionItem = z.object({
  executionArn: z.string(),
  stateMachineArn: z.string(),
  name: z.string(),
  status: z.enum(["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"]),
  startDate: z.number(),
  stopDate: z.number().optional(),
});
const ListExecutionsOutput = z.object({ executions: z.array(ExecutionItem), nextToken: z.string().optional() });
const DescribeStateMachineOutput = z.object({ stateMachineArn: z.string(), name: z.string(), type: z.string(), definition: z.string() });
const DescribeExecutionOutput = ExecutionItem.extend({
  output: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
});
const WireEvent = z.looseObject({ id: z.number(), previousEventId: z.number().default(0), timestamp: z.number(), type: z.string() });
const HistoryOutput = z.object({ events: z.array(WireEvent), nextToken: z.string().optional() });

export type StateMachineItem = z.output<typeof StateMachineItem>;
export type ExecutionItem = z.output<typeof ExecutionItem>;
export type DescribedStateMachine = z.output<typeof DescribeStateMachineOutput>;
export type DescribedExecution = z.output<typeof DescribeExecutionOutput>;

/** Most items read per list (state machines; executions per machine). */
export const listLimit = 200;

async function call<T extends z.ZodType>(api: LocalApi, operation: string, body: Record<string, unknown>, schema: T): Promise<z.output<T>> {
  return schema.parse(await api.call(operation, body));
}

/** Every page of a paginated operation, up to `limit` items. */
async function paginate<T>(fetch: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string | undefined }>, limit: number): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextToken;
  } while (token !== undefined && items.length < limit);
  return items.slice(0, limit);
}

export function listStateMachines(api: LocalApi): Promise<StateMachineItem[]> {
  return paginate(async (nextToken) => {
    const page = await call(api, "ListStateMachines", { maxResults: 100, ...(nextToken === undefined ? {} : { nextToken }) }, ListStateMachinesOutput);
    return { items: page.stateMachines, nextToken: page.nextToken };
  }, listLimit);
}

export function listExecutions(api: LocalApi, stateMachineArn: string, limit = listLimit): Promise<ExecutionItem[]> {
  return paginate(async (nextToken) => {
    const body = { stateMachineArn, maxResults: Math.min(100, limit), ...(nextToken === undefined ? {} : { nextToken }) };
    const page = await call(api, "ListExecutions", body, ListExecutionsOutput);
    return { items: page.executions, nextToken: page.nextToken };
  }, limit);
}

export function describeStateMachine(api: LocalApi, stateMachineArn: string): Promise<DescribedStateMachine> {
  return call(api, "DescribeStateMachine", { stateMachineArn }, DescribeStateMachineOutput);
}

export function describeExecution(api: LocalApi, executionArn: string): Promise<DescribedExecution> {
  return call(api, "DescribeExecution", { executionArn }, DescribeExecutionOutput);
}

/** The whole history of an execution (all pages), in order. */
export async function executionHistory(api: LocalApi, executionArn: string): Promise<HistoryEventLike[]> {
  return paginate(async (nextToken) => {
    const body = { executionArn, maxResults: 1000, ...(nextToken === undefined ? {} : { nextToken }) };
    const page = await call(api, "GetExecutionHistory", body, HistoryOutput);
    return { items: page.events, nextToken: page.nextToken };
  }, Number.POSITIVE_INFINITY);
}

/** An execution as the viewer takes it. */
export async function executionRecord(api: LocalApi, execution: DescribedExecution): Promise<ExecutionRecord> {
  const history = await executionHistory(api, execution.executionArn);
  const status = execution.status === "PENDING_REDRIVE" ? "FAILED" : execution.status;
  return {
    status,
    history,
    executionArn: execution.executionArn,
    startDate: execution.startDate,
    ...(execution.stopDate === undefined ? {} : { stopDate: execution.stopDate }),
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
  };
}
