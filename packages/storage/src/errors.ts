/**
 * Storage errors. Each `name` is the S3 error code for the same condition, so a
 * Step Functions `Catch`/`Retry` matches them by the same name whichever store
 * a Lambda ran against.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */

/** The object does not exist (S3 `NoSuchKey`; also a HeadObject `404 NotFound`). */
export class NoSuchKey extends Error {
  override readonly name = "NoSuchKey";
  constructor(
    readonly bucket: string,
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`no object ${JSON.stringify(key)} in bucket ${JSON.stringify(bucket)}`, options);
  }
}

/** The bucket does not exist (S3 `NoSuchBucket`). */
export class NoSuchBucket extends Error {
  override readonly name = "NoSuchBucket";
  constructor(
    readonly bucket: string,
    options?: ErrorOptions,
  ) {
    super(`no bucket ${JSON.stringify(bucket)}`, options);
  }
}

/** A bucket name the store cannot use (S3 `InvalidBucketName`). */
export class InvalidBucketName extends Error {
  override readonly name = "InvalidBucketName";
  constructor(
    readonly bucket: string,
    reason: string,
  ) {
    super(`invalid bucket name ${JSON.stringify(bucket)}: ${reason}`);
  }
}

/** A key the store cannot hold (S3 uses `KeyTooLongError`/`InvalidArgument`; the local store has more limits). */
export class InvalidObjectKey extends Error {
  override readonly name = "InvalidObjectKey";
  constructor(
    readonly bucket: string,
    readonly key: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot store key ${JSON.stringify(key)} in bucket ${JSON.stringify(bucket)}: ${reason}`, options);
  }
}

/** A byte range that is not `0 <= start <= end` in whole numbers (S3 `InvalidRange`). */
export class InvalidRange extends Error {
  override readonly name = "InvalidRange";
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    super(`invalid byte range ${start}-${end}: need whole numbers with 0 <= start <= end`);
  }
}
