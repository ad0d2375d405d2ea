/**
 * A Distributed Map's `ResultWriter`, compiled once for either query language (`Parameters` in JSONPath,
 * `Arguments` in JSONata). With `Resource: arn:aws:states:::s3:putObject` and a `Bucket` (and `Prefix`), the Map
 * Run's results are written under `<Prefix>/<map run id>/`: `SUCCEEDED_0.json`, `FAILED_0.json` and
 * `PENDING_0.json` (each only when it has entries; a JSON array, or JSON Lines with `OutputType: JSONL`) and
 * `manifest.json` (`DestinationBucket`, `MapRunArn`, `ResultFiles` with each file's `Key` and `Size`); the Map's
 * result is then `{MapRunArn, ResultWriterDetails: {Bucket, Key}}` with the manifest's key. Results are written when
 * the Map Run fails too (then the Map still fails with the run's error). With only a `WriterConfig`, nothing is
 * written and the Map's result is the transformed results. A write that fails is `States.ResultWriterFailed`.
 *
 * One file per status: Step Functions starts a new file past 5 GB, more than a local run holds in memory.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { objectField, type RawState, type StateCompileContext } from "../compile/common.js";
import { pointerTo } from "../compile/problems.js";
import { ResultWriterFailed } from "../errors.js";
import { compileTemplate } from "../io/template.js";
import type { MapObjectStore } from "../runtime/object-store.js";
import type { Scope } from "../runtime/scope.js";
import type { MapRunPlan, MapRunRecord } from "./map-iterations.js";
import { type GroupedResults, groupResults, previewResults, type Transformation } from "./map-run-results.js";
import { compileJsonataField } from "./jsonata/fields.js";

/** Writes (or, without an S3 location, formats) a Map Run's results and gives the Map's result. */
export type ResultWriterRun = (scope: Scope, input: JsonValue, run: MapRunRecord, inputs: readonly JsonValue[]) => Promise<JsonValue>;

const resourcePattern = /^arn:[a-z-]+:states:::s3:putObject$/;
const transformations = new Set(["NONE", "COMPACT", "FLATTEN"]);

function encode(entries: readonly JsonValue[], jsonLines: boolean): Uint8Array {
  const text = jsonLines ? entries.map((entry) => `${JSON.stringify(entry)}\n`).join("") : JSON.stringify(entries);
  return new TextEncoder().encode(text);
}

async function put(store: MapObjectStore, bucket: string, key: string, body: Uint8Array): Promise<void> {
  try {
    await store.put(bucket, key, body, "application/json");
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ResultWriterFailed(`Step Functions could not write the object '${key}' in the bucket '${bucket}': ${reason}`);
  }
}

/** Writes the result files and the manifest; returns the manifest's key. */
async function exportResults(store: MapObjectStore, bucket: string, prefix: string, mapRunArn: string, grouped: GroupedResults, jsonLines: boolean): Promise<string> {
  const runId = mapRunArn.slice(mapRunArn.lastIndexOf(":") + 1);
  const base = `${prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`}${runId}/`;
  const files: JsonObject = {};
  for (const status of ["FAILED", "PENDING", "SUCCEEDED"] as const) {
    const entries = grouped[status];
    files[status] = [];
    if (entries.length === 0) continue;
    const key = `${base}${status}_0.json`;
    const body = encode(entries, jsonLines);
    await put(store, bucket, key, body);
    files[status] = [{ Key: key, Size: body.length }];
  }
  const manifestKey = `${base}manifest.json`;
  const manifest = { DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files };
  await put(store, bucket, manifestKey, new TextEncoder().encode(JSON.stringify(manifest)));
  return manifestKey;
}

function writerConfig(writer: RawState, pointer: string, ctx: StateCompileContext) {
  const config = objectField(writer, "WriterConfig", { ...ctx, pointer });
  const at = (field: string) => pointerTo(pointer, "WriterConfig", field);
  const outputType = config?.OutputType ?? "JSON";
  if (outputType !== "JSON" && outputType !== "JSONL") ctx.problems.add(at("OutputType"), "must be JSON or JSONL");
  const given = config?.Transformation;
  if (given !== undefined && !(typeof given === "string" && transformations.has(given))) ctx.problems.add(at("Transformation"), "must be NONE, COMPACT or FLATTEN");
  return { hasConfig: config !== undefined, jsonLines: outputType === "JSONL", given: typeof given === "string" && transformations.has(given) ? (given as Transformation) : undefined };
}

/** Compiles `state.ResultWriter`; `undefined` when the Map has none. */
export function compileResultWriter(state: RawState, ctx: StateCompileContext, plan: Pick<MapRunPlan, "label" | "stateName">): ResultWriterRun | undefined {
  if (!("ResultWriter" in state)) return undefined;
  const pointer = pointerTo(ctx.pointer, "ResultWriter");
  const writer = objectField(state, "ResultWriter", ctx);
  if (writer === undefined) return undefined;
  const argumentsField = ctx.language === "JSONata" ? "Arguments" : "Parameters";
  const hasResource = "Resource" in writer;
  const hasArguments = argumentsField in writer;
  const { hasConfig, jsonLines, given } = writerConfig(writer, pointer, ctx);
  if (!hasResource && !hasArguments && !hasConfig) ctx.problems.add(pointer, "must have a WriterConfig, or a Resource with Parameters (Arguments in JSONata), or all three");
  if (hasResource && !(typeof writer.Resource === "string" && resourcePattern.test(writer.Resource))) {
    ctx.problems.add(pointerTo(pointer, "Resource"), "must be arn:aws:states:::s3:putObject");
  }
  if (hasResource !== hasArguments) ctx.problems.add(pointer, `Resource and ${argumentsField} go together: ${argumentsField} give the Bucket and Prefix to write to`);
  const exporting = hasResource && hasArguments;
  // NONE is the default when exporting, COMPACT when only previewing (the Map's result without a ResultWriter).
  const transformation: Transformation = given ?? (exporting ? "NONE" : "COMPACT");

  let evaluate: (scope: Scope, input: JsonValue) => JsonValue | Promise<JsonValue> = () => ({});
  if (ctx.language === "JSONata") {
    const field = compileJsonataField(writer.Arguments ?? {}, "ResultWriter.Arguments", pointerTo(pointer, "Arguments"), ctx.problems);
    evaluate = (scope, input) => field(scope, input);
  } else {
    const parameters = objectField(writer, "Parameters", { ...ctx, pointer });
    const template = parameters === undefined ? undefined : compileTemplate(parameters, pointerTo(pointer, "Parameters"), ctx.problems);
    if (template !== undefined) evaluate = (scope, input) => template(input, scope);
  }

  return async (scope, input, run, inputs) => {
    const stateMachineArn = scope.runtime.stateMachineArn;
    if (!exporting) return previewResults(run, inputs, transformation, stateMachineArn, plan);
    const target = await evaluate(scope, input);
    const bucket = typeof target === "object" && target !== null && !Array.isArray(target) ? target.Bucket : undefined;
    const prefix = typeof target === "object" && target !== null && !Array.isArray(target) ? (target.Prefix ?? "") : undefined;
    if (typeof bucket !== "string" || bucket === "" || typeof prefix !== "string") {
      throw new ResultWriterFailed(`The ResultWriter ${argumentsField} must give Bucket (a non-empty string) and optionally Prefix (a string); they gave ${JSON.stringify(target)}`);
    }
    const store = scope.runtime.objectStore;
    if (store === undefined) {
      throw new ResultWriterFailed("The ResultWriter has no object store to write to: run the execution with an objectStore (sfn run and sfn serve use .statecraft/s3 or the S3 endpoint of AWS_ENDPOINT_URL_S3)");
    }
    const grouped = groupResults(run, inputs, transformation, stateMachineArn, plan);
    const key = await exportResults(store, bucket, prefix, run.mapRunArn, grouped, jsonLines);
    return { MapRunArn: run.mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: key } };
  };
}

/**
 * A failed Map Run still writes its results (the Map then fails with the run's error); a failed write replaces
 * that error. Nothing is written when the run never started or the execution was stopped.
 */
export async function afterFailedRun(error: unknown, write: () => Promise<JsonValue> | undefined, record: MapRunRecord | undefined, halted: unknown): Promise<unknown> {
  if (record === undefined || record.mapRunArn === "" || halted !== undefined || error instanceof ResultWriterFailed) return error;
  try {
    await write();
  } catch (writeError) {
    return writeError;
  }
  return error;
}
