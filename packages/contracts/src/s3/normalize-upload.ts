import { type ContractIssue, InvalidInput, parseContract } from "../validation.js";
import { S3CloudTrailEvent } from "./cloudtrail-event.js";
import { S3ObjectCreatedEvent } from "./eventbridge-object-created.js";
import { S3NotificationEvent } from "./notification-event.js";
import { UploadedObject } from "./uploaded-object.js";

/** The contract name errors from {@link normalizeUpload} carry. */
export const uploadEventContract = "S3 upload event";

const expectedShapes =
  'expected an EventBridge "Object Created" event, an "AWS API Call via CloudTrail" event for ' +
  "PutObject/CompleteMultipartUpload/CopyObject, or an S3 notification with Records";

/**
 * Turns any of the three S3 upload event shapes into an {@link UploadedObject}
 * with the key decoded exactly once, the way its route encodes it:
 * - EventBridge "Object Created" (S3 EventBridge notifications): raw key.
 * - EventBridge "AWS API Call via CloudTrail" (PutObject, CompleteMultipartUpload,
 *   CopyObject): raw key in `requestParameters.key`; a failed call (`errorCode`) is refused.
 * - Classic notification (`Records[0].s3.object.key`): form-URL-encoded (`+` is a space).
 *
 * Anything else throws `InvalidInput` naming the wrong field.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function normalizeUpload(event: unknown): UploadedObject {
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    throw invalid("(root)", `${expectedShapes}; got ${describeValue(event)}`);
  }
  if ("Records" in event) return fromNotification(event);
  if (!("detail-type" in event)) throw invalid("(root)", `${expectedShapes}; got an object without detail-type`);
  const detailType = event["detail-type"];
  if (detailType === "Object Created") return fromObjectCreated(event);
  if (detailType === "AWS API Call via CloudTrail") return fromCloudTrail(event);
  throw invalid("detail-type", `${JSON.stringify(detailType)} is not an upload event; ${expectedShapes}`);
}

function fromObjectCreated(event: object): UploadedObject {
  const { detail } = parseContract(uploadEventContract, S3ObjectCreatedEvent, event);
  const object = detail.object;
  return parseContract(uploadEventContract, UploadedObject, {
    bucket: detail.bucket.name,
    key: object.key,
    ...(object.size === undefined ? {} : { size: object.size }),
    ...(object.etag === undefined ? {} : { etag: object.etag }),
    ...(object["version-id"] === undefined ? {} : { versionId: object["version-id"] }),
  });
}

function fromCloudTrail(event: object): UploadedObject {
  // A failed call is logged too, possibly without the usual parameters: refuse it first.
  const detail = "detail" in event ? event.detail : undefined;
  if (typeof detail === "object" && detail !== null && "errorCode" in detail && detail.errorCode !== undefined) {
    const message = "errorMessage" in detail && typeof detail.errorMessage === "string" ? `: ${detail.errorMessage}` : "";
    const call = "eventName" in detail && typeof detail.eventName === "string" ? detail.eventName : "the call";
    throw invalid(
      "detail.errorCode",
      `${call} failed with ${String(detail.errorCode)}${message}; a failed call created no object`,
    );
  }
  const parsed = parseContract(uploadEventContract, S3CloudTrailEvent, event).detail;
  const versionId = parsed.responseElements?.["x-amz-version-id"];
  return parseContract(uploadEventContract, UploadedObject, {
    bucket: parsed.requestParameters.bucketName,
    key: parsed.requestParameters.key,
    ...(versionId === undefined ? {} : { versionId }),
  });
}

function fromNotification(event: object): UploadedObject {
  const record = parseContract(uploadEventContract, S3NotificationEvent, event).Records[0];
  // The schema requires exactly one record, so this only narrows the type.
  if (record === undefined) throw invalid("Records", "Records must hold exactly one record");
  const object = record.s3.object;
  return parseContract(uploadEventContract, UploadedObject, {
    bucket: record.s3.bucket.name,
    key: decodeFormKey(object.key, "Records.0.s3.object.key"),
    ...(object.size === undefined ? {} : { size: object.size }),
    ...(object.eTag === undefined ? {} : { etag: object.eTag }),
    ...(object.versionId === undefined ? {} : { versionId: object.versionId }),
  });
}

/**
 * Decodes a form-URL-encoded key (`+` is a space, `%XX` a UTF-8 byte), as
 * classic notifications send them. A malformed escape throws `InvalidInput`.
 */
export function decodeFormKey(encoded: string, path = "key"): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, " "));
  } catch {
    throw invalid(path, `${JSON.stringify(encoded)} is not a valid form-URL-encoded key`);
  }
}

function invalid(path: string, message: string): InvalidInput {
  const issue: ContractIssue = { path, message };
  return new InvalidInput(uploadEventContract, [issue]);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
