import { InvalidRange } from "./errors.js";

/** What a store knows about an object without reading it. */
export interface ObjectHead {
  /** Size in bytes. */
  readonly size: number;
  readonly contentType?: string;
  /** Entity tag without quotes. */
  readonly etag?: string;
  readonly lastModified?: Date;
}

/** A whole object. */
export interface StoredObject extends ObjectHead {
  readonly body: Uint8Array;
}

/** Part of an object, as read by {@link ObjectStore.getRange}. */
export interface ObjectRange {
  /** The bytes from `start` to `min(end, size - 1)`; empty when `start >= size`. */
  readonly body: Uint8Array;
  readonly start: number;
  /** Size of the whole object in bytes. */
  readonly size: number;
  readonly contentType?: string;
}

/** What a store says after a write. */
export interface PutResult {
  /** Entity tag without quotes. */
  readonly etag?: string;
}

/** One object of a listing, as S3 ListObjectsV2 `Contents` describes it. */
export interface ListedObject {
  readonly key: string;
  /** Size in bytes. */
  readonly size: number;
  /** Entity tag without quotes (the MD5 of the bytes for a single-part upload). */
  readonly etag?: string;
  readonly lastModified?: Date;
  /** S3 storage class, e.g. `STANDARD` (what the local store reports). */
  readonly storageClass?: string;
}

/** What {@link ObjectStore.list} lists. */
export interface ListOptions {
  /** Only keys that start with this. */
  readonly prefix?: string;
  /**
   * At most this many objects per page.
   * @default 1000 (as S3)
   */
  readonly maxKeys?: number;
  /** The previous page's `nextContinuationToken`. */
  readonly continuationToken?: string;
}

/** One page of a listing. */
export interface ListPage {
  /** Objects in ascending key order (UTF-8 byte order, as S3). */
  readonly objects: readonly ListedObject[];
  /** Set when more objects follow: pass it as `continuationToken` for the next page. */
  readonly nextContinuationToken?: string;
}

/**
 * The few object-storage operations the Lambdas need, so they run unchanged
 * against AWS S3, any S3-compatible server, or a local folder. Missing objects
 * and buckets throw `NoSuchKey` / `NoSuchBucket`.
 */
export interface ObjectStore {
  /**
   * Reads bytes `start` to `end` inclusive, like an HTTP `Range: bytes=start-end`,
   * clipped to the object. Unlike S3 (which answers 416), a range past the end,
   * including any range of an empty object, gives an empty body.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
   */
  getRange(bucket: string, key: string, start: number, end: number): Promise<ObjectRange>;
  /** Reads a whole object. */
  get(bucket: string, key: string): Promise<StoredObject>;
  /** Writes a whole object, replacing any object with the same key. */
  put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<PutResult>;
  /** Reads an object's size and metadata. */
  head(bucket: string, key: string): Promise<ObjectHead>;
  /**
   * Lists a bucket's objects one page at a time, like S3 ListObjectsV2 (no delimiter: keys are flat).
   * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
   */
  list(bucket: string, options?: ListOptions): Promise<ListPage>;
}

/** S3's page size when `maxKeys` is not given. */
export const defaultMaxKeys = 1000;

/** Throws `InvalidRange` unless `0 <= start <= end` are whole numbers. */
export function checkRange(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new InvalidRange(start, end);
  }
}
