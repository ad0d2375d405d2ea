import * as z from "zod";

const utf8 = new TextEncoder();

/**
 * An S3 bucket name as events carry it. Only emptiness is checked: the name
 * comes from S3 itself.
 */
export const BucketName = z
  .string({ error: "bucket name must be a string" })
  .min(1, { error: "bucket name must not be empty" });

/** A size in bytes. */
export const ByteSize = z
  .number({ error: "size must be a number" })
  .int({ error: "size must be a whole number of bytes" })
  .nonnegative({ error: "size must not be negative" });

/**
 * An S3 object key, decoded (the exact key S3 stores, e.g. `photos/red flower.jpg`).
 * S3 keys are 1 to 1024 bytes of UTF-8.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
export const ObjectKey = z
  .string({ error: "key must be a string" })
  .min(1, { error: "key must not be empty" })
  .refine((key) => utf8.encode(key).length <= 1024, { error: "key must be at most 1024 bytes of UTF-8" });

/**
 * The object an upload event is about, whatever route delivered it: the result
 * of `normalizeUpload`, and the input of the image Lambdas.
 */
export const UploadedObject = z.object({
  bucket: BucketName,
  key: ObjectKey,
  /** Object size in bytes, when the event says. */
  size: ByteSize.optional(),
  /** Entity tag as S3 reports it, without quotes (a multipart upload's ends in `-<parts>`). */
  etag: z.string({ error: "etag must be a string" }).optional(),
  /** Present only for versioned buckets. */
  versionId: z.string({ error: "versionId must be a string" }).optional(),
});
export type UploadedObject = z.output<typeof UploadedObject>;

/** A bucket and a key: where an object lives. */
export const ObjectLocation = z.object({ bucket: BucketName, key: ObjectKey });
export type ObjectLocation = z.output<typeof ObjectLocation>;
