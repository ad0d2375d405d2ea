/**
 * A Map Run's results as a `ResultWriter` reports them: one entry per child execution, grouped by status
 * (`SUCCEEDED`, `FAILED` — failed, timed out and aborted — and `PENDING`, never started), and the
 * `WriterConfig.Transformation` of the succeeded ones: `NONE` keeps the whole entry (execution metadata, with input
 * and output as JSON text), `COMPACT` only each child's output, `FLATTEN` the outputs with arrays spliced in. A
 * failed child is always reported whole, as with `NONE`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { type ChildExecution, childStateMachineArn, type MapRunPlan, type MapRunRecord } from "./map-iterations.js";

/** `WriterConfig.Transformation`. */
export type Transformation = "NONE" | "COMPACT" | "FLATTEN";

/** The entries of a Map Run by result file. */
export interface GroupedResults {
  readonly SUCCEEDED: JsonValue[];
  readonly FAILED: JsonValue[];
  readonly PENDING: JsonValue[];
}

const included = { Included: true } as const;

function isoDate(time: number): string {
  return new Date(time).toISOString();
}

/**
 * A child execution as `SUCCEEDED_n.json` / `FAILED_n.json` list it: the fields of DescribeExecution in the
 * documented order, with `Input`/`Output` as JSON text.
 */
export function executionEntry(child: ChildExecution, stateMachineArn: string): JsonObject {
  const entry: JsonObject = {};
  if (child.status !== "SUCCEEDED") {
    if (child.cause !== undefined) entry.Cause = child.cause;
    if (child.error !== undefined) entry.Error = child.error;
  }
  entry.ExecutionArn = child.executionArn;
  entry.Input = JSON.stringify(child.input);
  entry.InputDetails = { ...included };
  entry.Name = child.name;
  if (child.status === "SUCCEEDED") entry.Output = JSON.stringify(child.output ?? null);
  entry.OutputDetails = { ...included };
  entry.RedriveCount = 0;
  if (child.status === "SUCCEEDED") {
    entry.RedriveStatus = "NOT_REDRIVABLE";
    entry.RedriveStatusReason = "Execution is SUCCEEDED and cannot be redriven";
  } else entry.RedriveStatus = "REDRIVABLE_BY_MAP_RUN";
  entry.StartDate = isoDate(child.startTime);
  entry.StateMachineArn = stateMachineArn;
  entry.Status = child.status;
  entry.StopDate = isoDate(child.stopTime);
  return entry;
}

/** An item whose child execution never started, as `PENDING_n.json` lists it. */
function pendingEntry(input: JsonValue): JsonObject {
  return { Input: JSON.stringify(input), InputDetails: { ...included }, Status: "PENDING" };
}

/** Groups the children of a Map Run by result file, the succeeded ones transformed. */
export function groupResults(
  run: MapRunRecord,
  inputs: readonly JsonValue[],
  transformation: Transformation,
  stateMachineArn: string,
  plan: Pick<MapRunPlan, "label" | "stateName">,
): GroupedResults {
  const childArn = childStateMachineArn(stateMachineArn, plan);
  const grouped: GroupedResults = { SUCCEEDED: [], FAILED: [], PENDING: [] };
  inputs.forEach((input, index) => {
    const child = run.children[index];
    if (child === undefined || child.status === "RUNNING") grouped.PENDING.push(pendingEntry(input));
    else if (child.status !== "SUCCEEDED") grouped.FAILED.push(executionEntry(child, childArn));
    else if (transformation === "NONE") grouped.SUCCEEDED.push(executionEntry(child, childArn));
    else {
      const output = child.output ?? null;
      if (transformation === "FLATTEN" && Array.isArray(output)) grouped.SUCCEEDED.push(...output);
      else grouped.SUCCEEDED.push(output);
    }
  });
  return grouped;
}

/**
 * The Map's result when its `ResultWriter` has a `WriterConfig` and no S3 location: the transformed results of
 * every child in item order (a failed child's whole entry where it failed).
 */
export function previewResults(
  run: MapRunRecord,
  inputs: readonly JsonValue[],
  transformation: Transformation,
  stateMachineArn: string,
  plan: Pick<MapRunPlan, "label" | "stateName">,
): JsonValue[] {
  const childArn = childStateMachineArn(stateMachineArn, plan);
  const results: JsonValue[] = [];
  inputs.forEach((_input, index) => {
    const child = run.children[index];
    if (child === undefined || child.status === "RUNNING") return;
    if (child.status !== "SUCCEEDED" || transformation === "NONE") results.push(executionEntry(child, childArn));
    else if (transformation === "FLATTEN" && Array.isArray(child.output)) results.push(...child.output);
    else results.push(child.output ?? null);
  });
  return results;
}
