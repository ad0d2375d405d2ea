import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runSfn } from "../testing/run-in-process.js";

let dir: string;
let definitionFile: string;

/** A Distributed Map that reads `items-in/<key>`, doubles each number and writes its results under `results-out/runs/`. */
const definition = {
  StartAt: "Double",
  States: {
    Double: {
      Type: "Map",
      ItemReader: {
        Resource: "arn:aws:states:::s3:getObject",
        ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
        Parameters: { Bucket: "items-in", "Key.$": "$.key" },
      },
      ItemSelector: { "n.$": "States.StringToJson($$.Map.Item.Value.n)" },
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "Add",
        States: { Add: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, $.n)" }, End: true } },
      },
      ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "results-out", Prefix: "runs" }, WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } },
      End: true,
    },
  },
};

function sfn(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  return runSfn(argv, { cwd: dir, env: { NO_COLOR: "1", ...env } });
}

interface Written {
  MapRunArn: string;
  ResultWriterDetails: { Bucket: string; Key: string };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sfn-run-map-"));
  definitionFile = join(dir, "map.asl.json");
  await writeFile(definitionFile, JSON.stringify(definition));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sfn run with a Distributed Map on S3", () => {
  it("reads and writes the local buckets in .statecraft/s3", async () => {
    await mkdir(join(dir, ".statecraft", "s3", "items-in"), { recursive: true });
    await mkdir(join(dir, ".statecraft", "s3", "results-out"), { recursive: true });
    await writeFile(join(dir, ".statecraft", "s3", "items-in", "numbers.csv"), "n\n1\n2\n");
    const { code, stdout } = await sfn({}, "run", definitionFile, "--input", '{"key":"numbers.csv"}', "--json", "--no-wait");
    expect(code).toBe(0);
    const { output } = JSON.parse(stdout) as { output: Written };
    expect(output.ResultWriterDetails).toEqual({ Bucket: "results-out", Key: expect.stringMatching(/^runs\/[\w-]+\/manifest\.json$/) });
    const folder = join(dir, ".statecraft", "s3", "results-out", ...output.ResultWriterDetails.Key.split("/").slice(0, -1));
    expect(JSON.parse(await readFile(join(folder, "SUCCEEDED_0.json"), "utf8"))).toEqual([{ n: 2 }, { n: 4 }]);
    expect(JSON.parse(await readFile(join(folder, "manifest.json"), "utf8"))).toMatchObject({ DestinationBucket: "results-out", MapRunArn: output.MapRunArn });
  });

  it("fails with States.ItemReaderFailed naming the missing object", async () => {
    const { code, stdout } = await sfn({}, "run", definitionFile, "--input", '{"key":"missing.csv"}', "--json", "--no-wait");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: "FAILED", error: "States.ItemReaderFailed", cause: expect.stringContaining("'missing.csv' in the bucket 'items-in'") });
  });

  describe("with AWS_ENDPOINT_URL_S3 set", () => {
    let server: S3rver;
    let client: S3Client;
    let endpoint: string;
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

    beforeAll(async () => {
      server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: join(dir, "s3rver") });
      const { port } = await server.run();
      endpoint = `http://127.0.0.1:${port}`;
      // The SDK's credential chain reads the process environment; s3rver accepts only this key.
      process.env.AWS_ACCESS_KEY_ID = "S3RVER";
      process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
      client = new S3Client({ endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
      for (const bucket of ["items-in", "results-out"]) await client.send(new CreateBucketCommand({ Bucket: bucket }));
      await client.send(new PutObjectCommand({ Bucket: "items-in", Key: "numbers.csv", Body: "n\n5\n" }));
    });
    afterAll(async () => {
      client?.destroy();
      await server?.close();
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    });

    it("reads and writes that S3 endpoint", async () => {
      const env = { AWS_ENDPOINT_URL_S3: endpoint, AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
      const { code, stdout } = await sfn(env, "run", definitionFile, "--input", '{"key":"numbers.csv"}', "--json", "--no-wait");
      expect(code).toBe(0);
      const { output } = JSON.parse(stdout) as { output: Written };
      const key = output.ResultWriterDetails.Key.replace("manifest.json", "SUCCEEDED_0.json");
      const object = await client.send(new GetObjectCommand({ Bucket: "results-out", Key: key }));
      expect(JSON.parse((await object.Body?.transformToString()) ?? "")).toEqual([{ n: 10 }]);
    });
  });
});
