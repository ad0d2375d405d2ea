import { createHash, randomBytes, randomUUID } from "node:crypto";
import * as z from "zod";

/**
 * The facts about one object upload that both S3 event routes report, and the
 * helpers that derive what S3 itself would fill in (operation, ETag, ids).
 */

/**
 * Size from which the AWS CLI and SDK transfer managers switch to a multipart
 * upload (`multipart_threshold`, 8 MiB), which CloudTrail then logs as
 * `CompleteMultipartUpload` instead of `PutObject`.
 *
 * @see https://docs.aws.amazon.com/cli/latest/topic/s3-config.html#multipart-threshold
 */
export const MULTIPART_THRESHOLD = 8 * 1024 * 1024;

/** Part size of those multipart uploads (`multipart_chunksize`, 8 MiB). */
export const MULTIPART_PART_SIZE = 8 * 1024 * 1024;

/** The S3 API call that created the object. */
export const UploadOperation = z.enum(["PutObject", "CompleteMultipartUpload", "CopyObject"]);
export type UploadOperation = z.output<typeof UploadOperation>;

/** Validated input of the event builders. */
export const UploadFacts = z.object({
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "not a valid S3 bucket name (3-63 of a-z 0-9 . -)" }),
  /** The raw object key (S3 → EventBridge and CloudTrail carry it unencoded). */
  key: z.string().min(1).max(1024),
  size: z.number().int().nonnegative(),
  /** Lowercase hex MD5, with `-<parts>` for multipart uploads. */
  etag: z.string().regex(/^[0-9a-f]{32}(-\d+)?$/, { error: "not an S3 ETag (32 hex digits, optionally -<parts>)" }),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: "not an AWS region such as us-east-1" }),
  account: z.string().regex(/^\d{12}$/, { error: "an AWS account id has 12 digits" }),
  time: z.date(),
  /** Defaults to {@link uploadOperationFor} the size. */
  operation: UploadOperation.optional(),
  /** Only versioned buckets report a version id. */
  versionId: z.string().optional(),
  sourceIp: z.string().default("127.0.0.1"),
  /** Event id; a random UUID when absent. */
  id: z.guid().optional(),
  /** S3 request id; random when absent. */
  requestId: z.string().optional(),
});
export type UploadFacts = z.input<typeof UploadFacts>;
export type ParsedUploadFacts = z.output<typeof UploadFacts>;

/** Thrown when upload facts could not come from S3; the message names each wrong field. */
export class InvalidUploadFacts extends Error {
  override readonly name = "InvalidUploadFacts";
}

/** Validates upload facts, throwing {@link InvalidUploadFacts}. */
export function parseUploadFacts(facts: UploadFacts): ParsedUploadFacts {
  const result = UploadFacts.safeParse(facts);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
  throw new InvalidUploadFacts(`invalid upload facts: ${problems.join("; ")}`);
}

/** The operation the AWS CLI uses for an object of this size. */
export function uploadOperationFor(size: number): UploadOperation {
  return size >= MULTIPART_THRESHOLD ? "CompleteMultipartUpload" : "PutObject";
}

/**
 * The ETag S3 gives an object uploaded the way the AWS CLI uploads it: the MD5
 * of the content, or for a multipart upload the MD5 of the parts' binary MD5s
 * followed by `-<number of parts>`.
 */
export function s3Etag(content: Uint8Array, partSize: number = MULTIPART_PART_SIZE): string {
  if (content.length < MULTIPART_THRESHOLD) return md5(content).toString("hex");
  const digests: Buffer[] = [];
  for (let offset = 0; offset < content.length; offset += partSize) {
    digests.push(md5(content.subarray(offset, offset + partSize)));
  }
  return `${md5(Buffer.concat(digests)).toString("hex")}-${digests.length}`;
}

function md5(data: Uint8Array): Buffer {
  return createHash("md5").update(data).digest();
}

/** ISO time with second precision, as EventBridge and CloudTrail write it. */
export function eventTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A random id in the format of S3 request ids: 16 uppercase hex characters. */
export function randomRequestId(): string {
  return randomBytes(8).toString("hex").toUpperCase();
}

/** A random event id (UUID v4). */
export function randomEventId(): string {
  return randomUUID();
}

/** A random extended request id (`x-amz-id-2`), 76 base64 characters. */
export function randomExtendedRequestId(): string {
  return randomBytes(57).toString("base64");
}

/** The S3 sequencer for an event at `time`: hex, ordered by time within a key. */
export function sequencerFor(time: Date): string {
  return (time.getTime() * 1000).toString(16).toUpperCase().padStart(18, "0");
}
