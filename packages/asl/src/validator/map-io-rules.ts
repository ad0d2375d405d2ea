/**
 * Rules of a Distributed Map's S3 fields that a schema cannot express: the `ItemReader` and `ResultWriter`
 * resources, the `ReaderConfig` combinations, the `ResultWriter` field sets, and item sources that exclude each
 * other (`ItemsPath`/`Items` read the input; an `ItemReader` reads S3).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemspath.html
 */
import type { State } from "../model/index.js";
import { pointerOf, type Problems } from "./problems.js";
import type { StateVisit } from "./walk.js";

const readerResource = /^arn:[a-z0-9-]+:states:::s3:(getObject|listObjectsV2)$/;
const writerResource = /^arn:[a-z0-9-]+:states:::s3:putObject$/;

/** Checks the ItemReader and ResultWriter of a Map whose shape is valid. */
export function checkMapIo(state: Extract<State, { Type: "Map" }>, visit: StateVisit, problems: Problems): void {
  const at = (...tokens: string[]) => pointerOf(visit.pointer, ...tokens);
  const reader = state.ItemReader;
  if (reader !== undefined) {
    const action = readerResource.exec(reader.Resource)?.[1];
    if (action === undefined) problems.add(at("ItemReader", "Resource"), "must be arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2");
    for (const field of ["ItemsPath", "Items"] as const) {
      if (field in state) problems.add(at(field), `${field} selects items of the input; it cannot be used with an ItemReader`);
    }
    const config = reader.ReaderConfig ?? {};
    const inConfig = (...field: string[]) => at("ItemReader", "ReaderConfig", ...field);
    if (config.CSVHeaderLocation === "GIVEN" && !("CSVHeaders" in config)) problems.add(inConfig("CSVHeaders"), "CSVHeaderLocation GIVEN needs CSVHeaders");
    if (config.ManifestType === "S3_INVENTORY" && "InputType" in config) problems.add(inConfig("InputType"), "an S3_INVENTORY manifest is read as CSV: InputType cannot be set");
    if (config.Transformation === "LOAD_AND_FLATTEN") {
      if (action !== undefined && action !== "listObjectsV2") problems.add(inConfig("Transformation"), "LOAD_AND_FLATTEN applies to arn:aws:states:::s3:listObjectsV2");
      if (!("InputType" in config)) problems.add(inConfig("InputType"), "LOAD_AND_FLATTEN needs the InputType of the listed objects");
    }
    if (action === "getObject" && !("InputType" in config) && config.ManifestType !== "S3_INVENTORY") {
      problems.add(inConfig("InputType"), "reading an object needs its InputType (CSV, JSON, JSONL, PARQUET or MANIFEST)");
    }
  }
  const writer = state.ResultWriter;
  if (writer !== undefined) {
    const target = "Parameters" in writer || "Arguments" in writer;
    if (writer.Resource === undefined && !target && writer.WriterConfig === undefined) {
      problems.add(at("ResultWriter"), "must have a WriterConfig, or a Resource with Parameters (Arguments in JSONata), or all three");
    }
    if (writer.Resource !== undefined && !writerResource.test(writer.Resource)) problems.add(at("ResultWriter", "Resource"), "must be arn:aws:states:::s3:putObject");
    if ((writer.Resource !== undefined) !== target) problems.add(at("ResultWriter"), "Resource and Parameters (Arguments in JSONata) go together: they say where to write");
  }
}
