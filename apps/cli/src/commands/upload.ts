import { readFile } from "node:fs/promises";
import { basename, extname, isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { JsonValue } from "@statecraft/asl";
import { ObjectKey } from "@statecraft/contracts/s3";
import { type ExecutionResult, runExecution } from "@statecraft/engine";
import {
  cloudTrailS3Event,
  imageUploadRules,
  judgeEvent,
  type RuleVerdict,
  s3Etag,
  s3ObjectCreatedEvent,
  type UploadFacts,
} from "@statecraft/events";
import { imageUpload, parseConfig, type StatecraftConfig } from "@statecraft/infra";
import { createHandler as createImageInfo } from "@statecraft/lambda-image-info";
import { createHandler as createNormalize } from "@statecraft/lambda-normalize";
import { createHandler as createThumbnail } from "@statecraft/lambda-thumbnail";
import { LocalObjectStore } from "@statecraft/storage";
import * as z from "zod";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { defaultLocalS3Dir } from "../lambdas.js";
import { createTracePrinter } from "../trace.js";

const UploadOptions = z.object({
  file: z.string({ error: "a file to upload is required" }),
  route: z.enum(["eventbridge", "cloudtrail"], { error: '--route must be "eventbridge" or "cloudtrail"' }),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "--bucket must be an S3 bucket name (3-63 of a-z 0-9 . -)" }),
  data: z.string().min(1, { error: "--data must not be empty" }),
  key: ObjectKey.optional(),
  json: z.boolean(),
  quiet: z.boolean(),
});
type UploadOptions = z.output<typeof UploadOptions>;

const uploadFlags = {
  route: { type: "string", default: "eventbridge" },
  bucket: { type: "string", default: "statecraft-images" },
  data: { type: "string", default: defaultLocalS3Dir },
  key: { type: "string" },
  json: { type: "boolean", default: false },
  quiet: { type: "boolean", default: false },
} as const;

function parseUploadArgs(argv: readonly string[]): UploadOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof uploadFlags; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: uploadFlags, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
  const result = UploadOptions.safeParse({ ...parsed.values, file: parsed.positionals[0] });
  if (!result.success) throw new UsageError(result.error.issues.map((issue) => issue.message).join("; "));
  return result.data;
}

const contentTypes: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".txt": "text/plain",
  ".json": "application/json",
};

/** Puts the file in the local bucket; returns the facts of the upload as S3 would report them. */
async function putFile(options: UploadOptions, io: CommandIO, store: LocalObjectStore, config: StatecraftConfig): Promise<UploadFacts> {
  const path = resolve(io.cwd, options.file);
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const key = options.key ?? basename(path);
  const contentType = contentTypes[extname(key).toLowerCase()] ?? "application/octet-stream";
  await store.put(options.bucket, key, body, contentType);
  return {
    bucket: options.bucket,
    key,
    size: body.length,
    // The ETag the AWS CLI's upload would get (multipart from 8 MiB), not the local store's plain MD5.
    etag: s3Etag(body),
    region: config.region,
    account: config.account,
    time: new Date(),
  };
}

function describeVerdict(verdict: RuleVerdict): string {
  const state = verdict.rule.state === "ENABLED" ? "enabled by default" : "disabled by default";
  if (verdict.result.matched) return `  ✓ ${verdict.rule.name} (${verdict.rule.route} route, ${state}) matched`;
  return `  ✗ ${verdict.rule.name} (${verdict.rule.route} route): ${verdict.result.field}: ${verdict.result.reason}`;
}

async function upload(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = parseUploadArgs(argv);
  const config = parseConfig(undefined, io.env);
  const dataDir = resolve(io.cwd, options.data);
  const store = new LocalObjectStore({ root: dataDir });
  const facts = await putFile(options, io, store, config);
  const event = options.route === "eventbridge" ? s3ObjectCreatedEvent(facts) : cloudTrailS3Event(facts);
  const verdicts = judgeEvent(imageUploadRules(facts.bucket, facts.region), event);
  const matched = verdicts.filter((verdict) => verdict.result.matched);
  const say = (line: string): void => {
    if (!options.json) io.stdout.write(`${line}\n`);
  };

  say(`Uploaded ${options.file} to s3://${facts.bucket}/${facts.key} (${facts.size} bytes) in ${shortPath(io.cwd, dataDir)}`);
  say(`Event: "${event["detail-type"]}" (${options.route} route)`);
  say("Rules:");
  for (const verdict of verdicts) say(describeVerdict(verdict));

  const report = (execution: Record<string, JsonValue> | null): void => {
    if (!options.json) return;
    const rules = verdicts.map((v) => ({ name: v.rule.name, matched: v.result.matched }));
    io.stdout.write(`${JSON.stringify({ route: options.route, bucket: facts.bucket, key: facts.key, event, rules, execution })}\n`);
  };
  if (matched.length === 0) {
    say("No rule matched: the image-upload workflow was not started.");
    report(null);
    return 0;
  }

  say(`Starting the image-upload workflow (${matched.map((v) => v.rule.name).join(", ")})`);
  const result = await runExecution(imageUpload(config).definition, event, {
    lambdas: {
      [config.functions.normalize]: createNormalize(store),
      [config.functions.imageInfo]: createImageInfo(store),
      [config.functions.thumbnail]: createThumbnail(store),
    },
    clock: "real",
    region: config.region,
    account: config.account,
    ...(options.json || options.quiet ? {} : { onEvent: createTracePrinter(io.stdout, io.env) }),
  });
  report(executionSummary(result));
  // The trace ends with the status and output; without it, say them here.
  if (options.quiet) say(`${result.status} ${JSON.stringify(executionSummary(result))}`);
  const thumbnailKey = thumbnailKeyOf(result.output);
  if (thumbnailKey !== undefined) say(`Thumbnail: ${shortPath(io.cwd, store.objectPath(facts.bucket, thumbnailKey))}`);
  return result.status === "SUCCEEDED" ? 0 : 1;
}

/** `path` relative to `cwd` when it lies inside it, else absolute. */
function shortPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

function executionSummary(result: ExecutionResult): Record<string, JsonValue> {
  if (result.status === "SUCCEEDED") return { status: result.status, output: result.output ?? null };
  return { status: result.status, error: result.error ?? null, cause: result.cause ?? null };
}

function thumbnailKeyOf(output: JsonValue | undefined): string | undefined {
  if (output === null || typeof output !== "object" || Array.isArray(output)) return undefined;
  return typeof output.thumbnailKey === "string" ? output.thumbnailKey : undefined;
}

/** `sfn upload`: simulates an S3 upload end to end on the local machine. */
export const uploadCommand: Command = {
  name: "upload",
  usage: "upload <file> [--route eventbridge|cloudtrail] [--bucket <name>] [--data <dir>] [--key <key>] [--json] [--quiet]",
  summary:
    "Put a file in a local bucket, build the S3 event AWS would send on that route, match it against the deployed rules and run the image-upload workflow.",
  run: upload,
};
