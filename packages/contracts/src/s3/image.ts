import * as z from "zod";
import { BucketName, ByteSize, ObjectKey, ObjectLocation } from "./uploaded-object.js";

/**
 * The image formats the upload pipeline handles: detected by `image-info`,
 * resized by `thumbnail`. Names follow MIME subtypes (`jpeg`, not `jpg`).
 */
export const ImageFormat = z.enum(["png", "jpeg", "gif", "webp"], {
  error: "format must be one of png, jpeg, gif, webp",
});
export type ImageFormat = z.output<typeof ImageFormat>;

/** The MIME type of each {@link ImageFormat}. */
export const imageContentTypes: Readonly<Record<ImageFormat, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** A width or height in pixels. */
const Dimension = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number of pixels" })
  .positive({ error: "must be positive" });

/** Output of the `image-info` Lambda: what the image is and how big, read from its first bytes. */
export const ImageInfo = z.object({
  format: ImageFormat,
  /** Pixels, as stored (EXIF orientation is not applied). */
  width: Dimension,
  height: Dimension,
  /** Object size in bytes. */
  size: ByteSize.optional(),
  /**
   * EXIF orientation (1 to 8) when a JPEG has one; 5 to 8 mean the displayed
   * image is rotated, so width and height are swapped on screen.
   * @see https://www.cipa.jp/std/documents/e/DC-008-2012_E.pdf (Exif 2.3, tag 0x0112)
   */
  orientation: z
    .number({ error: "orientation must be a number" })
    .int({ error: "orientation must be an integer from 1 to 8" })
    .min(1, { error: "orientation must be an integer from 1 to 8" })
    .max(8, { error: "orientation must be an integer from 1 to 8" })
    .optional(),
});
export type ImageInfo = z.output<typeof ImageInfo>;

/** Output of the `thumbnail` Lambda: where the thumbnail was written and what it is. */
export const ThumbnailOutput = z.object({
  bucket: BucketName,
  key: ObjectKey,
  width: Dimension,
  height: Dimension,
  format: ImageFormat,
});
export type ThumbnailOutput = z.output<typeof ThumbnailOutput>;

/** Output of the image-upload workflow: the image, its thumbnail and where it came from. */
export const ImageSummary = z.object({
  format: ImageFormat,
  width: Dimension,
  height: Dimension,
  thumbnailKey: ObjectKey,
  source: ObjectLocation,
});
export type ImageSummary = z.output<typeof ImageSummary>;
