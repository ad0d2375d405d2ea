/**
 * One Map state's run, the same in both query languages: its `MapStateStarted` / `MapStateSucceeded` /
 * `MapStateFailed` events, the iterations, and the `ResultWriter` (which writes a failed run's results too).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { JsonValue } from "@statecraft/asl";
import { schemas } from "../runtime/event-schemas.js";
import type { Scope } from "../runtime/scope.js";
import { type MapRunPlan, type MapRunRecord, runMapIterations } from "./map-iterations.js";
import { afterFailedRun, type ResultWriterRun } from "./result-writer.js";

/**
 * Runs the iterations of `plan`; resolves with their results, or with what `resultWriter` returns after writing
 * them (it is given `writerInput`, the state's effective input).
 */
export async function runMapState(scope: Scope, plan: Omit<MapRunPlan, "record">, resultWriter: ResultWriterRun | undefined, writerInput: JsonValue): Promise<JsonValue> {
  scope.record("MapStateStarted", schemas.mapStateStarted, plan.inputs.length);
  const record: MapRunRecord | undefined = resultWriter === undefined ? undefined : { mapRunArn: "", children: [] };
  const write = () => (record === undefined || resultWriter === undefined ? undefined : resultWriter(scope, writerInput, record, plan.inputs));
  try {
    let results: JsonValue = await runMapIterations(scope, { ...plan, record });
    if (record !== undefined && resultWriter !== undefined) results = await resultWriter(scope, writerInput, record, plan.inputs);
    scope.record("MapStateSucceeded");
    return results;
  } catch (error) {
    const failure = await afterFailedRun(error, write, record, scope.runtime.halted);
    if (scope.runtime.halted === undefined) scope.record("MapStateFailed");
    throw failure;
  }
}
