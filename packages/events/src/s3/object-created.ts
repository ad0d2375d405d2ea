import { bucketArn } from "./arn.js";
import {
  eventTime,
  type ParsedUploadFacts,
  randomEventId,
  randomRequestId,
  sequencerFor,
  parseUploadFacts,
  type UploadFacts,
  uploadOperationFor,
} from "./upload.js";

/** The `reason` S3 reports in an "Object Created" event. */
export type ObjectCreatedReason = "PutObject" | "POST Object" | "CopyObject" | "CompleteMultipartUpload";

/**
 * The event S3 sends to the default EventBridge bus when a bucket has
 * EventBridge notifications on and an object is created.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export type S3ObjectCreatedEvent = {
  version: "0";
  id: string;
  "detail-type": "Object Created";
  source: "aws.s3";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    version: "0";
    bucket: { name: string };
    object: { key: string; size: number; etag: string; "version-id"?: string; sequencer: string };
    "request-id": string;
    requester: string;
    "source-ip-address": string;
    reason: ObjectCreatedReason;
  };
};

/**
 * Builds the "Object Created" event exactly as S3 delivers it for an upload:
 * `time` to the second, `resources` holding the bucket ARN, the raw key,
 * no `version-id` for an unversioned bucket, and the uploading account as
 * `requester`.
 */
export function s3ObjectCreatedEvent(facts: UploadFacts): S3ObjectCreatedEvent {
  const f: ParsedUploadFacts = parseUploadFacts(facts);
  const object: S3ObjectCreatedEvent["detail"]["object"] = {
    key: f.key,
    size: f.size,
    etag: f.etag,
    ...(f.versionId === undefined ? {} : { "version-id": f.versionId }),
    sequencer: sequencerFor(f.time),
  };
  return {
    version: "0",
    id: f.id ?? randomEventId(),
    "detail-type": "Object Created",
    source: "aws.s3",
    account: f.account,
    time: eventTime(f.time),
    region: f.region,
    resources: [bucketArn(f.bucket, f.region)],
    detail: {
      version: "0",
      bucket: { name: f.bucket },
      object,
      "request-id": f.requestId ?? randomRequestId(),
      requester: f.account,
      "source-ip-address": f.sourceIp,
      reason: f.operation ?? uploadOperationFor(f.size),
    },
  };
}
