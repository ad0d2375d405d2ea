import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateStateMachineCommand, DescribeExecutionCommand, type DescribeExecutionCommandOutput, type SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { LocalObjectStore } from "@statecraft/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.js";
import { localClient, roleArn } from "./testing/fixtures.js";

let folder: string;
let store: LocalObjectStore;
let server: RunningServer;
let client: SFNClient;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "sfn-serve-map-"));
  store = new LocalObjectStore({ root: folder });
  server = await startServer({ port: 0, objectStore: store });
  client = localClient(server.url);
});
afterAll(async () => {
  client.destroy();
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

async function settle(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  for (;;) {
    const out = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (out.status !== "RUNNING") return out;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("sfn serve runs a Distributed Map on its object store", () => {
  it("reads items with an ItemReader and writes them with a ResultWriter", async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await store.put("items", "list.jsonl", encode('{"id":1}\n{"id":2}\n'), "application/jsonl");
    await store.put("results", ".keep", encode(""), "text/plain");
    const definition = {
      StartAt: "Each",
      States: {
        Each: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSONL" }, Parameters: { Bucket: "items", Key: "list.jsonl" } },
          ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "results", Prefix: "each" }, WriterConfig: { Transformation: "COMPACT" } },
          End: true,
        },
      },
    };
    const created = await client.send(new CreateStateMachineCommand({ name: "s3-map", definition: JSON.stringify(definition), roleArn }));
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: created.stateMachineArn, input: "{}" }));
    const done = await settle(started.executionArn ?? "");
    expect(done.status).toBe("SUCCEEDED");
    const output = JSON.parse(done.output ?? "null") as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    expect(output.MapRunArn).toMatch(/:mapRun:s3-map\/Each:/);
    const written = await store.get("results", output.ResultWriterDetails.Key.replace("manifest.json", "SUCCEEDED_0.json"));
    expect(JSON.parse(new TextDecoder().decode(written.body))).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
