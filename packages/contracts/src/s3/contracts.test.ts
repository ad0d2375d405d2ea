import { describe, expect, expectTypeOf, it } from "vitest";
import { InvalidInput, parseContract } from "../validation.js";
import { ImageInfo, ImageSummary, ThumbnailOutput } from "./image.js";
import { objectUri, RecursiveThumbnail, thumbnailKeyFor, thumbnailPrefix, UnsupportedImage } from "./image-errors.js";
import { sampleCloudTrailEvent, sampleNotificationEvent, sampleObjectCreatedEvent } from "./sample-events.js";
import { parseUploadRequest, UploadRequest } from "./upload-request.js";
import { UploadedObject } from "./uploaded-object.js";

describe("UploadedObject", () => {
  it("infers the documented type", () => {
    expectTypeOf<UploadedObject>().toEqualTypeOf<{
      bucket: string;
      key: string;
      size?: number | undefined;
      etag?: string | undefined;
      versionId?: string | undefined;
    }>();
  });

  it("refuses keys longer than 1024 UTF-8 bytes", () => {
    expect(UploadedObject.safeParse({ bucket: "b", key: "é".repeat(512) }).success).toBe(true);
    expect(() => parseContract("x", UploadedObject, { bucket: "b", key: "é".repeat(513) })).toThrow(
      "x: key: key must be at most 1024 bytes of UTF-8",
    );
  });
});

describe("parseUploadRequest", () => {
  it("accepts an UploadedObject and every event route", () => {
    expect(parseUploadRequest("f", { bucket: "b", key: "a b.png" })).toEqual({ bucket: "b", key: "a b.png" });
    expect(parseUploadRequest("f", sampleObjectCreatedEvent("a+b.png")).key).toBe("a+b.png");
    expect(parseUploadRequest("f", sampleCloudTrailEvent("a+b.png")).key).toBe("a+b.png");
    expect(parseUploadRequest("f", sampleNotificationEvent("a%2Bb.png")).key).toBe("a+b.png");
  });

  it("names the wrong field of an UploadedObject under the given contract", () => {
    expect(() => parseUploadRequest("image-info input", { bucket: "b" })).toThrow(
      new InvalidInput("image-info input", [{ path: "key", message: "key must be a string" }]),
    );
  });

  it("has a schema that accepts the same shapes (for builders and JSON Schema)", () => {
    expect(UploadRequest.safeParse(sampleObjectCreatedEvent("k")).success).toBe(true);
    expect(UploadRequest.safeParse(sampleCloudTrailEvent("k")).success).toBe(true);
    expect(UploadRequest.safeParse(sampleNotificationEvent("k")).success).toBe(true);
    expect(UploadRequest.safeParse({ bucket: "b", key: "k" }).success).toBe(true);
    expect(UploadRequest.safeParse({ bucket: "b" }).success).toBe(false);
  });
});

describe("image contracts", () => {
  it("accept what the Lambdas produce", () => {
    expect(ImageInfo.parse({ format: "jpeg", width: 800, height: 600, size: 1234, orientation: 6 })).toEqual({
      format: "jpeg",
      width: 800,
      height: 600,
      size: 1234,
      orientation: 6,
    });
    const thumbnail = { bucket: "b", key: "thumbnails/a.png", width: 256, height: 192, format: "png" };
    expect(ThumbnailOutput.parse(thumbnail)).toEqual(thumbnail);
    const summary = { format: "png", width: 800, height: 600, thumbnailKey: "thumbnails/a.png", source: { bucket: "b", key: "a.png" } };
    expect(ImageSummary.parse(summary)).toEqual(summary);
  });

  it("name each wrong field", () => {
    expect(() => parseContract("ImageInfo", ImageInfo, { format: "bmp", width: 0, height: 1.5, orientation: 9 })).toThrow(
      "ImageInfo: format: format must be one of png, jpeg, gif, webp; width: must be positive; " +
        "height: must be a whole number of pixels; orientation: orientation must be an integer from 1 to 8",
    );
  });
});

describe("image errors and thumbnail keys", () => {
  it("carry the names Step Functions matches on", () => {
    const unsupported = new UnsupportedImage(objectUri("b", "a b.png"), "is empty (0 bytes)");
    expect(unsupported).toMatchObject({ name: "UnsupportedImage", message: "s3://b/a b.png is empty (0 bytes)" });
    expect(new RecursiveThumbnail("thumbnails/x.png").name).toBe("RecursiveThumbnail");
  });

  it("puts thumbnails under thumbnails/ with the original name", () => {
    expect(thumbnailKeyFor("photos/a b+c.jpg")).toBe("thumbnails/photos/a b+c.jpg");
    expect(thumbnailKeyFor("x.png").startsWith(thumbnailPrefix)).toBe(true);
  });
});
