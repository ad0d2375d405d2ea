import * as z from "zod";
import { parseContract } from "../validation.js";
import { S3CloudTrailEvent } from "./cloudtrail-event.js";
import { S3ObjectCreatedEvent } from "./eventbridge-object-created.js";
import { normalizeUpload } from "./normalize-upload.js";
import { S3NotificationEvent } from "./notification-event.js";
import { UploadedObject } from "./uploaded-object.js";

/**
 * What the image Lambdas accept: an {@link UploadedObject}, or any S3 upload
 * event (so a workflow can pass the EventBridge event it was started with).
 * Use {@link parseUploadRequest} to read one: it reports errors field by field,
 * which a plain union parse cannot.
 */
export const UploadRequest = z.union([UploadedObject, S3ObjectCreatedEvent, S3CloudTrailEvent, S3NotificationEvent]);
export type UploadRequest = z.input<typeof UploadRequest>;

/**
 * Reads an {@link UploadRequest}: an event goes through `normalizeUpload`
 * (keys decoded per route); anything else must be an {@link UploadedObject}.
 * Throws `InvalidInput` naming the wrong field, under the `contract` name.
 */
export function parseUploadRequest(contract: string, value: unknown): UploadedObject {
  if (typeof value === "object" && value !== null && ("Records" in value || "detail-type" in value)) {
    return normalizeUpload(value);
  }
  return parseContract(contract, UploadedObject, value);
}
