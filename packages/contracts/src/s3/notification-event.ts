import * as z from "zod";
import { BucketName, ByteSize } from "./uploaded-object.js";

/**
 * One record of a classic S3 event notification (the Lambda/SQS/SNS destinations).
 * `s3.object.key` is form-URL-encoded: a space arrives as `+`, a `+` as `%2B`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export const S3NotificationRecord = z.looseObject(
  {
    eventSource: z.literal("aws:s3", { error: 'eventSource must be "aws:s3"' }),
    eventName: z
      .string({ error: "eventName must be a string" })
      .startsWith("ObjectCreated:", { error: "eventName must be an ObjectCreated:* event" }),
    s3: z.looseObject(
      {
        bucket: z.looseObject({ name: BucketName }, { error: "bucket must be an object with a name" }),
        object: z.looseObject(
          {
            key: z.string({ error: "key must be a string" }).min(1, { error: "key must not be empty" }),
            size: ByteSize.optional(),
            eTag: z.string({ error: "eTag must be a string" }).optional(),
            versionId: z.string({ error: "versionId must be a string" }).optional(),
            sequencer: z.string({ error: "sequencer must be a string" }).optional(),
          },
          { error: "object must be an object with a key" },
        ),
      },
      { error: "s3 must be an object" },
    ),
  },
  { error: "record must be an object" },
);
export type S3NotificationRecord = z.output<typeof S3NotificationRecord>;

/**
 * A classic S3 event notification for one new object. S3 puts exactly one
 * record in each notification; more (or none) is refused.
 */
export const S3NotificationEvent = z.looseObject({
  Records: z
    .array(S3NotificationRecord, { error: "Records must be an array" })
    .length(1, { error: "Records must hold exactly one record" }),
});
export type S3NotificationEvent = z.output<typeof S3NotificationEvent>;
