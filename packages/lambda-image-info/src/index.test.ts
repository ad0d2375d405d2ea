import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidInput } from "@statecraft/contracts";
import { ImageInfo, UnsupportedImage } from "@statecraft/contracts/s3";
import { sampleObjectCreatedEvent, sampleNotificationEvent } from "@statecraft/contracts/s3/samples";
import { LocalObjectStore, type ObjectStore } from "@statecraft/storage";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "./index.js";

const bucket = "uploads";
let root: string;
let store: LocalObjectStore;
/** Byte ranges asked for, to check how much each call reads. */
const reads: Array<[string, number, number]> = [];

function counting(inner: ObjectStore): ObjectStore {
  return {
    getRange: (b, k, start, end) => {
      reads.push([k, start, end]);
      return inner.getRange(b, k, start, end);
    },
    get: (b, k) => inner.get(b, k),
    put: (b, k, body, type) => inner.put(b, k, body, type),
    list: (b, options) => inner.list(b, options),
    head: (b, k) => inner.head(b, k),
  };
}

/** An 800×600 gradient-ish test picture, encoded by sharp. */
function picture(width = 800, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } });
}

async function upload(key: string, body: Uint8Array, type = "application/octet-stream") {
  await store.put(bucket, key, body, type);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "statecraft-image-info-"));
  store = new LocalObjectStore({ root });
  await upload("p.png", await picture().png().toBuffer());
  await upload("p.jpg", await picture().jpeg().toBuffer());
  await upload("p.gif", await picture(320, 240).gif().toBuffer());
  await upload("lossy.webp", await picture().webp().toBuffer());
  await upload("lossless.webp", await picture().webp({ lossless: true }).toBuffer());
  await upload("alpha.webp", await picture().ensureAlpha(0.5).webp().toBuffer()); // VP8X
  await upload("rotated.jpg", await picture().jpeg().withMetadata({ orientation: 6 }).toBuffer());
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("image-info handler", () => {
  const handler = () => createHandler(counting(store));

  it.each([
    ["p.png", "png", 800, 600],
    ["p.jpg", "jpeg", 800, 600],
    ["p.gif", "gif", 320, 240],
    ["lossy.webp", "webp", 800, 600],
    ["lossless.webp", "webp", 800, 600],
    ["alpha.webp", "webp", 800, 600],
  ])("measures %s with one 64 KiB ranged read", async (key, format, width, height) => {
    reads.length = 0;
    const info = await handler()({ bucket, key });
    expect(ImageInfo.parse(info)).toEqual(info);
    expect(info).toMatchObject({ format, width, height });
    expect(info.size).toBe((await store.head(bucket, key)).size);
    expect(reads).toEqual([[key, 0, 65535]]);
  });

  it("reports EXIF orientation without swapping width and height", async () => {
    expect(await handler()({ bucket, key: "rotated.jpg" })).toMatchObject({
      format: "jpeg",
      width: 800,
      height: 600,
      orientation: 6,
    });
  });

  it("reads further when a JPEG's metadata pushes its size past 64 KiB", async () => {
    // Two 60 KB APP15 segments right after SOI, as big EXIF/XMP/ICC blocks would be; decoders skip them.
    const plain = await picture(640, 480).jpeg().toBuffer();
    const filler = (length: number) => Buffer.concat([Buffer.from([0xff, 0xef, length >> 8, length & 0xff]), Buffer.alloc(length - 2, 0x20)]);
    const jpeg = Buffer.concat([plain.subarray(0, 2), filler(60_000), filler(60_000), plain.subarray(2)]);
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: "jpeg", width: 640, height: 480 });
    const sizeMarker = jpeg.indexOf(Buffer.from([0xff, 0xc0]), 2);
    expect(sizeMarker).toBeGreaterThan(65536);
    await upload("heavy-metadata.jpg", jpeg);
    reads.length = 0;
    expect(await handler()({ bucket, key: "heavy-metadata.jpg" })).toMatchObject({ format: "jpeg", width: 640, height: 480 });
    expect(reads).toEqual([
      ["heavy-metadata.jpg", 0, 65535],
      ["heavy-metadata.jpg", 0, 1048575],
    ]);
  });

  it("accepts the S3 upload events themselves, decoding keys per route", async () => {
    await upload("red flower+1.png", await picture(10, 20).png().toBuffer());
    const fromEventBridge = { ...sampleObjectCreatedEvent("red flower+1.png"), detail: { bucket: { name: bucket }, object: { key: "red flower+1.png" } } };
    expect(await handler()(fromEventBridge)).toMatchObject({ width: 10, height: 20 });
    const notification = sampleNotificationEvent("red+flower%2B1.png");
    (notification.Records as Array<{ s3: { bucket: { name: string } } }>)[0]!.s3.bucket.name = bucket;
    expect(await handler()(notification)).toMatchObject({ width: 10, height: 20 });
  });

  it("refuses an empty object", async () => {
    await upload("empty.png", new Uint8Array(0));
    await expect(handler()({ bucket, key: "empty.png" })).rejects.toThrow(
      new UnsupportedImage("s3://uploads/empty.png", "is empty (0 bytes)"),
    );
  });

  it("refuses something that is not an image", async () => {
    await upload("notes.txt", new TextEncoder().encode("just some text, not a picture"));
    await expect(handler()({ bucket, key: "notes.txt" })).rejects.toMatchObject({
      name: "UnsupportedImage",
      message: "s3://uploads/notes.txt is not a PNG, JPEG, GIF or WebP image",
    });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    await upload("vector.svg", new TextEncoder().encode(svg));
    await expect(handler()({ bucket, key: "vector.svg" })).rejects.toBeInstanceOf(UnsupportedImage);
  });

  it("refuses corrupt images", async () => {
    const png = await picture().png().toBuffer();
    const badHeader = Buffer.concat([png.subarray(0, 12), Buffer.from("JUNKJUNKJUNKJUNKJUNK")]);
    await upload("bad-header.png", badHeader);
    await expect(handler()({ bucket, key: "bad-header.png" })).rejects.toMatchObject({
      name: "UnsupportedImage",
      message: "s3://uploads/bad-header.png looks like a png image but is corrupt: Invalid PNG",
    });
    const jpeg = await picture().jpeg().toBuffer();
    await upload("truncated.jpg", jpeg.subarray(0, 100));
    reads.length = 0;
    await expect(handler()({ bucket, key: "truncated.jpg" })).rejects.toThrow(/looks like a jpeg image but is corrupt/);
    expect(reads).toHaveLength(1);
    const zeroSize = Buffer.from(png);
    zeroSize.writeUInt32BE(0, 16);
    await upload("zero-width.png", zeroSize);
    await expect(handler()({ bucket, key: "zero-width.png" })).rejects.toThrow("has no size (0×600)");
  });

  it("passes NoSuchKey through and refuses bad events with InvalidInput", async () => {
    await expect(handler()({ bucket, key: "missing.png" })).rejects.toMatchObject({ name: "NoSuchKey" });
    await expect(handler()({ bucket })).rejects.toThrow(
      new InvalidInput("image-info input", [{ path: "key", message: "key must be a string" }]),
    );
    await expect(handler()({ "detail-type": "Object Deleted" })).rejects.toMatchObject({ name: "InvalidInput" });
  });
});
