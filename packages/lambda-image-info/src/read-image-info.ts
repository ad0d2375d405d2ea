import { type ImageInfo, objectUri, UnsupportedImage, type UploadedObject } from "@statecraft/contracts/s3";
import type { ObjectStore } from "@statecraft/storage";
import { measureImage } from "./measure-image.js";

/**
 * How many leading bytes to read, one ranged GET after another until the
 * header is found. 64 KiB holds PNG, GIF and WebP headers (their size is in the
 * first 30 bytes) and most JPEGs; a JPEG whose EXIF, XMP or ICC segments push
 * the size marker further takes a second or third read.
 */
export const headerReadSizes: readonly number[] = [64 * 1024, 1024 * 1024, 16 * 1024 * 1024];

/**
 * The `image-info` step: format, dimensions and EXIF orientation of an
 * uploaded object, read from its first bytes without downloading it all.
 * Throws `UnsupportedImage` for an empty object, a non-image, a corrupt image,
 * or a JPEG whose size is not in its first 16 MiB; `NoSuchKey`/`NoSuchBucket`
 * when the object is gone.
 */
export async function readImageInfo(store: ObjectStore, object: UploadedObject): Promise<ImageInfo> {
  const location = objectUri(object.bucket, object.key);
  for (const readSize of headerReadSizes) {
    const range = await store.getRange(object.bucket, object.key, 0, readSize - 1);
    const complete = range.body.length >= range.size;
    const measured = measureImage(location, range.body, complete);
    if (measured !== "need-more-bytes") return { ...measured, size: range.size };
    if (complete) break;
  }
  const limit = headerReadSizes.at(-1) ?? 0;
  throw new UnsupportedImage(location, `has no image size in its first ${limit / 1024 / 1024} MiB`);
}
