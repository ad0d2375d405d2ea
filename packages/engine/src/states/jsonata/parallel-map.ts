/**
 * JSONata-mode Parallel and Map. Parallel: `Arguments` (default: the input) goes to every branch. Map: `Items`
 * (default: the input, which must then be an array), or a Distributed Map's S3 `ItemReader`, and `ItemSelector`
 * per item (with `$states.context.Map.Item`), `ItemBatcher`, `MaxConcurrency` and the tolerated-failure fields as
 * expressions, and a `ResultWriter`. Both output the result array (or the ResultWriter's result) unless `Output` says otherwise.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { type RawState, retriers, type StateCompileContext, transition } from "../../compile/common.js";
import { pointerTo } from "../../compile/problems.js";
import { QueryEvaluationError, StatesRuntimeError } from "../../errors.js";
import type { CompiledState } from "../../runtime/compiled.js";
import { withCatch, withRetry } from "../../runtime/error-handling.js";
import type { Scope } from "../../runtime/scope.js";
import { batches } from "../item-batches.js";
import type { ItemSource } from "../item-formats.js";
import { compileItemReader } from "../item-reader.js";
import { runMapState } from "../map-run.js";
import { compileResultWriter } from "../result-writer.js";
import { compileBranches, runBranches } from "../parallel-branches.js";
import { checkedOutput, compileExit, evaluateExit, jsonataCatchers } from "./common.js";
import { numberField, optionalJsonataField } from "./fields.js";

export function compileJsonataParallel(state: RawState, ctx: StateCompileContext): CompiledState {
  const args = optionalJsonataField(state, "Arguments", ctx.pointer, ctx.problems);
  const exit = compileExit(state, ctx.pointer, ctx);
  const retry = retriers(state, ctx);
  const catchList = jsonataCatchers(state, ctx);
  const next = transition(state, ctx);
  const branches = compileBranches(state, ctx);
  const name = ctx.name;
  return {
    name,
    type: "Parallel",
    eventPrefix: "Parallel",
    run(scope, visit, input) {
      const body = async () => {
        const attempt = async (): Promise<JsonValue> => {
          const payload = args === undefined ? input : await args(scope, input);
          return runBranches(scope, branches, payload);
        };
        const result = await withRetry(scope, visit, retry, attempt);
        const { output, assigned } = await evaluateExit(exit, scope, input, result, { result });
        return { output: checkedOutput(output, scope, name), next, assigned };
      };
      return withCatch(catchList, input, body, undefined, scope);
    },
  };
}

type JsonataBatcher = (scope: Scope, input: JsonValue, items: JsonValue[]) => Promise<JsonValue[]>;

/** `ItemBatcher` with `{% %}` expressions in `MaxItemsPerBatch`, `MaxInputBytesPerBatch` and `BatchInput`. */
function compileBatcher(state: RawState, ctx: StateCompileContext): JsonataBatcher | undefined {
  const value = state.ItemBatcher;
  if (value === undefined) return undefined;
  const pointer = pointerTo(ctx.pointer, "ItemBatcher");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.problems.add(pointer, "must be a JSON object");
    return undefined;
  }
  const fields = value as RawState;
  const maxItems = optionalJsonataField(fields, "MaxItemsPerBatch", pointer, ctx.problems, "ItemBatcher.MaxItemsPerBatch");
  const maxBytes = optionalJsonataField(fields, "MaxInputBytesPerBatch", pointer, ctx.problems, "ItemBatcher.MaxInputBytesPerBatch");
  const batchInput = optionalJsonataField(fields, "BatchInput", pointer, ctx.problems, "ItemBatcher.BatchInput");
  return async (scope, input, items) => {
    const count = await numberField(maxItems, "ItemBatcher.MaxItemsPerBatch", scope, input, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
    const bytes = await numberField(maxBytes, "ItemBatcher.MaxInputBytesPerBatch", scope, input, { min: 0, max: 262_144, integer: true });
    const shared = batchInput === undefined ? undefined : await batchInput(scope, input);
    return batches(items, count === 0 ? undefined : count, bytes === 0 ? undefined : bytes, shared);
  };
}

export function compileJsonataMap(state: RawState, ctx: StateCompileContext): CompiledState {
  const items = optionalJsonataField(state, "Items", ctx.pointer, ctx.problems);
  /** The text of `Items` when it is one `{% … %}` expression (error causes quote it). */
  const itemsExpression = typeof state.Items === "string" ? /^\{%([\s\S]*)%\}$/.exec(state.Items.trim())?.[1]?.trim() : undefined;
  const selector = optionalJsonataField(state, "ItemSelector", ctx.pointer, ctx.problems);
  const maxConcurrency = optionalJsonataField(state, "MaxConcurrency", ctx.pointer, ctx.problems);
  const toleratedCount = optionalJsonataField(state, "ToleratedFailureCount", ctx.pointer, ctx.problems);
  const toleratedPercentage = optionalJsonataField(state, "ToleratedFailurePercentage", ctx.pointer, ctx.problems);
  const exit = compileExit(state, ctx.pointer, ctx);
  const retry = retriers(state, ctx);
  const catchList = jsonataCatchers(state, ctx);
  const next = transition(state, ctx);
  const processorPointer = pointerTo(ctx.pointer, "ItemProcessor");
  const processorField = state.ItemProcessor as RawState | undefined;
  const processor = ctx.compileGraph(processorField, processorPointer);
  const config = (processorField?.ProcessorConfig ?? {}) as RawState;
  const distributed = config.Mode === "DISTRIBUTED";
  // AWS runs a JSONata inline Map that sets ToleratedFailureCount/Percentage (localstack's recorded
  // test_base_map[TOLERATED_FAILURE_*]); the thresholds only mean something for a Map Run, so inline ignores them.
  for (const field of ["Label", "ItemReader", "ResultWriter", "ItemBatcher"]) {
    if (field in state && !distributed) ctx.problems.add(pointerTo(ctx.pointer, field), `${field} needs ProcessorConfig.Mode DISTRIBUTED`);
  }
  const label = typeof state.Label === "string" ? state.Label : undefined;
  const name = ctx.name;
  const itemReader = compileItemReader(state, ctx);
  if (itemReader !== undefined && items !== undefined) ctx.problems.add(pointerTo(ctx.pointer, "Items"), "Items gives the items itself; a Map with an ItemReader reads them from S3");
  const resultWriter = compileResultWriter(state, ctx, { label, stateName: name });
  const batcher = compileBatcher(state, ctx);

  const iterationInputs = async (scope: Scope, input: JsonValue): Promise<JsonValue[]> => {
    const read: ItemSource | undefined = itemReader === undefined ? undefined : await itemReader(scope, input);
    const source = read ?? (items === undefined ? input : await items(scope, input));
    // An object read from S3 (a JSON file holding an object) is iterated by entry, with Map.Item.Key.
    const entries: [string | undefined, JsonValue][] | undefined = Array.isArray(source)
      ? source.map((value) => [undefined, value])
      : read !== undefined && !Array.isArray(read) ? Object.entries(read) : undefined;
    if (entries === undefined) {
      if (itemsExpression !== undefined) {
        // Cause as recorded against Step Functions (localstack test_base_scenarios.snapshot.json,
        // test_map_state_items_variable_sampling).
        throw new QueryEvaluationError(
          `The JSONata expression '${itemsExpression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeName(source)}' for value: ${JSON.stringify(source)}`,
        );
      }
      if (items === undefined) {
        // Cause as recorded against Step Functions (localstack test_base_scenarios.snapshot.json,
        // test_map_state_items_input_types): a JSONata Map's input that is not an array is a QueryEvaluationError.
        throw new QueryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(source)}`);
      }
      throw new QueryEvaluationError(`The Map state '${name}' needs an array of items; the field 'Items' is ${JSON.stringify(source)}`);
    }
    let inputs: JsonValue[] = [];
    if (selector === undefined) inputs = entries.map(([, value]) => value);
    else {
      for (const [index, [key, value]] of entries.entries()) {
        scope.mapItem = key === undefined ? { index, value } : { index, value, key };
        try {
          inputs.push(await selector(scope, input));
        } finally {
          scope.mapItem = undefined;
        }
      }
    }
    return batcher === undefined ? inputs : batcher(scope, input, inputs);
  };

  return {
    name,
    type: "Map",
    eventPrefix: "Map",
    run(scope, visit, input) {
      const body = async () => {
        const attempt = async (): Promise<JsonValue> => {
          if (processor === undefined) throw new StatesRuntimeError(`The Map state '${name}' has no item processor`);
          const inputs = await iterationInputs(scope, input);
          const concurrency = await numberField(maxConcurrency, "MaxConcurrency", scope, input, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
          const count = await numberField(toleratedCount, "ToleratedFailureCount", scope, input, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
          const percentage = await numberField(toleratedPercentage, "ToleratedFailurePercentage", scope, input, { min: 0, max: 100, integer: false });
          return runMapState(
            scope,
            {
              stateName: name,
              processor,
              distributed,
              inputs,
              maxConcurrency: concurrency ?? 0,
              toleratedFailureCount: distributed ? count : undefined,
              toleratedFailurePercentage: distributed ? percentage : undefined,
              label,
            },
            resultWriter,
            input,
          );
        };
        const result = await withRetry(scope, visit, retry, attempt);
        const { output, assigned } = await evaluateExit(exit, scope, input, result, { result });
        return { output: checkedOutput(output, scope, name), next, assigned: assigned as JsonObject | undefined };
      };
      return withCatch(catchList, input, body, undefined, scope);
    },
  };
}

/** The JSON type of a value as Step Functions names it in result-type errors. */
function jsonTypeName(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
