import * as z from "zod";
import { BucketName, ByteSize } from "./uploaded-object.js";

/**
 * The EventBridge event S3 sends for a new object when the bucket has EventBridge
 * notifications turned on (route A). `detail.object.key` is the raw key: it is
 * not URL-encoded, unlike classic notifications. Fields AWS may add later are kept.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export const S3ObjectCreatedEvent = z.looseObject({
  "detail-type": z.literal("Object Created", { error: 'detail-type must be "Object Created"' }),
  source: z.literal("aws.s3", { error: 'source must be "aws.s3"' }),
  detail: z.looseObject(
    {
      bucket: z.looseObject({ name: BucketName }, { error: "bucket must be an object with a name" }),
      object: z.looseObject(
        {
          key: z.string({ error: "key must be a string" }).min(1, { error: "key must not be empty" }),
          size: ByteSize.optional(),
          etag: z.string({ error: "etag must be a string" }).optional(),
          /** Missing for unversioned buckets, although `@types/aws-lambda` declares it required. */
          "version-id": z.string({ error: "version-id must be a string" }).optional(),
          sequencer: z.string({ error: "sequencer must be a string" }).optional(),
        },
        { error: "object must be an object with a key" },
      ),
      /** `PutObject`, `POST Object`, `CopyObject` or `CompleteMultipartUpload`. */
      reason: z.string({ error: "reason must be a string" }).optional(),
    },
    { error: "detail must be an object" },
  ),
});
export type S3ObjectCreatedEvent = z.output<typeof S3ObjectCreatedEvent>;
