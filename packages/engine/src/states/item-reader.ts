/**
 * A Distributed Map's `ItemReader`: where its items come from in S3, compiled once for either query language
 * (`Parameters` with `.$` fields and `MaxItemsPath` in JSONPath, `Arguments` and `{% %}` `MaxItems` in JSONata).
 * The items it returns go through `ItemSelector`, `ItemBatcher` and the failure tolerance like items of the input.
 *
 * Refused at load: `InputType: PARQUET` and `ManifestType: ATHENA_DATA` (not read by this engine). `VersionId` and
 * `ExpectedBucketOwner` are accepted and not used: the object store has no versions or owners.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { CompiledPath, JsonObject, JsonValue } from "@statecraft/asl";
import { objectField, type RawState, type StateCompileContext } from "../compile/common.js";
import { pointerTo } from "../compile/problems.js";
import { ItemReaderFailed, StatesRuntimeError } from "../errors.js";
import { selectPath } from "../io/path-env.js";
import { compileTemplate } from "../io/template.js";
import type { Scope } from "../runtime/scope.js";
import { csvDelimiters, type ItemSource } from "./item-formats.js";
import { notValidCause, parsePathNumber } from "./path-numbers.js";
import { flattenedItems, firstItems, inventoryItems, listedItems, type ObjectFormat, objectItems, type ReadableInputType } from "./item-sources.js";
import { compileJsonataField, numberField } from "./jsonata/fields.js";

/** A compiled `ItemReader`: reads the items for one Map run. */
export type ItemReaderRun = (scope: Scope, input: JsonValue) => Promise<ItemSource>;

/** AWS's limit on `MaxItems`. */
const maxItemsLimit = 100_000_000;
const resourcePattern = /^arn:[a-z-]+:states:::s3:(getObject|listObjectsV2)$/;
const readable = new Set<string>(["JSON", "JSONL", "CSV"]);

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** Reads `ReaderConfig`'s format fields, adding a problem for each value the engine cannot read. */
function readerFormat(config: RawState, action: string, pointer: string, ctx: StateCompileContext) {
  const at = (field: string) => pointerTo(pointer, "ReaderConfig", field);
  const inputType = config.InputType;
  const manifestType = config.ManifestType;
  const loadAndFlatten = config.Transformation === "LOAD_AND_FLATTEN";
  if (inputType === "PARQUET") ctx.problems.add(at("InputType"), "PARQUET is not read by the local engine; use CSV, JSON, JSONL or MANIFEST");
  if (manifestType === "ATHENA_DATA") ctx.problems.add(at("ManifestType"), "ATHENA_DATA manifests are not read by the local engine; use S3_INVENTORY or an InputType");
  if (config.Transformation !== undefined && config.Transformation !== "NONE" && !loadAndFlatten) ctx.problems.add(at("Transformation"), "must be NONE or LOAD_AND_FLATTEN");
  if (loadAndFlatten && action !== "listObjectsV2") ctx.problems.add(at("Transformation"), "LOAD_AND_FLATTEN applies to arn:aws:states:::s3:listObjectsV2");
  const inventory = inputType === "MANIFEST" || manifestType === "S3_INVENTORY";
  const needsType = (action === "getObject" && !inventory) || loadAndFlatten;
  if (needsType && !(typeof inputType === "string" && readable.has(inputType)) && inputType !== "PARQUET") {
    ctx.problems.add(at("InputType"), `must be CSV, JSON or JSONL${action === "getObject" ? " (or MANIFEST)" : ""} to read ${action === "getObject" ? "an object" : "the listed objects"}`);
  }
  const delimiterName = config.CSVDelimiter ?? "COMMA";
  const delimiter = typeof delimiterName === "string" ? csvDelimiters[delimiterName] : undefined;
  if (delimiter === undefined) ctx.problems.add(at("CSVDelimiter"), "must be COMMA, PIPE, SEMICOLON, SPACE or TAB");
  const headerLocation = config.CSVHeaderLocation ?? "FIRST_ROW";
  if (headerLocation !== "FIRST_ROW" && headerLocation !== "GIVEN") ctx.problems.add(at("CSVHeaderLocation"), "must be FIRST_ROW or GIVEN");
  const headers = config.CSVHeaders;
  if (headerLocation === "GIVEN" && !stringList(headers)) ctx.problems.add(at("CSVHeaders"), "CSVHeaderLocation GIVEN needs CSVHeaders, an array of column names");
  const itemsPointer = config.ItemsPointer;
  if (itemsPointer !== undefined && typeof itemsPointer !== "string") ctx.problems.add(at("ItemsPointer"), "must be a JSON Pointer string");
  const format: ObjectFormat = {
    inputType: (typeof inputType === "string" && readable.has(inputType) ? inputType : "JSON") as ReadableInputType,
    csv: { delimiter: delimiter ?? ",", headers: headerLocation === "GIVEN" && stringList(headers) ? headers : undefined },
    itemsPointer: typeof itemsPointer === "string" ? itemsPointer : undefined,
  };
  return { format, inventory, loadAndFlatten, givenHeaders: headerLocation === "GIVEN" };
}

type Limit = (scope: Scope, input: JsonValue) => number | Promise<number>;

function checkedLimit(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= maxItemsLimit ? value : undefined;
}

/** `MaxItems` (or `MaxItemsPath` in JSONPath); 0 or absent reads every item. */
function compileLimit(config: RawState, pointer: string, ctx: StateCompileContext): Limit {
  const at = (field: string) => pointerTo(pointer, "ReaderConfig", field);
  const unlimited = (value: number | undefined) => (value === undefined || value === 0 ? Number.POSITIVE_INFINITY : value);
  if ("MaxItems" in config && "MaxItemsPath" in config) ctx.problems.add(at("MaxItemsPath"), "MaxItems and MaxItemsPath cannot both be set");
  if (ctx.language === "JSONata") {
    if ("MaxItemsPath" in config) ctx.problems.add(at("MaxItemsPath"), "MaxItemsPath is a JSONPath field; in a JSONata state use a {% %} expression in MaxItems");
    if (typeof config.MaxItems !== "string") {
      const value = checkedLimit(config.MaxItems ?? 0);
      if (value === undefined) ctx.problems.add(at("MaxItems"), `must be an integer from 0 to ${maxItemsLimit}`);
      return () => unlimited(value);
    }
    const field = compileJsonataField(config.MaxItems, "ReaderConfig.MaxItems", at("MaxItems"), ctx.problems);
    return async (scope, input) => unlimited(await numberField(field, "ReaderConfig.MaxItems", scope, input, { min: 0, max: maxItemsLimit, integer: true }));
  }
  if ("MaxItemsPath" in config) {
    const path: CompiledPath | undefined = ctx.problems.path(at("MaxItemsPath"), config.MaxItemsPath);
    // As recorded against Step Functions (localstack test_base_scenarios.snapshot.json,
    // test_map_item_reader_csv_max_items_paths): 1.5 is "not a valid integer" (States.Runtime), -1 fails the Map Run
    // with States.ItemReaderFailed, and a value over 100,000,000 reads up to that many items.
    return (scope, input) => {
      const selected = path === undefined ? undefined : selectPath(path, input, scope);
      const value = parsePathNumber(selected, "integer");
      if (value === undefined) throw new StatesRuntimeError(notValidCause("MaxItemsPath", path?.text ?? "", selected, "integer"));
      if (value < 0) throw new ItemReaderFailed("field MaxItems must be positive");
      return unlimited(Math.min(value, maxItemsLimit));
    };
  }
  const value = checkedLimit(config.MaxItems ?? 0);
  if (value === undefined) ctx.problems.add(at("MaxItems"), `must be an integer from 0 to ${maxItemsLimit}`);
  return () => unlimited(value);
}

/** `Parameters` (JSONPath, `.$` fields and intrinsics) or `Arguments` (JSONata) of the reader. */
function compileArguments(reader: RawState, pointer: string, ctx: StateCompileContext): (scope: Scope, input: JsonValue) => JsonValue | Promise<JsonValue> {
  if (ctx.language === "JSONata") {
    const field = compileJsonataField(reader.Arguments ?? {}, "ItemReader.Arguments", pointerTo(pointer, "Arguments"), ctx.problems);
    return (scope, input) => field(scope, input);
  }
  const parameters = objectField(reader, "Parameters", { ...ctx, pointer });
  const template = parameters === undefined ? undefined : compileTemplate(parameters, pointerTo(pointer, "Parameters"), ctx.problems);
  return (scope, input) => (template === undefined ? {} : template(input, scope));
}

function textArgument(args: JsonObject, name: string, field: string, required: boolean): string | undefined {
  const value = args[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || (required && value === "")) {
    throw new ItemReaderFailed(`The ItemReader ${field} must give ${name} as a ${required ? "non-empty " : ""}string; it gave ${JSON.stringify(value ?? null)}`);
  }
  return value;
}

/** Compiles `state.ItemReader`; `undefined` when the Map has none. */
export function compileItemReader(state: RawState, ctx: StateCompileContext): ItemReaderRun | undefined {
  if (!("ItemReader" in state)) return undefined;
  const pointer = pointerTo(ctx.pointer, "ItemReader");
  const reader = objectField(state, "ItemReader", ctx);
  if (reader === undefined) return undefined;
  const action = typeof reader.Resource === "string" ? resourcePattern.exec(reader.Resource)?.[1] : undefined;
  if (action === undefined) ctx.problems.add(pointerTo(pointer, "Resource"), "must be arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2");
  const config = objectField(reader, "ReaderConfig", { ...ctx, pointer }) ?? {};
  const { format, inventory, loadAndFlatten, givenHeaders } = readerFormat(config, action ?? "", pointer, ctx);
  const limit = compileLimit(config, pointer, ctx);
  const evaluate = compileArguments(reader, pointer, ctx);
  const field = ctx.language === "JSONata" ? "Arguments" : "Parameters";

  return async (scope, input) => {
    const evaluated = await evaluate(scope, input);
    const max = await limit(scope, input);
    const store = scope.runtime.objectStore;
    if (store === undefined) {
      throw new ItemReaderFailed("The ItemReader has no object store to read from: run the execution with an objectStore (sfn run and sfn serve use .statecraft/s3 or the S3 endpoint of AWS_ENDPOINT_URL_S3)");
    }
    if (typeof evaluated !== "object" || evaluated === null || Array.isArray(evaluated)) {
      throw new ItemReaderFailed(`The ItemReader ${field} must be a JSON object with Bucket; it is ${JSON.stringify(evaluated)}`);
    }
    const bucket = textArgument(evaluated, "Bucket", field, true) ?? "";
    if (action === "listObjectsV2") {
      const prefix = textArgument(evaluated, "Prefix", field, false) ?? "";
      return loadAndFlatten ? flattenedItems(store, bucket, prefix, format, max) : listedItems(store, bucket, prefix, max);
    }
    const key = textArgument(evaluated, "Key", field, true) ?? "";
    if (inventory) return inventoryItems(store, bucket, key, format.csv, givenHeaders, max);
    return firstItems(await objectItems(store, bucket, key, format, max), max);
  };
}
