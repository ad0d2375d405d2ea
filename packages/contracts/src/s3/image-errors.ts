/**
 * Thrown by the image Lambdas when an object is not an image they handle: not
 * an image at all, an unsupported format, corrupt, empty or too large. `name`
 * is the error name Step Functions sees, so a workflow can `Catch` it by name.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export class UnsupportedImage extends Error {
  override readonly name = "UnsupportedImage";
  constructor(
    /** `s3://bucket/key` of the object. */
    readonly location: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${location} ${reason}`, options);
  }
}

/**
 * Thrown by the thumbnail Lambda for an object under the thumbnail prefix:
 * making thumbnails of thumbnails would loop (each one is a new upload). Filter
 * the prefix out in the event rule; this error is the safety net.
 */
export class RecursiveThumbnail extends Error {
  override readonly name = "RecursiveThumbnail";
  constructor(readonly key: string) {
    super(`${JSON.stringify(key)} is itself a thumbnail; uploads under thumbnails/ must not start the workflow`);
  }
}

/** Where thumbnails are written: `thumbnails/<original key>`. */
export const thumbnailPrefix = "thumbnails/";

/** The key of the thumbnail of `key` (same name and extension, under {@link thumbnailPrefix}). */
export function thumbnailKeyFor(key: string): string {
  return `${thumbnailPrefix}${key}`;
}

/** `s3://bucket/key`, for messages. */
export function objectUri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}
