import {
  imageContentTypes,
  objectUri,
  RecursiveThumbnail,
  type ThumbnailOutput,
  thumbnailKeyFor,
  thumbnailPrefix,
  UnsupportedImage,
  type UploadedObject,
} from "@statecraft/contracts/s3";
import type { ObjectStore } from "@statecraft/storage";
import { renderThumbnail } from "./render-thumbnail.js";

/** Options of the thumbnail step. */
export interface ThumbnailOptions {
  /**
   * The thumbnail fits inside a square of this many pixels.
   * @default 256
   */
  readonly maxSize?: number;
  /**
   * Bucket the thumbnails go to.
   * @default the source object's bucket
   */
  readonly bucket?: string;
  /**
   * Larger objects are refused (`UnsupportedImage`) rather than read into memory.
   * @default 50 MiB
   */
  readonly maxInputBytes?: number;
}

export const defaultThumbnailSize = 256;
export const defaultMaxInputBytes = 50 * 1024 * 1024;

/**
 * The `thumbnail` step: reads an uploaded image, writes a thumbnail in the same
 * format under `thumbnails/<original key>` and says where. Throws
 * `RecursiveThumbnail` for a key already under `thumbnails/` (it would loop),
 * `UnsupportedImage` for an empty, too large, non-image or corrupt object, and
 * `NoSuchKey`/`NoSuchBucket` when the object is gone.
 */
export async function makeThumbnail(
  store: ObjectStore,
  object: UploadedObject,
  options: ThumbnailOptions = {},
): Promise<ThumbnailOutput> {
  if (object.key.startsWith(thumbnailPrefix)) throw new RecursiveThumbnail(object.key);
  const location = objectUri(object.bucket, object.key);
  const maxInputBytes = options.maxInputBytes ?? defaultMaxInputBytes;
  // One request reads the whole object, or tells its size when it is too large.
  const range = await store.getRange(object.bucket, object.key, 0, maxInputBytes - 1);
  if (range.size === 0) throw new UnsupportedImage(location, "is empty (0 bytes)");
  if (range.size > maxInputBytes) {
    throw new UnsupportedImage(location, `is ${range.size} bytes; thumbnails are made of images up to ${maxInputBytes} bytes`);
  }
  const thumbnail = await renderThumbnail(location, range.body, options.maxSize ?? defaultThumbnailSize);
  const bucket = options.bucket ?? object.bucket;
  const key = thumbnailKeyFor(object.key);
  await store.put(bucket, key, thumbnail.body, imageContentTypes[thumbnail.format]);
  return { bucket, key, width: thumbnail.width, height: thumbnail.height, format: thumbnail.format };
}
