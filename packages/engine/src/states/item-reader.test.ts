import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MemoryObjectStore } from "../testing/memory-object-store.js";
import { machine, run, types } from "../testing/helpers.js";

const distributed = { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } };
const passThrough = { StartAt: "P", States: { P: { Type: "Pass", End: true } }, ...distributed };

/** A one-state machine whose Map reads with `itemReader`. */
function mapWith(itemReader: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return machine({ M: { Type: "Map", ItemReader: itemReader, ItemProcessor: passThrough, End: true, ...extra } });
}

function storeWith(objects: Record<string, string | Uint8Array>, pageSize?: number): MemoryObjectStore {
  const store = new MemoryObjectStore(pageSize);
  for (const [path, content] of Object.entries(objects)) {
    const [bucket = "", ...key] = path.split("/");
    store.seed(bucket, key.join("/"), content);
  }
  return store;
}

const getObject = "arn:aws:states:::s3:getObject";
const listObjects = "arn:aws:states:::s3:listObjectsV2";

describe("ItemReader (JSONPath)", () => {
  it("reads a JSON array with Parameters paths and intrinsics, then ItemSelector and MaxItems", async () => {
    const store = storeWith({ "data/jobs/2025.json": JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]) });
    const definition = mapWith(
      { Resource: getObject, ReaderConfig: { InputType: "JSON", MaxItems: 2 }, Parameters: { "Bucket.$": "$.bucket", "Key.$": "States.Format('jobs/{}.json', $.year)" } },
      { ItemSelector: { "value.$": "$$.Map.Item.Value.n", "index.$": "$$.Map.Item.Index", "tag.$": "$.tag" } },
    );
    const result = await run(definition, { bucket: "data", year: 2025, tag: "t" }, { objectStore: store });
    expect(result.output).toEqual([
      { value: 1, index: 0, tag: "t" },
      { value: 2, index: 1, tag: "t" },
    ]);
    expect(types(result)).toEqual(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]);
    expect(result.history[2]?.mapStateStartedEventDetails).toEqual({ length: 2 });
  });

  it("reads the node an ItemsPointer selects, and a JSON object by entry with $$.Map.Item.Key", async () => {
    const store = storeWith({ "b/nested.json": '{"inventory":{"featured":[10,20]}}', "b/object.json": '{"x":1,"y":2}' });
    const pointer = await run(mapWith({ Resource: getObject, ReaderConfig: { InputType: "JSON", ItemsPointer: "/inventory/featured" }, Parameters: { Bucket: "b", Key: "nested.json" } }), {}, { objectStore: store });
    expect(pointer.output).toEqual([10, 20]);
    const object = await run(
      mapWith({ Resource: getObject, ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "b", Key: "object.json" } }, { ItemSelector: { "k.$": "$$.Map.Item.Key", "v.$": "$$.Map.Item.Value" } }),
      {},
      { objectStore: store },
    );
    expect(object.output).toEqual([{ k: "x", v: 1 }, { k: "y", v: 2 }]);
  });

  it("reads JSON Lines, and a GZIP-compressed object", async () => {
    const store = storeWith({ "b/f.jsonl": '{"a":1}\n{"a":2}\n', "b/f.jsonl.gz": gzipSync('{"a":3}\n') });
    const lines = await run(mapWith({ Resource: getObject, ReaderConfig: { InputType: "JSONL" }, Parameters: { Bucket: "b", Key: "f.jsonl" } }), {}, { objectStore: store });
    expect(lines.output).toEqual([{ a: 1 }, { a: 2 }]);
    const gzipped = await run(mapWith({ Resource: getObject, ReaderConfig: { InputType: "JSONL" }, Parameters: { Bucket: "b", Key: "f.jsonl.gz" } }), {}, { objectStore: store });
    expect(gzipped.output).toEqual([{ a: 3 }]);
  });

  it("reads CSV rows as objects of strings (header given, pipe-delimited) and batches them", async () => {
    const store = storeWith({ "b/ratings.csv": "1|307|3.5\n1|481|3.5\n2|1091|1.5\n" });
    const definition = mapWith(
      { Resource: getObject, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN", CSVHeaders: ["userId", "movieId", "rating"], CSVDelimiter: "PIPE" }, Parameters: { Bucket: "b", Key: "ratings.csv" } },
      { ItemBatcher: { MaxItemsPerBatch: 2 } },
    );
    const result = await run(definition, {}, { objectStore: store });
    expect(result.output).toEqual([
      { Items: [{ userId: "1", movieId: "307", rating: "3.5" }, { userId: "1", movieId: "481", rating: "3.5" }] },
      { Items: [{ userId: "2", movieId: "1091", rating: "1.5" }] },
    ]);
  });

  it("lists objects (Etag, Key, LastModified in seconds, Size, StorageClass) across pages, up to MaxItemsPath", async () => {
    const store = storeWith({ "b/in/a.png": "aaaa", "b/in/b.png": "bb", "b/in/c.png": "c", "b/other.txt": "x" }, 2);
    const definition = mapWith({ Resource: listObjects, ReaderConfig: { MaxItemsPath: "$.max" }, Parameters: { Bucket: "b", Prefix: "in/" } });
    const result = await run(definition, { max: 3 }, { objectStore: store });
    expect(result.output).toEqual([
      { Etag: '"74b87337454200d4d33f80c4663dc5e5"', Key: "in/a.png", LastModified: 1735689600, Size: 4, StorageClass: "STANDARD" },
      { Etag: '"21ad0bd836b90d08f4cf640b4c298e7c"', Key: "in/b.png", LastModified: 1735689600, Size: 2, StorageClass: "STANDARD" },
      { Etag: '"4a8a08f09d37b73795649038408b5f33"', Key: "in/c.png", LastModified: 1735689600, Size: 1, StorageClass: "STANDARD" },
    ]);
    const limited = await run(definition, { max: 1 }, { objectStore: store });
    expect(limited.output).toHaveLength(1);
    // Recorded against Step Functions (localstack test_map_item_reader_csv_max_items_paths): -1 fails the Map Run,
    // 1.5 is not an integer, and a limit past 100,000,000 reads everything up to that many.
    expect(await run(definition, { max: -1 }, { objectStore: store })).toMatchObject({
      status: "FAILED",
      error: "States.ItemReaderFailed",
      cause: "field MaxItems must be positive",
    });
    expect(await run(definition, { max: 1.5 }, { objectStore: store })).toMatchObject({
      status: "FAILED",
      error: "States.Runtime",
      cause: `An error occurred while executing the state 'M' (entered at the event id #2). The MaxItemsPath field refers to value "1.5" which is not a valid integer: $.max`,
    });
    expect((await run(definition, { max: 100_000_001 }, { objectStore: store })).output).toHaveLength(3);
  });

  it("loads and flattens the listed objects' contents with LOAD_AND_FLATTEN, skipping folder markers", async () => {
    const store = storeWith({ "b/logs/": "", "b/logs/1.json": "[1,2]", "b/logs/2.json": "[3]" });
    const definition = mapWith({ Resource: listObjects, ReaderConfig: { InputType: "JSON", Transformation: "LOAD_AND_FLATTEN" }, Parameters: { Bucket: "b", Prefix: "logs/" } });
    expect((await run(definition, {}, { objectStore: store })).output).toEqual([1, 2, 3]);
  });

  it("reads an S3 inventory: the manifest's GZIP CSV data files, keyed by its fileSchema", async () => {
    const manifest = {
      sourceBucket: "source",
      destinationBucket: "arn:aws:s3:::inventory",
      version: "2016-11-30",
      fileFormat: "CSV",
      fileSchema: "Bucket, Key, Size, LastModifiedDate",
      files: [{ key: "source/config/data/one.csv.gz", size: 1, MD5checksum: "x" }],
    };
    const rows = '"source","csvDataset/","0","2022-11-16T00:27:19.000Z"\n"source","csvDataset/titles.csv","3399671","2022-11-16T00:29:32.000Z"\n';
    const store = storeWith({ "inventory/source/config/manifest.json": JSON.stringify(manifest), "inventory/source/config/data/one.csv.gz": gzipSync(rows) });
    const definition = mapWith({ Resource: getObject, ReaderConfig: { InputType: "MANIFEST" }, Parameters: { Bucket: "inventory", Key: "source/config/manifest.json" } });
    const result = await run(definition, {}, { objectStore: store });
    expect(result.output).toEqual([
      { Bucket: "source", Key: "csvDataset/", Size: "0", LastModifiedDate: "2022-11-16T00:27:19.000Z" },
      { Bucket: "source", Key: "csvDataset/titles.csv", Size: "3399671", LastModifiedDate: "2022-11-16T00:29:32.000Z" },
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, RegExp]>([
    ["a missing object", { Bucket: "b", Key: "missing.json" }, undefined, /could not read the object 'missing\.json' in the bucket 'b': NoSuchKey/],
    ["a missing bucket", { Bucket: "nope", Key: "x.json" }, undefined, /could not read the object 'x\.json' in the bucket 'nope': NoSuchBucket/],
    ["content that is not JSON", { Bucket: "b", Key: "bad.json" }, undefined, /the object 'bad\.json' in the bucket 'b' is not valid JSON/],
    ["no Bucket", { Key: "bad.json" }, undefined, /must give Bucket as a non-empty string/],
    ["no object store", { Bucket: "b", Key: "bad.json" }, {}, /has no object store/],
  ])("fails with States.ItemReaderFailed on %s, which a Catch handles", async (_label, parameters, options, cause) => {
    const store = storeWith({ "b/bad.json": "[1," });
    const definition = machine({
      M: { Type: "Map", ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON" }, Parameters: parameters }, ItemProcessor: passThrough, Catch: [{ ErrorEquals: ["States.ItemReaderFailed"], Next: "Done" }], Next: "Done" },
      Done: { Type: "Pass", End: true },
    });
    const result = await run(definition, {}, options ?? { objectStore: store });
    expect(result.status).toBe("SUCCEEDED");
    const caught = result.output as { Error: string; Cause: string };
    expect(caught.Error).toBe("States.ItemReaderFailed");
    expect(caught.Cause).toMatch(cause);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ["PARQUET", { Resource: getObject, ReaderConfig: { InputType: "PARQUET" }, Parameters: { Bucket: "b", Key: "k" } }, {}, "/States/M/ItemReader/ReaderConfig/InputType"],
    ["ATHENA_DATA", { Resource: getObject, ReaderConfig: { ManifestType: "ATHENA_DATA", InputType: "CSV" }, Parameters: { Bucket: "b", Key: "k" } }, {}, "/States/M/ItemReader/ReaderConfig/ManifestType"],
    ["another resource", { Resource: "arn:aws:states:::s3:headObject", Parameters: { Bucket: "b" } }, {}, "/States/M/ItemReader/Resource"],
    ["GIVEN without CSVHeaders", { Resource: getObject, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN" }, Parameters: { Bucket: "b", Key: "k" } }, {}, "/States/M/ItemReader/ReaderConfig/CSVHeaders"],
    ["ItemsPath with an ItemReader", { Resource: listObjects, Parameters: { Bucket: "b" } }, { ItemsPath: "$.items" }, "/States/M/ItemsPath"],
  ])("refuses %s at load", async (_label, itemReader, extra, pointer) => {
    await expect(run(mapWith(itemReader, extra), {})).rejects.toMatchObject({ name: "States.InvalidDefinition", problems: expect.arrayContaining([expect.objectContaining({ pointer })]) });
  });

  it("refuses an ItemReader in an inline Map", async () => {
    const definition = machine({ M: { Type: "Map", ItemReader: { Resource: listObjects, Parameters: { Bucket: "b" } }, ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true } });
    await expect(run(definition, {})).rejects.toMatchObject({ name: "States.InvalidDefinition", problems: expect.arrayContaining([expect.objectContaining({ pointer: "/States/M/ItemReader" })]) });
  });
});

describe("ItemReader (JSONata)", () => {
  it("evaluates Arguments and a MaxItems expression with $states.input", async () => {
    const store = storeWith({ "b/rows.csv": "name,size\nx,1\ny,2\nz,3\n" });
    const definition = machine(
      {
        M: {
          Type: "Map",
          ItemReader: { Resource: getObject, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW", MaxItems: "{% $states.input.max %}" }, Arguments: { Bucket: "b", Key: "{% $states.input.key %}" } },
          ItemSelector: { "name": "{% $states.context.Map.Item.Value.name %}", "size": "{% $number($states.context.Map.Item.Value.size) %}" },
          ItemProcessor: passThrough,
          End: true,
        },
      },
      { QueryLanguage: "JSONata" },
    );
    const result = await run(definition, { key: "rows.csv", max: 2 }, { objectStore: store });
    expect(result.output).toEqual([{ name: "x", size: 1 }, { name: "y", size: 2 }]);
    const failed = await run(definition, { key: "missing.csv", max: 2 }, { objectStore: store });
    expect(failed).toMatchObject({ status: "FAILED", error: "States.ItemReaderFailed" });
  });

  it("batches the items read with ItemBatcher expressions", async () => {
    const store = storeWith({ "b/items.json": "[1,2,3]" });
    const definition = machine(
      {
        M: {
          Type: "Map",
          ItemReader: { Resource: getObject, ReaderConfig: { InputType: "JSON" }, Arguments: { Bucket: "b", Key: "items.json" } },
          ItemBatcher: { MaxItemsPerBatch: "{% $states.input.size %}", BatchInput: { tag: "{% $states.input.tag %}" } },
          ItemProcessor: passThrough,
          End: true,
        },
      },
      { QueryLanguage: "JSONata" },
    );
    const result = await run(definition, { size: 2, tag: "t" }, { objectStore: store });
    expect(result.output).toEqual([{ Items: [1, 2], BatchInput: { tag: "t" } }, { Items: [3], BatchInput: { tag: "t" } }]);
  });

  it("refuses Items together with an ItemReader, and MaxItemsPath", async () => {
    const definition = (reader: Record<string, unknown>, extra: Record<string, unknown>) =>
      machine({ M: { Type: "Map", ItemReader: reader, ItemProcessor: passThrough, End: true, ...extra } }, { QueryLanguage: "JSONata" });
    await expect(run(definition({ Resource: listObjects, Arguments: { Bucket: "b" } }, { Items: [1] }), {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
    await expect(run(definition({ Resource: listObjects, ReaderConfig: { MaxItemsPath: "$.n" }, Arguments: { Bucket: "b" } }, {}), {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
  });
});
