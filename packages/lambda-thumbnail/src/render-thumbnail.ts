import { type ImageFormat, UnsupportedImage } from "@statecraft/contracts/s3";
import sharp from "sharp";

/** A thumbnail as encoded bytes, with what it is. */
export interface RenderedThumbnail {
  readonly body: Uint8Array;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

const formats: ReadonlySet<string> = new Set<ImageFormat>(["png", "jpeg", "gif", "webp"]);

function isImageFormat(format: string | undefined): format is ImageFormat {
  return format !== undefined && formats.has(format);
}

/**
 * Decodes an image with sharp and encodes a thumbnail in the same format,
 * turned upright by its EXIF orientation and shrunk to fit inside
 * `maxSize`×`maxSize` (never enlarged). An animated GIF or WebP gives a still
 * thumbnail of its first frame. Throws `UnsupportedImage` for anything sharp
 * cannot decode, including truncated files (sharp's default `failOn: "warning"`),
 * and for formats other than PNG, JPEG, GIF and WebP.
 * @see https://sharp.pixelplumbing.com/api-resize
 */
export async function renderThumbnail(location: string, input: Uint8Array, maxSize: number): Promise<RenderedThumbnail> {
  let format: ImageFormat;
  try {
    const metadata = await sharp(input).metadata();
    if (!isImageFormat(metadata.format)) {
      throw new UnsupportedImage(location, `is ${metadata.format}; thumbnails are made of PNG, JPEG, GIF and WebP images`);
    }
    format = metadata.format;
    const { data, info } = await sharp(input)
      .autoOrient()
      .resize({ width: maxSize, height: maxSize, fit: "inside", withoutEnlargement: true })
      .toFormat(format)
      .toBuffer({ resolveWithObject: true });
    return { body: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof UnsupportedImage) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UnsupportedImage(location, `could not be decoded: ${message}`, { cause: error });
  }
}
