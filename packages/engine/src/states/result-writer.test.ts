import { describe, expect, it } from "vitest";
import { MemoryObjectStore } from "../testing/memory-object-store.js";
import { machine, run } from "../testing/helpers.js";

const distributed = { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } };
/** Doubles `n`; fails with `Odd` for n = 1; `pair` returns [n, n] (an array for FLATTEN). */
const processor = {
  StartAt: "C",
  States: {
    C: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "F" }, { Variable: "$.pair", IsPresent: true, Next: "PairOut" }], Default: "Double" },
    F: { Type: "Fail", Error: "Odd", Cause: "one is odd" },
    PairOut: { Type: "Pass", Parameters: { "list.$": "States.Array($.n, $.n)" }, OutputPath: "$.list", End: true },
    Double: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, $.n)" }, End: true },
  },
  ...distributed,
};
const put = "arn:aws:states:::s3:putObject";

function mapWith(resultWriter: Record<string, unknown>, extra: Record<string, unknown> = {}, language: Record<string, unknown> = {}) {
  return machine({ M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: processor, ResultWriter: resultWriter, End: true, ...extra } }, language);
}

function storeWithBucket(): MemoryObjectStore {
  const store = new MemoryObjectStore();
  store.createBucket("out");
  return store;
}

const json = (store: MemoryObjectStore, key: string) => JSON.parse(store.text("out", key)) as unknown;

describe("ResultWriter", () => {
  it("exports to <Prefix>/<map run id>/ and returns the Map Run ARN and the manifest's location", async () => {
    const store = storeWithBucket();
    const result = await run(mapWith({ Resource: put, Parameters: { Bucket: "out", "Prefix.$": "$.prefix" } }), { prefix: "jobs", items: [{ n: 2 }, { n: 3 }] }, { objectStore: store });
    const started = result.history.find((event) => event.type === "MapRunStarted")?.mapRunStartedEventDetails as { mapRunArn: string } | undefined;
    const mapRunArn = started?.mapRunArn ?? "";
    expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:StateMachine\/M:[\w-]+$/);
    const runId = mapRunArn.slice(mapRunArn.lastIndexOf(":") + 1);
    expect(result.output).toEqual({ MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: "out", Key: `jobs/${runId}/manifest.json` } });
    const succeeded = store.text("out", `jobs/${runId}/SUCCEEDED_0.json`);
    expect(json(store, `jobs/${runId}/manifest.json`)).toEqual({
      DestinationBucket: "out",
      MapRunArn: mapRunArn,
      ResultFiles: { FAILED: [], PENDING: [], SUCCEEDED: [{ Key: `jobs/${runId}/SUCCEEDED_0.json`, Size: new TextEncoder().encode(succeeded).length }] },
    });
    const entries = JSON.parse(succeeded) as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      ExecutionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:StateMachine\/M:[\w-]+$/),
      Input: '{"n":2}',
      InputDetails: { Included: true },
      Name: expect.any(String),
      Output: '{"n":4}',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: "NOT_REDRIVABLE",
      RedriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
      StartDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine/M",
      Status: "SUCCEEDED",
      StopDate: expect.stringMatching(/Z$/),
    });
    expect(Object.keys(entries[0] ?? {})).toEqual(Object.keys(entries[0] ?? {}).sort());
    expect(entries[0]?.ExecutionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:StateMachine/M:${String(entries[0]?.Name)}`);
    expect(store.puts.map((entry) => entry.key)).toEqual([`jobs/${runId}/SUCCEEDED_0.json`, `jobs/${runId}/manifest.json`]);
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    ["COMPACT", { Transformation: "COMPACT", OutputType: "JSON" }, [{ n: 4 }, [3, 3]]],
    ["FLATTEN", { Transformation: "FLATTEN", OutputType: "JSON" }, [{ n: 4 }, 3, 3]],
  ])("writes the %s transformation of the outputs", async (_label, writerConfig, written) => {
    const store = storeWithBucket();
    const result = await run(mapWith({ Resource: put, Parameters: { Bucket: "out", Prefix: "p/" }, WriterConfig: writerConfig }), { items: [{ n: 2 }, { n: 3, pair: true }] }, { objectStore: store });
    const key = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    expect(key).toMatch(/^p\/[\w-]+\/manifest\.json$/);
    expect(json(store, key.replace("manifest.json", "SUCCEEDED_0.json"))).toEqual(written);
  });

  it.each<[string, Record<string, unknown>, (lines: unknown[]) => void]>([
    ["NONE", { Transformation: "NONE", OutputType: "JSONL" }, (lines) => expect(lines).toMatchObject([{ Output: '{"n":4}', Status: "SUCCEEDED" }, { Output: "[3,3]" }])],
    ["COMPACT", { Transformation: "COMPACT", OutputType: "JSONL" }, (lines) => expect(lines).toEqual([{ n: 4 }, [3, 3]])],
    ["FLATTEN", { Transformation: "FLATTEN", OutputType: "JSONL" }, (lines) => expect(lines).toEqual([{ n: 4 }, 3, 3])],
  ])("writes JSON Lines with %s", async (_label, writerConfig, check) => {
    const store = storeWithBucket();
    const result = await run(mapWith({ Resource: put, Parameters: { Bucket: "out" }, WriterConfig: writerConfig }), { items: [{ n: 2 }, { n: 3, pair: true }] }, { objectStore: store });
    const key = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    expect(key).toMatch(/^[\w-]+\/manifest\.json$/);
    const text = store.text("out", key.replace("manifest.json", "SUCCEEDED_0.json"));
    expect(text.endsWith("\n")).toBe(true);
    check(text.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown));
  });

  it.each<[string, Record<string, unknown>, (output: unknown) => void]>([
    ["COMPACT (also the default)", {}, (output) => expect(output).toEqual([{ n: 4 }, [3, 3]])],
    ["FLATTEN", { Transformation: "FLATTEN" }, (output) => expect(output).toEqual([{ n: 4 }, 3, 3])],
    ["NONE", { Transformation: "NONE" }, (output) => expect(output).toMatchObject([{ Input: '{"n":2}', Output: '{"n":4}', Status: "SUCCEEDED" }, { Status: "SUCCEEDED" }])],
  ])("with only a WriterConfig, returns the %s results and writes nothing", async (_label, writerConfig, check) => {
    const store = storeWithBucket();
    const result = await run(mapWith({ WriterConfig: { OutputType: "JSON", ...writerConfig } }), { items: [{ n: 2 }, { n: 3, pair: true }] }, { objectStore: store });
    check(result.output);
    expect(store.puts).toEqual([]);
  });

  it("lists a tolerated failure in FAILED_0.json with its Error and Cause", async () => {
    const store = storeWithBucket();
    const result = await run(mapWith({ Resource: put, Parameters: { Bucket: "out" } }, { ToleratedFailureCount: 1 }), { items: [{ n: 1 }, { n: 2 }] }, { objectStore: store });
    const key = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    const manifest = json(store, key) as { ResultFiles: Record<string, { Key: string }[]> };
    expect(manifest.ResultFiles.SUCCEEDED).toHaveLength(1);
    expect(manifest.ResultFiles.PENDING).toEqual([]);
    const failed = json(store, manifest.ResultFiles.FAILED?.[0]?.Key ?? "") as Record<string, unknown>[];
    expect(failed).toEqual([
      expect.objectContaining({ Cause: "one is odd", Error: "Odd", Input: '{"n":1}', OutputDetails: { Included: true }, RedriveStatus: "REDRIVABLE_BY_MAP_RUN", Status: "FAILED" }),
    ]);
    expect(failed[0]).not.toHaveProperty("Output");
  });

  it("writes the results of a failed Map Run (never-started items in PENDING_0.json) and fails with its error", async () => {
    const store = storeWithBucket();
    const result = await run(mapWith({ Resource: put, Parameters: { Bucket: "out" } }, { MaxConcurrency: 1 }), { items: [{ n: 2 }, { n: 1 }, { n: 3 }] }, { objectStore: store });
    expect(result).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
    const manifestKey = store.puts.at(-1)?.key ?? "";
    expect(manifestKey).toMatch(/manifest\.json$/);
    const manifest = json(store, manifestKey) as { ResultFiles: Record<string, { Key: string }[]> };
    expect(json(store, manifest.ResultFiles.PENDING?.[0]?.Key ?? "")).toEqual([{ Input: '{"n":3}', InputDetails: { Included: true }, Status: "PENDING" }]);
    expect(json(store, manifest.ResultFiles.FAILED?.[0]?.Key ?? "")).toMatchObject([{ Error: "Odd", Status: "FAILED" }]);
    expect(json(store, manifest.ResultFiles.SUCCEEDED?.[0]?.Key ?? "")).toMatchObject([{ Output: '{"n":4}' }]);
    expect(result.history.map((event) => event.type)).toContain("MapStateFailed");
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a missing bucket", { objectStore: new MemoryObjectStore() }, /could not write the object '[\w-]+\/SUCCEEDED_0\.json' in the bucket 'out': NoSuchBucket/],
    ["no object store", {}, /has no object store/],
  ])("fails with States.ResultWriterFailed on %s, which a Catch handles", async (_label, options, cause) => {
    const definition = machine({
      M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: processor, ResultWriter: { Resource: put, Parameters: { Bucket: "out" } }, Catch: [{ ErrorEquals: ["States.ResultWriterFailed"], Next: "Done" }], Next: "Done" },
      Done: { Type: "Pass", End: true },
    });
    const result = await run(definition, { items: [{ n: 2 }] }, options);
    expect(result.output).toMatchObject({ Error: "States.ResultWriterFailed", Cause: expect.stringMatching(cause) });
  });

  it("takes Arguments in JSONata states", async () => {
    const store = storeWithBucket();
    const definition = machine(
      { M: { Type: "Map", Items: "{% $states.input.items %}", ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } }, ...distributed }, ResultWriter: { Resource: put, Arguments: { Bucket: "out", Prefix: "{% $states.input.where %}" }, WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } }, End: true } },
      { QueryLanguage: "JSONata" },
    );
    const result = await run(definition, { where: "runs", items: [1, 2] }, { objectStore: store });
    const key = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    expect(key).toMatch(/^runs\/[\w-]+\/manifest\.json$/);
    expect(json(store, key.replace("manifest.json", "SUCCEEDED_0.json"))).toEqual([1, 2]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an empty ResultWriter", {}, "/States/M/ResultWriter"],
    ["a Resource without Parameters", { Resource: put }, "/States/M/ResultWriter"],
    ["another Resource", { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "out" } }, "/States/M/ResultWriter/Resource"],
    ["an unknown Transformation", { WriterConfig: { Transformation: "SQUASH" } }, "/States/M/ResultWriter/WriterConfig/Transformation"],
    ["an unknown OutputType", { WriterConfig: { OutputType: "CSV" } }, "/States/M/ResultWriter/WriterConfig/OutputType"],
  ])("refuses %s at load", async (_label, resultWriter, pointer) => {
    await expect(run(mapWith(resultWriter), { items: [] })).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ pointer })]) });
  });
});

describe("ItemReader to ResultWriter", () => {
  it("reads CSV rows, selects and batches them, tolerates a failure, and exports the results", async () => {
    const store = storeWithBucket();
    store.seed("in", "numbers.csv", "n\n2\n1\n3\n");
    const definition = machine({
      M: {
        Type: "Map",
        ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }, Parameters: { Bucket: "in", Key: "numbers.csv" } },
        ItemSelector: { "n.$": "States.StringToJson($$.Map.Item.Value.n)" },
        ItemBatcher: { MaxItemsPerBatch: 1, BatchInput: { "source.$": "$.source" } },
        ItemProcessor: { ...processor, StartAt: "Unbatch", States: { ...processor.States, Unbatch: { Type: "Pass", InputPath: "$.Items[0]", Next: "C" } } },
        ToleratedFailurePercentage: 50,
        ResultWriter: { Resource: put, Parameters: { Bucket: "out", Prefix: "e2e" }, WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } },
        ResultPath: "$.written",
        End: true,
      },
    });
    const result = await run(definition, { source: "csv" }, { objectStore: store });
    expect(result.status).toBe("SUCCEEDED");
    const details = (result.output as { written: { ResultWriterDetails: { Key: string } } }).written.ResultWriterDetails;
    const manifest = json(store, details.Key) as { ResultFiles: Record<string, { Key: string }[]> };
    expect(json(store, manifest.ResultFiles.SUCCEEDED?.[0]?.Key ?? "")).toEqual([{ n: 4 }, { n: 6 }]);
    expect(json(store, manifest.ResultFiles.FAILED?.[0]?.Key ?? "")).toMatchObject([{ Error: "Odd", Input: '{"Items":[{"n":1}],"BatchInput":{"source":"csv"}}' }]);
  });
});
