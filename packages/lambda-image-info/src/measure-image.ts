import { type ImageFormat, UnsupportedImage } from "@statecraft/contracts/s3";
import { GIF } from "image-size/types/gif";
import { JPG } from "image-size/types/jpg";
import { PNG } from "image-size/types/png";
import { WEBP } from "image-size/types/webp";

/** Format and dimensions of an image, as its header says. */
export interface ImageMeasure {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly orientation?: number;
}

/** image-size's parser for each format the pipeline handles. */
const parsers = [
  ["png", PNG],
  ["jpeg", JPG],
  ["gif", GIF],
  ["webp", WEBP],
] as const;

/** Human names, for messages. */
const formatNames = "PNG, JPEG, GIF or WebP";

/**
 * Reads format and dimensions from the first bytes of an object with
 * image-size. Returns `"need-more-bytes"` when `bytes` is only a prefix of the
 * object and the header did not fit in it (a JPEG's size comes after its EXIF,
 * XMP and ICC segments). Throws `UnsupportedImage` when the bytes are not a
 * PNG/JPEG/GIF/WebP, or are one but corrupt.
 * @param complete whether `bytes` is the whole object
 */
export function measureImage(location: string, bytes: Uint8Array, complete: boolean): ImageMeasure | "need-more-bytes" {
  if (bytes.length === 0) throw new UnsupportedImage(location, "is empty (0 bytes)");
  const parser = detect(location, bytes);
  if (parser === undefined) throw new UnsupportedImage(location, `is not a ${formatNames} image`);
  const [format, image] = parser;
  let size: ReturnType<typeof image.calculate>;
  try {
    size = image.calculate(bytes);
  } catch (error) {
    // image-size throws TypeError or RangeError when it runs off the end of the buffer.
    if (!complete) return "need-more-bytes";
    throw new UnsupportedImage(location, `looks like a ${format} image but is corrupt: ${messageOf(error)}`, {
      cause: error,
    });
  }
  if (!(size.width > 0 && size.height > 0)) {
    throw new UnsupportedImage(location, `looks like a ${format} image but has no size (${size.width}×${size.height})`);
  }
  const orientation = size.orientation;
  const validOrientation = orientation !== undefined && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8;
  return { format, width: size.width, height: size.height, ...(validOrientation ? { orientation } : {}) };
}

function detect(location: string, bytes: Uint8Array): (typeof parsers)[number] | undefined {
  for (const parser of parsers) {
    try {
      if (parser[1].validate(bytes)) return parser;
    } catch (error) {
      // image-size's PNG check throws when the signature is right but IHDR is not.
      throw new UnsupportedImage(location, `looks like a ${parser[0]} image but is corrupt: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
