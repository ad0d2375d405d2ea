import { describe, expect, it } from "vitest";
import { validateDefinition } from "./index.js";

const getObject = "arn:aws:states:::s3:getObject";
const listObjects = "arn:aws:states:::s3:listObjectsV2";
const putObject = "arn:aws:states:::s3:putObject";
const processor = { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } };

/** A one-state machine around a Distributed Map named A with `fields`. */
const map = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  ...top,
  StartAt: "A",
  States: { A: { Type: "Map", ItemProcessor: processor, End: true, ...fields } },
});

describe("validateDefinition accepts the Distributed Map S3 forms of the AWS documentation", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>?]>([
    ["a CSV file with given headers", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN", CSVHeaders: ["a", "b"], CSVDelimiter: "PIPE", MaxItems: 10 }, Parameters: { Bucket: "b", "Key.$": "$.key" } } }],
    ["a JSON file with an ItemsPointer", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON", ItemsPointer: "/a/b", MaxItemsPath: "$.max" }, Parameters: { Bucket: "b", Key: "k" } } }],
    ["an S3 inventory (MANIFEST)", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "MANIFEST" }, Parameters: { Bucket: "b", Key: "manifest.json" } } }],
    ["an S3 inventory (ManifestType)", { ItemReader: { Resource: getObject, ReaderConfig: { ManifestType: "S3_INVENTORY" }, Parameters: { Bucket: "b", Key: "manifest.json" } } }],
    ["a listing", { ItemReader: { Resource: listObjects, Parameters: { Bucket: "b", Prefix: "p/" } } }],
    ["a listing with LOAD_AND_FLATTEN", { ItemReader: { Resource: listObjects, ReaderConfig: { InputType: "JSONL", Transformation: "LOAD_AND_FLATTEN" }, Parameters: { Bucket: "b" } } }],
    ["a ResultWriter with Resource and Parameters", { ResultWriter: { Resource: putObject, Parameters: { Bucket: "b", Prefix: "out" } } }],
    ["a ResultWriter with only a WriterConfig", { ResultWriter: { WriterConfig: { Transformation: "FLATTEN", OutputType: "JSON" } } }],
    ["a ResultWriter with all three", { ResultWriter: { Resource: putObject, Parameters: { Bucket: "b" }, WriterConfig: { Transformation: "COMPACT", OutputType: "JSONL" } } }],
    [
      "JSONata Arguments and a MaxItems expression",
      { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON", MaxItems: "{% $states.input.n %}" }, Arguments: { Bucket: "b", Key: "{% $states.input.k %}" } }, ResultWriter: { Resource: putObject, Arguments: { Bucket: "b" } } },
      { QueryLanguage: "JSONata" },
    ],
  ])("%s", (_name, fields, top) => {
    expect(validateDefinition(map(fields, top))).toEqual([]);
  });
});

describe("validateDefinition refuses", () => {
  it.each<[string, Record<string, unknown>, string, RegExp, Record<string, unknown>?]>([
    ["an unknown InputType", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "XML" }, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/InputType", /./],
    ["an unknown ReaderConfig field", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON", Header: 1 }, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/Header", /./],
    ["MaxItems over 100,000,000", { ItemReader: { Resource: listObjects, ReaderConfig: { MaxItems: 100_000_001 }, Parameters: { Bucket: "b" } } }, "/States/A/ItemReader/ReaderConfig/MaxItems", /./],
    ["an ItemReader resource other than getObject/listObjectsV2", { ItemReader: { Resource: "arn:aws:states:::s3:headObject", Parameters: { Bucket: "b" } } }, "/States/A/ItemReader/Resource", /getObject or/],
    ["getObject without an InputType", { ItemReader: { Resource: getObject, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/InputType", /needs its InputType/],
    ["GIVEN without CSVHeaders", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN" }, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/CSVHeaders", /needs CSVHeaders/],
    ["S3_INVENTORY with an InputType", { ItemReader: { Resource: getObject, ReaderConfig: { ManifestType: "S3_INVENTORY", InputType: "CSV" }, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/InputType", /InputType cannot be set/],
    ["LOAD_AND_FLATTEN without an InputType", { ItemReader: { Resource: listObjects, ReaderConfig: { Transformation: "LOAD_AND_FLATTEN" }, Parameters: { Bucket: "b" } } }, "/States/A/ItemReader/ReaderConfig/InputType", /needs the InputType/],
    ["LOAD_AND_FLATTEN on getObject", { ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON", Transformation: "LOAD_AND_FLATTEN" }, Parameters: { Bucket: "b", Key: "k" } } }, "/States/A/ItemReader/ReaderConfig/Transformation", /listObjectsV2/],
    ["ItemsPath with an ItemReader", { ItemsPath: "$.items", ItemReader: { Resource: listObjects, Parameters: { Bucket: "b" } } }, "/States/A/ItemsPath", /cannot be used with an ItemReader/],
    ["a malformed MaxItemsPath", { ItemReader: { Resource: listObjects, ReaderConfig: { MaxItemsPath: "max" }, Parameters: { Bucket: "b" } } }, "/States/A/ItemReader/ReaderConfig/MaxItemsPath", /./],
    ["a MaxItems expression in a JSONPath state", { ItemReader: { Resource: listObjects, ReaderConfig: { MaxItems: "{% 3 %}" }, Parameters: { Bucket: "b" } } }, "/States/A/ItemReader/ReaderConfig/MaxItems", /only in a JSONata state/],
    ["ResultWriter Arguments in a JSONPath state", { ResultWriter: { Resource: putObject, Arguments: { Bucket: "b" } } }, "/States/A/ResultWriter/Arguments", /JSONata field/],
    ["an empty ResultWriter", { ResultWriter: {} }, "/States/A/ResultWriter", /must have a WriterConfig/],
    ["a ResultWriter Resource without Parameters", { ResultWriter: { Resource: putObject } }, "/States/A/ResultWriter", /go together/],
    ["a ResultWriter resource other than putObject", { ResultWriter: { Resource: getObject, Parameters: { Bucket: "b" } } }, "/States/A/ResultWriter/Resource", /putObject/],
    ["an unknown Transformation", { ResultWriter: { WriterConfig: { Transformation: "SQUASH" } } }, "/States/A/ResultWriter/WriterConfig/Transformation", /./],
    ["an unknown OutputType", { ResultWriter: { WriterConfig: { OutputType: "CSV" } } }, "/States/A/ResultWriter/WriterConfig/OutputType", /./],
    [
      "MaxItemsPath in a JSONata state",
      { ItemReader: { Resource: listObjects, ReaderConfig: { MaxItemsPath: "$.n" }, Arguments: { Bucket: "b" } } },
      "/States/A/ItemReader/ReaderConfig/MaxItemsPath",
      /JSONPath field/,
      { QueryLanguage: "JSONata" },
    ],
    ["Items with an ItemReader (JSONata)", { Items: [1], ItemReader: { Resource: listObjects, Arguments: { Bucket: "b" } } }, "/States/A/Items", /cannot be used with an ItemReader/, { QueryLanguage: "JSONata" }],
  ])("%s", (_rule, fields, pointer, message, top) => {
    const problems = validateDefinition(map(fields, top));
    expect(problems).toContainEqual(expect.objectContaining({ pointer, message: expect.stringMatching(message) }));
  });
});
