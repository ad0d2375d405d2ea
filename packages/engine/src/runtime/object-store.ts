/**
 * The object store a Distributed Map reads items from (`ItemReader`) and writes results to (`ResultWriter`): a
 * port with the three S3 operations Step Functions calls, `GetObject`, `PutObject` and `ListObjectsV2`. It has
 * the shape of `@statecraft/storage`'s `ObjectStore` (a local folder or S3), which can be passed as it is; any
 * object with these methods works (tests use an in-memory one).
 *
 * Errors are the store's: a thrown error's `name` and `message` end up in the `States.ItemReaderFailed` /
 * `States.ResultWriterFailed` cause.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */

/** One object of a listing (S3 ListObjectsV2 `Contents`). */
export interface MapListedObject {
  readonly key: string;
  /** Size in bytes. */
  readonly size: number;
  /** Entity tag without quotes. */
  readonly etag?: string;
  readonly lastModified?: Date;
  /** @default "STANDARD" */
  readonly storageClass?: string;
}

/** What one listing request asks for. */
export interface MapListOptions {
  readonly prefix?: string;
  readonly continuationToken?: string;
}

/** One page of a listing, in ascending key order. */
export interface MapListPage {
  readonly objects: readonly MapListedObject[];
  /** Set when more objects follow. */
  readonly nextContinuationToken?: string;
}

/** The S3 operations a Distributed Map's `ItemReader` and `ResultWriter` use. */
export interface MapObjectStore {
  /** S3 GetObject: the whole object. Throws (e.g. `NoSuchKey`, `NoSuchBucket`) when it cannot. */
  get(bucket: string, key: string): Promise<{ readonly body: Uint8Array }>;
  /** S3 PutObject: writes a whole object. */
  put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<unknown>;
  /** S3 ListObjectsV2: one page of the objects whose keys start with `prefix`. */
  list(bucket: string, options?: MapListOptions): Promise<MapListPage>;
}
