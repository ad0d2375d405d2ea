import { thumbnailPrefix } from "@statecraft/contracts/s3";
import { describe, expect, it } from "vitest";
import { parseEventPattern } from "../pattern/match.js";
import { cloudTrailS3Event } from "../s3/cloudtrail.js";
import { s3ObjectCreatedEvent } from "../s3/object-created.js";
import type { UploadFacts } from "../s3/upload.js";
import { IMAGE_RULE_NAMES, imageUploadRules, judgeEvent } from "./image-upload.js";

const bucket = "images-bucket";
const region = "us-east-2";
const rules = imageUploadRules(bucket, region);

const upload = (key: string, extra: Partial<UploadFacts> = {}): UploadFacts => ({
  bucket,
  key,
  size: 1234,
  etag: "0123456789abcdef0123456789abcdef",
  region,
  account: "123456789012",
  time: new Date("2026-11-30T10:00:00Z"),
  ...extra,
});

/** Names of the rules that match the event. */
function matching(event: unknown): string[] {
  return judgeEvent(rules, event)
    .filter((verdict) => verdict.result.matched)
    .map((verdict) => verdict.rule.name);
}

const images = ["cat.png", "cat.PNG", "a/b/c.jpg", "photo.JPG", "photo.jpeg", "photo.JpEg", "anim.gif", "x.webp", "X.WEBP"];
const nonImages = ["notes.txt", "png", "archive.png.zip", "image.pngx", "pic.tiff", "README"];

describe("image-upload rules", () => {
  it("are valid EventBridge patterns", () => {
    for (const rule of rules) expect(parseEventPattern(rule.pattern)).toEqual(rule.pattern);
  });

  it("only enable the S3-notification rule by default", () => {
    expect(rules.map((r) => [r.name, r.state])).toEqual([
      [IMAGE_RULE_NAMES.s3Notification, "ENABLED"],
      [IMAGE_RULE_NAMES.cloudTrail, "DISABLED"],
    ]);
  });

  it.each(images)("route A (S3 notification) matches image %s", (key) => {
    expect(matching(s3ObjectCreatedEvent(upload(key)))).toEqual([IMAGE_RULE_NAMES.s3Notification]);
  });

  it.each(images)("route B (CloudTrail) matches image %s, by PutObject and by multipart upload", (key) => {
    expect(matching(cloudTrailS3Event(upload(key)))).toEqual([IMAGE_RULE_NAMES.cloudTrail]);
    const large = upload(key, { size: 9 * 1024 * 1024, etag: "0123456789abcdef0123456789abcdef-2" });
    expect(cloudTrailS3Event(large).detail.eventName).toBe("CompleteMultipartUpload");
    expect(matching(cloudTrailS3Event(large))).toEqual([IMAGE_RULE_NAMES.cloudTrail]);
    expect(matching(cloudTrailS3Event(upload(key, { operation: "CopyObject" })))).toEqual([IMAGE_RULE_NAMES.cloudTrail]);
  });

  it.each(["thumbnails/cat.png", "thumbnails/a/b.JPG", "thumbnails/x.webp"])("no route matches %s", (key) => {
    expect(key.startsWith(thumbnailPrefix)).toBe(true);
    expect(matching(s3ObjectCreatedEvent(upload(key)))).toEqual([]);
    expect(matching(cloudTrailS3Event(upload(key)))).toEqual([]);
    const verdict = judgeEvent(rules, s3ObjectCreatedEvent(upload(key)))[0];
    expect(verdict?.result).toMatchObject({ matched: false, field: "detail.object.key" });
  });

  it("only excludes the exact thumbnails/ prefix", () => {
    for (const key of ["Thumbnails/cat.png", "photos/thumbnails/cat.png", "thumbnails.png"]) {
      expect(matching(s3ObjectCreatedEvent(upload(key)))).toEqual([IMAGE_RULE_NAMES.s3Notification]);
      expect(matching(cloudTrailS3Event(upload(key)))).toEqual([IMAGE_RULE_NAMES.cloudTrail]);
    }
  });

  it.each(nonImages)("route B does not match the non-image %s", (key) => {
    expect(matching(cloudTrailS3Event(upload(key)))).toEqual([]);
    const verdict = judgeEvent(rules, cloudTrailS3Event(upload(key)))[1];
    expect(verdict?.result).toMatchObject({ matched: false, field: "detail.requestParameters.key" });
  });

  it.each(nonImages)("route A passes the non-image %s on to the workflow, which skips it", (key) => {
    // EventBridge cannot AND a suffix test with the thumbnails/ exclusion on one field (see image-upload.ts).
    expect(matching(s3ObjectCreatedEvent(upload(key)))).toEqual([IMAGE_RULE_NAMES.s3Notification]);
  });

  it("route B does not match failed calls", () => {
    const denied = cloudTrailS3Event(upload("cat.png"), { failure: { errorCode: "AccessDenied", errorMessage: "Access Denied" } });
    expect(matching(denied)).toEqual([]);
    expect(judgeEvent(rules, denied)[1]?.result).toMatchObject({ field: "detail.errorCode" });
  });

  it("no route matches another bucket or another S3 call", () => {
    const other = upload("cat.png", { bucket: "other-bucket" });
    expect(matching(s3ObjectCreatedEvent(other))).toEqual([]);
    expect(matching(cloudTrailS3Event(other))).toEqual([]);
    const deleted = { ...cloudTrailS3Event(upload("cat.png")) };
    expect(matching({ ...deleted, detail: { ...deleted.detail, eventName: "DeleteObject" } })).toEqual([]);
    const created = s3ObjectCreatedEvent(upload("cat.png"));
    expect(matching({ ...created, "detail-type": "Object Deleted" })).toEqual([]);
  });

  it("route B excludes thumbnails only through the object element of detail.resources", () => {
    const event = cloudTrailS3Event(upload("thumbnails/cat.png"));
    // The bucket element's ARN passes the anything-but test, but its type is not AWS::S3::Object.
    expect(event.detail.resources.map((r) => r.ARN)).toEqual([
      "arn:aws:s3:::images-bucket/thumbnails/cat.png",
      "arn:aws:s3:::images-bucket",
    ]);
    expect(judgeEvent(rules, event)[1]?.result).toMatchObject({ matched: false, field: "detail.resources.ARN" });
  });
});
