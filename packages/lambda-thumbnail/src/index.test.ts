import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecursiveThumbnail, ThumbnailOutput, UnsupportedImage } from "@statecraft/contracts/s3";
import { sampleObjectCreatedEvent } from "@statecraft/contracts/s3/samples";
import { LocalObjectStore } from "@statecraft/storage";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, InvalidThumbnailConfig, thumbnailOptionsFromEnv } from "./index.js";

const bucket = "uploads";
let root: string;
let store: LocalObjectStore;

function picture(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });
}

async function upload(key: string, body: Uint8Array) {
  await store.put(bucket, key, body, "application/octet-stream");
}

/** Reads a stored thumbnail back and decodes it, to check it is a real image. */
async function stored(output: ThumbnailOutput) {
  const object = await store.get(output.bucket, output.key);
  return { contentType: object.contentType, metadata: await sharp(object.body).metadata() };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "statecraft-thumbnail-"));
  store = new LocalObjectStore({ root });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("thumbnail handler", () => {
  it.each([
    ["wide.png", () => picture(800, 600).png(), "png", 256, 192],
    ["tall.jpg", () => picture(1000, 3000).jpeg(), "jpeg", 85, 256],
    ["flat.gif", () => picture(640, 640).gif(), "gif", 256, 256],
    ["photo.webp", () => picture(1200, 300).webp(), "webp", 256, 64],
    ["small.png", () => picture(100, 50).png(), "png", 100, 50],
  ])("writes a bounded %s thumbnail in the same format", async (key, encode, format, width, height) => {
    await upload(key, await encode().toBuffer());
    const output = await createHandler(store)({ bucket, key });
    expect(ThumbnailOutput.parse(output)).toEqual({ bucket, key: `thumbnails/${key}`, width, height, format });
    const { contentType, metadata } = await stored(output);
    expect(metadata).toMatchObject({ format, width, height });
    expect(contentType).toBe(`image/${format}`);
  });

  it("turns a JPEG upright by its EXIF orientation", async () => {
    await upload("rotated.jpg", await picture(800, 600).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    const output = await createHandler(store)({ bucket, key: "rotated.jpg" });
    expect(output).toMatchObject({ width: 192, height: 256 });
    expect((await stored(output)).metadata).toMatchObject({ width: 192, height: 256 });
  });

  it("honours the size and target bucket options, and keeps tricky keys", async () => {
    const key = "albums/ünï cødé+1%.png";
    await upload(key, await picture(400, 400).png().toBuffer());
    const output = await createHandler(store, { maxSize: 64, bucket: "thumbs" })({
      ...sampleObjectCreatedEvent(key),
      detail: { bucket: { name: bucket }, object: { key } },
    });
    expect(output).toEqual({ bucket: "thumbs", key: `thumbnails/${key}`, width: 64, height: 64, format: "png" });
    expect((await stored(output)).metadata).toMatchObject({ width: 64, height: 64 });
  });

  it("refuses to make thumbnails of thumbnails", async () => {
    await expect(createHandler(store)({ bucket, key: "thumbnails/wide.png" })).rejects.toBeInstanceOf(RecursiveThumbnail);
  });

  it("refuses empty, corrupt, unsupported and oversized objects with UnsupportedImage", async () => {
    await upload("empty.png", new Uint8Array(0));
    await expect(createHandler(store)({ bucket, key: "empty.png" })).rejects.toThrow(
      new UnsupportedImage("s3://uploads/empty.png", "is empty (0 bytes)"),
    );
    await upload("noise.jpg", new Uint8Array(2048).map((_, i) => (i * 7919) % 251));
    await expect(createHandler(store)({ bucket, key: "noise.jpg" })).rejects.toMatchObject({
      name: "UnsupportedImage",
      message: expect.stringMatching(/^s3:\/\/uploads\/noise\.jpg could not be decoded: /),
    });
    const jpeg = await picture(800, 600).jpeg().toBuffer();
    await upload("truncated.jpg", jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    await expect(createHandler(store)({ bucket, key: "truncated.jpg" })).rejects.toBeInstanceOf(UnsupportedImage);
    await upload("vector.svg", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'));
    await expect(createHandler(store)({ bucket, key: "vector.svg" })).rejects.toThrow(
      "s3://uploads/vector.svg is svg; thumbnails are made of PNG, JPEG, GIF and WebP images",
    );
    await expect(createHandler(store, { maxInputBytes: 100 })({ bucket, key: "wide.png" })).rejects.toThrow(
      /is \d+ bytes; thumbnails are made of images up to 100 bytes/,
    );
    await expect(store.head(bucket, "thumbnails/noise.jpg")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("passes NoSuchKey through", async () => {
    await expect(createHandler(store)({ bucket, key: "missing.png" })).rejects.toMatchObject({ name: "NoSuchKey" });
  });
});

describe("thumbnailOptionsFromEnv", () => {
  it("reads the bucket and size", () => {
    expect(thumbnailOptionsFromEnv({})).toEqual({});
    expect(thumbnailOptionsFromEnv({ THUMBNAIL_BUCKET: "thumbs", THUMBNAIL_MAX_SIZE: "128" })).toEqual({
      bucket: "thumbs",
      maxSize: 128,
    });
    expect(() => thumbnailOptionsFromEnv({ THUMBNAIL_MAX_SIZE: "huge" })).toThrow(InvalidThumbnailConfig);
  });
});
