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
}

/** Throws `InvalidRange` unless `0 <= start <= end` are whole numbers. */
export function checkRange(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new InvalidRange(start, end);
  }
}
