/**
 * Map: runs its item processor for each item of an array (or each entry of an object), inline or distributed.
 * `ItemsPath` (or, distributed, an S3 `ItemReader`), `ItemSelector` (legacy `Parameters`) with `$$.Map.Item`,
 * `MaxConcurrency(Path)`, `ItemBatcher`, `ToleratedFailureCount/Percentage(Path)`, a `ResultWriter`, then
 * ResultSelector → ResultPath → OutputPath.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { CompiledPath, JsonObject, JsonValue } from "@statecraft/asl";
import {
  catchers,
  filterPath,
  objectField,
  type RawState,
  resultPath,
  retriers,
  type StateCompileContext,
  transition,
} from "../compile/common.js";
import { compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { StatesRuntimeError } from "../errors.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import { type PathEnv, selectPath } from "../io/path-env.js";
import { placeResult, selectInputPath, selectOutputPath } from "../io/pipeline.js";
import { type CompiledTemplate, compileTemplate } from "../io/template.js";
import type { CompiledState } from "../runtime/compiled.js";
import { withCatch, withRetry } from "../runtime/error-handling.js";
import type { Scope } from "../runtime/scope.js";
import { batches } from "./item-batches.js";
import { compileItemReader } from "./item-reader.js";
import type { ItemSource } from "./item-formats.js";
import { runMapState } from "./map-run.js";
import { notValidCause, parsePathNumber } from "./path-numbers.js";
import { compileResultWriter } from "./result-writer.js";
import { stateOutputTooLarge } from "./output-limit.js";

type NumberSetting = (input: JsonValue, env: PathEnv) => number | undefined;

/** The cause of a `…Path` value that is a number but out of range. */
type OutOfRange = (pathField: string, pathText: string, value: number) => string;

const outOfRange =
  (integer: boolean, max: number): OutOfRange =>
  (pathField, pathText, value) =>
    `The ${pathField} '${pathText}' must select ${integer ? "an integer" : "a number"} from 0 to ${max}; it selected ${value}`;

/**
 * `ToleratedFailureCountPath` / `ToleratedFailurePercentagePath` out of range, as Step Functions reports it (recorded
 * executions: localstack test_base_scenarios.snapshot.json, test_map_state_tolerated_failure_count_path[-1] and
 * test_map_state_tolerated_failure_percentage_path[-1.1]).
 */
const toleratedOutOfRange =
  (field: "ToleratedFailureCount" | "ToleratedFailurePercentage"): OutOfRange =>
  () =>
    field === "ToleratedFailureCount" ? "ToleratedFailureCount cannot be negative." : "ToleratedFailurePercentage must be between 0 and 100.";

/** Where a number field is and what it may hold. */
interface NumberSettingSpec {
  max: number;
  integer: boolean;
  /** The object holding the field (the state, or its `ItemBatcher`) and its pointer; the state by default. */
  where?: RawState;
  base?: string;
  /** The cause of a path value out of range. */
  rangeCause?: OutOfRange;
}

/**
 * A number field with its `…Path` twin (`MaxConcurrency`, `ToleratedFailureCount`, …). A path's value is read as
 * Step Functions reads it ({@link parsePathNumber}); a value out of range fails with `rangeCause`.
 */
function numberSetting(state: RawState, field: string, ctx: StateCompileContext, spec: NumberSettingSpec): NumberSetting {
  const { max, integer, where = state, base = ctx.pointer, rangeCause = outOfRange(integer, max) } = spec;
  const pathField = `${field}Path`;
  const kind = integer ? "integer" : "float";
  const valid = (value: unknown): value is number => typeof value === "number" && value >= 0 && value <= max && (!integer || Number.isInteger(value));
  if (field in where && pathField in where) ctx.problems.add(base, `has both '${field}' and '${pathField}'`);
  if (field in where) {
    const value = where[field];
    if (!valid(value)) ctx.problems.add(pointerTo(base, field), `must be ${integer ? "an integer" : "a number"} from 0 to ${max}`);
    return () => (valid(value) ? value : undefined);
  }
  if (!(pathField in where)) return () => undefined;
  const path: CompiledPath | undefined = ctx.problems.path(pointerTo(base, pathField), where[pathField]);
  const pathText = path?.text ?? "";
  return (input, env) => {
    const selected = path === undefined ? undefined : selectPath(path, input, env);
    const value = parsePathNumber(selected, kind);
    if (value === undefined) throw new StatesRuntimeError(notValidCause(pathField, pathText, selected, kind));
    if (!valid(value)) throw new StatesRuntimeError(rangeCause(pathField, pathText, value));
    return value;
  };
}

interface Batcher {
  maxItems: NumberSetting;
  maxBytes: NumberSetting;
  batchInput: CompiledTemplate | undefined;
}

export function compileMap(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  const itemsPath = "ItemsPath" in state ? ctx.problems.path(pointerTo(ctx.pointer, "ItemsPath"), state.ItemsPath) : undefined;
  const placement = resultPath(state, ctx);
  if ("ItemSelector" in state && "Parameters" in state) ctx.problems.add(ctx.pointer, "has both 'ItemSelector' and its legacy name 'Parameters'");
  const selectorName = "ItemSelector" in state ? "ItemSelector" : "Parameters";
  const itemSelectorField = objectField(state, selectorName, ctx);
  const itemSelector = itemSelectorField === undefined ? undefined : compileTemplate(itemSelectorField, pointerTo(ctx.pointer, selectorName), ctx.problems);
  const resultSelectorField = objectField(state, "ResultSelector", ctx);
  const resultSelector = resultSelectorField === undefined ? undefined : compileTemplate(resultSelectorField, pointerTo(ctx.pointer, "ResultSelector"), ctx.problems);
  if ("ItemProcessor" in state && "Iterator" in state) ctx.problems.add(ctx.pointer, "has both 'ItemProcessor' and its legacy name 'Iterator'");
  const processorName = "ItemProcessor" in state ? "ItemProcessor" : "Iterator";
  const processorPointer = pointerTo(ctx.pointer, processorName);
  const processorField = state[processorName] as RawState | undefined;
  const processor = ctx.compileGraph(processorField, processorPointer);
  const config = (processorField?.ProcessorConfig ?? {}) as RawState;
  const distributed = config.Mode === "DISTRIBUTED";
  if (config.Mode !== undefined && config.Mode !== "INLINE" && !distributed) ctx.problems.add(pointerTo(processorPointer, "ProcessorConfig", "Mode"), "must be INLINE or DISTRIBUTED");
  const maxConcurrency = numberSetting(state, "MaxConcurrency", ctx, { max: Number.MAX_SAFE_INTEGER, integer: true });
  const toleratedCount = numberSetting(state, "ToleratedFailureCount", ctx, {
    max: Number.MAX_SAFE_INTEGER,
    integer: true,
    rangeCause: toleratedOutOfRange("ToleratedFailureCount"),
  });
  const toleratedPercentage = numberSetting(state, "ToleratedFailurePercentage", ctx, {
    max: 100,
    integer: false,
    rangeCause: toleratedOutOfRange("ToleratedFailurePercentage"),
  });
  // AWS runs an inline Map that sets ToleratedFailureCount/Percentage (recorded for JSONata Maps: localstack
  // test_base_map[TOLERATED_FAILURE_*]); the thresholds only mean something for a Map Run, so inline ignores them.
  for (const field of ["ItemBatcher", "Label", "ItemReader", "ResultWriter"]) {
    if ((field in state || `${field}Path` in state) && !distributed) ctx.problems.add(pointerTo(ctx.pointer, field), `${field} needs ProcessorConfig.Mode DISTRIBUTED`);
  }
  let batcher: Batcher | undefined;
  const batcherField = objectField(state, "ItemBatcher", ctx);
  if (batcherField !== undefined) {
    const base = pointerTo(ctx.pointer, "ItemBatcher");
    const batchInputField = objectField(batcherField, "BatchInput", { ...ctx, pointer: base });
    batcher = {
      maxItems: numberSetting(state, "MaxItemsPerBatch", ctx, { max: Number.MAX_SAFE_INTEGER, integer: true, where: batcherField, base }),
      maxBytes: numberSetting(state, "MaxInputBytesPerBatch", ctx, { max: 262_144, integer: true, where: batcherField, base }),
      batchInput: batchInputField === undefined ? undefined : compileTemplate(batchInputField, pointerTo(base, "BatchInput"), ctx.problems),
    };
  }
  const assign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const retry = retriers(state, ctx);
  const catchList = catchers(state, ctx);
  const next = transition(state, ctx);
  const name = ctx.name;
  const outputLabel = `The state '${name}' output`;
  const outputTooLarge = stateOutputTooLarge(name);
  const label = typeof state.Label === "string" ? state.Label : undefined;
  const itemReader = compileItemReader(state, ctx);
  if (itemReader !== undefined && itemsPath !== undefined) ctx.problems.add(pointerTo(ctx.pointer, "ItemsPath"), "ItemsPath selects items of the input; a Map with an ItemReader reads them from S3");
  const resultWriter = compileResultWriter(state, ctx, { label, stateName: name });

  const iterationInputs = (scope: Scope, effective: JsonValue, read: ItemSource | undefined): JsonValue[] => {
    const source = read ?? (itemsPath === undefined ? effective : selectPath(itemsPath, effective, scope));
    const isObject = typeof source === "object" && source !== null && !Array.isArray(source);
    if (!Array.isArray(source) && !isObject) {
      throw new StatesRuntimeError(`Invalid path '${itemsPath?.text ?? "$"}': the Map state '${name}' needs an array (or object) of items; got ${JSON.stringify(source ?? null)}`);
    }
    const entries: [string | undefined, JsonValue][] = Array.isArray(source) ? source.map((item) => [undefined, item]) : Object.entries(source as JsonObject);
    let inputs = entries.map(([key, value], index) => {
      if (itemSelector === undefined) return value;
      scope.mapItem = key === undefined ? { index, value } : { index, value, key };
      try {
        return itemSelector(effective, scope);
      } finally {
        scope.mapItem = undefined;
      }
    });
    if (batcher !== undefined) {
      const maxItems = batcher.maxItems(effective, scope);
      const maxBytes = batcher.maxBytes(effective, scope);
      inputs = batches(inputs, maxItems === 0 ? undefined : maxItems, maxBytes === 0 ? undefined : maxBytes, batcher.batchInput?.(effective, scope));
    }
    return inputs;
  };

  return {
    name,
    type: "Map",
    eventPrefix: "Map",
    run(scope, visit, input) {
      const runtime = scope.runtime;
      return withCatch(catchList, input, async () => {
        const effective = selectInputPath(input, inputPath, scope);
        const attempt = async (): Promise<JsonValue> => {
          if (processor === undefined) throw new StatesRuntimeError(`The Map state '${name}' has no item processor`);
          const inputs = iterationInputs(scope, effective, itemReader === undefined ? undefined : await itemReader(scope, effective));
          const results = await runMapState(
            scope,
            {
              stateName: name,
              processor,
              distributed,
              inputs,
              maxConcurrency: maxConcurrency(effective, scope) ?? 0,
              toleratedFailureCount: distributed ? toleratedCount(effective, scope) : undefined,
              toleratedFailurePercentage: distributed ? toleratedPercentage(effective, scope) : undefined,
              label,
            },
            resultWriter,
            effective,
          );
          return resultSelector === undefined ? results : resultSelector(results, scope);
        };
        const selected = await withRetry(scope, visit, retry, attempt);
        const output = selectOutputPath(placeResult(input, selected, placement), outputPath, scope);
        return { output: ensureJsonPayload(output, runtime.maxPayloadBytes, outputLabel, outputTooLarge), next, assigned: assign?.(selected, scope) };
      }, undefined, scope);
    },
  };
}
