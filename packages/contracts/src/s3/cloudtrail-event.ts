import * as z from "zod";
import { BucketName } from "./uploaded-object.js";

/** The S3 API calls that leave a new object behind (and which route B listens to). */
export const S3UploadCall = z.enum(["PutObject", "CompleteMultipartUpload", "CopyObject"], {
  error: "eventName must be PutObject, CompleteMultipartUpload or CopyObject",
});
export type S3UploadCall = z.output<typeof S3UploadCall>;

/**
 * The EventBridge "AWS API Call via CloudTrail" event for an S3 data event
 * (route B; needs a trail whose data-event selectors cover the bucket).
 * `requestParameters.key` is the raw key. For CopyObject, `bucketName`/`key`
 * name the destination and `x-amz-copy-source` the source. A failed call
 * carries `errorCode`. Fields AWS may add later are kept.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-cloudwatch-events-s3.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html
 */
export const S3CloudTrailEvent = z.looseObject({
  "detail-type": z.literal("AWS API Call via CloudTrail", {
    error: 'detail-type must be "AWS API Call via CloudTrail"',
  }),
  source: z.literal("aws.s3", { error: 'source must be "aws.s3"' }),
  detail: z.looseObject(
    {
      eventSource: z.literal("s3.amazonaws.com", { error: 'eventSource must be "s3.amazonaws.com"' }),
      eventName: S3UploadCall,
      errorCode: z.string({ error: "errorCode must be a string" }).optional(),
      errorMessage: z.string({ error: "errorMessage must be a string" }).optional(),
      requestParameters: z.looseObject(
        {
          bucketName: BucketName,
          key: z.string({ error: "key must be a string" }).min(1, { error: "key must not be empty" }),
          "x-amz-copy-source": z.string({ error: "x-amz-copy-source must be a string" }).optional(),
        },
        { error: "requestParameters must be an object with bucketName and key" },
      ),
      responseElements: z
        .looseObject({
          "x-amz-version-id": z.string({ error: "x-amz-version-id must be a string" }).optional(),
        })
        .nullable()
        .optional(),
    },
    { error: "detail must be an object" },
  ),
});
export type S3CloudTrailEvent = z.output<typeof S3CloudTrailEvent>;
