import { describe, expect, it } from "vitest";
import { InvalidInput } from "../validation.js";
import { decodeFormKey, normalizeUpload } from "./normalize-upload.js";
import {
  formEncode,
  sampleCloudTrailEvent,
  sampleNotificationEvent,
  sampleNotificationRecord,
  sampleObjectCreatedEvent,
} from "./sample-events.js";

/** Keys that break naive decoding: spaces, `+`, `%`, `=`, `&`, non-ASCII, slashes. */
const trickyKeys = [
  "red flower.jpg",
  "a+b.png",
  "this im + age blah.txt",
  "100%.png",
  "%2B++ %20.mp3",
  "a=b&c=d.gif",
  "photos/2024/ünïcødé 日本語 ☃.webp",
  "ARTISTS K to O.png",
  "a b+c%.png",
];

function caught(run: () => unknown): InvalidInput {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error("expected InvalidInput, nothing was thrown");
}

describe("normalizeUpload: EventBridge Object Created (route A)", () => {
  it("reads AWS's documented sample", () => {
    expect(normalizeUpload(sampleObjectCreatedEvent("example-key"))).toEqual({
      bucket: "DOC-EXAMPLE-BUCKET1",
      key: "example-key",
      size: 5,
      etag: "b1946ac92492d2347c6235b4d2611184",
      versionId: "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
    });
  });

  it("takes the key as is (it is not URL-encoded)", () => {
    for (const key of trickyKeys) expect(normalizeUpload(sampleObjectCreatedEvent(key)).key).toBe(key);
  });

  it("leaves versionId out for unversioned buckets", () => {
    const event = sampleObjectCreatedEvent("k.png", { "version-id": undefined });
    const detail = event.detail as { object: Record<string, unknown> };
    delete detail.object["version-id"];
    expect(normalizeUpload(event)).toEqual({
      bucket: "DOC-EXAMPLE-BUCKET1",
      key: "k.png",
      size: 5,
      etag: "b1946ac92492d2347c6235b4d2611184",
    });
  });

  it("keeps a multipart etag", () => {
    const event = sampleObjectCreatedEvent("big.jpg", { size: 198524144, etag: "4af95e42-12" });
    expect(normalizeUpload(event)).toMatchObject({ size: 198524144, etag: "4af95e42-12" });
  });

  it("names the missing field", () => {
    const event = sampleObjectCreatedEvent("k");
    (event.detail as { object: Record<string, unknown> }).object = { size: 1 };
    expect(caught(() => normalizeUpload(event)).issues).toEqual([
      { path: "detail.object.key", message: "key must be a string" },
    ]);
    expect(caught(() => normalizeUpload({ ...sampleObjectCreatedEvent("k"), source: "aws.s4" })).issues).toEqual([
      { path: "source", message: 'source must be "aws.s3"' },
    ]);
  });
});

describe("normalizeUpload: CloudTrail API calls (route B)", () => {
  it("reads AWS's documented PutObject sample", () => {
    expect(normalizeUpload(sampleCloudTrailEvent("test.png"))).toEqual({
      bucket: "username-sfn-tutorial",
      key: "test.png",
    });
  });

  it("reads CompleteMultipartUpload, the way large uploads are logged", () => {
    const event = sampleCloudTrailEvent("videos/big file.jpg", {
      eventName: "CompleteMultipartUpload",
      requestParameters: { uploadId: "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA" },
    });
    expect(normalizeUpload(event)).toEqual({ bucket: "username-sfn-tutorial", key: "videos/big file.jpg" });
  });

  it("reads CopyObject as its destination", () => {
    const event = sampleCloudTrailEvent("copies/b.png", {
      eventName: "CopyObject",
      requestParameters: { "x-amz-copy-source": "other-bucket/originals/a.png" },
    });
    expect(normalizeUpload(event)).toEqual({ bucket: "username-sfn-tutorial", key: "copies/b.png" });
  });

  it("takes the version id from the response of a versioned bucket", () => {
    const event = sampleCloudTrailEvent("v.png", {
      detailFields: { responseElements: { "x-amz-version-id": "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" } },
    });
    expect(normalizeUpload(event).versionId).toBe("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
  });

  it("takes requestParameters.key as is (raw)", () => {
    for (const key of trickyKeys) expect(normalizeUpload(sampleCloudTrailEvent(key)).key).toBe(key);
  });

  it("refuses a failed call, naming errorCode", () => {
    const event = sampleCloudTrailEvent("secret.png", {
      detailFields: { errorCode: "AccessDenied", errorMessage: "Access Denied" },
    });
    const error = caught(() => normalizeUpload(event));
    expect(error.name).toBe("InvalidInput");
    expect(error.issues).toEqual([
      { path: "detail.errorCode", message: "PutObject failed with AccessDenied: Access Denied; a failed call created no object" },
    ]);
  });

  it("refuses a failed call even when it lacks requestParameters", () => {
    const event = sampleCloudTrailEvent("x", { detailFields: { errorCode: "NoSuchBucket", requestParameters: null } });
    expect(caught(() => normalizeUpload(event)).issues[0]?.path).toBe("detail.errorCode");
  });

  it("refuses calls that create no object", () => {
    const event = sampleCloudTrailEvent("x.png", { eventName: "DeleteObject" });
    expect(caught(() => normalizeUpload(event)).issues).toEqual([
      { path: "detail.eventName", message: "eventName must be PutObject, CompleteMultipartUpload or CopyObject" },
    ]);
    const uploadPart = sampleCloudTrailEvent("x.png", { eventName: "UploadPart" });
    expect(caught(() => normalizeUpload(uploadPart)).issues[0]?.path).toBe("detail.eventName");
  });

  it("names a missing key", () => {
    const event = sampleCloudTrailEvent("x.png");
    delete (event.detail as { requestParameters: Record<string, unknown> }).requestParameters.key;
    expect(caught(() => normalizeUpload(event)).issues).toEqual([
      { path: "detail.requestParameters.key", message: "key must be a string" },
    ]);
  });
});

describe("normalizeUpload: classic S3 notification", () => {
  it("reads AWS's documented sample", () => {
    expect(normalizeUpload(sampleNotificationEvent("HappyFace.jpg"))).toEqual({
      bucket: "mybucket",
      key: "HappyFace.jpg",
      size: 1024,
      etag: "d41d8cd98f00b204e9800998ecf8427e",
      versionId: "096fKKXTRTtl3on89fVO.nfljtsv6qko",
    });
  });

  it("decodes form-URL-encoded keys exactly once", () => {
    expect(normalizeUpload(sampleNotificationEvent("red+flower.jpg")).key).toBe("red flower.jpg");
    // Observed by an AWS SDK maintainer (aws-sdk-net #640).
    expect(normalizeUpload(sampleNotificationEvent("this+im+%2B+age+blah.txt")).key).toBe("this im + age blah.txt");
    expect(normalizeUpload(sampleNotificationEvent("a%3Db.png")).key).toBe("a=b.png");
    for (const key of trickyKeys) expect(normalizeUpload(sampleNotificationEvent(formEncode(key))).key).toBe(key);
  });

  it("refuses a malformed escape, naming the key", () => {
    expect(caught(() => normalizeUpload(sampleNotificationEvent("100%.png"))).issues).toEqual([
      { path: "Records.0.s3.object.key", message: '"100%.png" is not a valid form-URL-encoded key' },
    ]);
  });

  it("refuses events that are not object creations", () => {
    const removed = sampleNotificationEvent("gone.png", { eventName: "ObjectRemoved:Delete" });
    expect(caught(() => normalizeUpload(removed)).issues).toEqual([
      { path: "Records.0.eventName", message: "eventName must be an ObjectCreated:* event" },
    ]);
  });

  it("wants exactly one record", () => {
    expect(caught(() => normalizeUpload({ Records: [] })).issues).toEqual([
      { path: "Records", message: "Records must hold exactly one record" },
    ]);
    const two = { Records: [sampleNotificationRecord("a"), sampleNotificationRecord("b")] };
    expect(caught(() => normalizeUpload(two)).issues[0]?.path).toBe("Records");
  });
});

describe("normalizeUpload: unknown shapes", () => {
  it("refuses non-objects", () => {
    for (const value of [null, undefined, "s3://b/k", 42, []]) {
      const error = caught(() => normalizeUpload(value));
      expect(error.issues[0]?.path).toBe("(root)");
      expect(error.message).toContain('expected an EventBridge "Object Created" event');
    }
  });

  it("refuses other EventBridge events, naming detail-type", () => {
    const deleted = { ...sampleObjectCreatedEvent("k"), "detail-type": "Object Deleted" };
    expect(caught(() => normalizeUpload(deleted)).issues[0]).toMatchObject({
      path: "detail-type",
      message: expect.stringMatching(/^"Object Deleted" is not an upload event/),
    });
  });

  it("refuses S3's test event and plain objects", () => {
    const testEvent = { Service: "Amazon S3", Event: "s3:TestEvent", Time: "2024-01-01T00:00:00.000Z", Bucket: "b" };
    expect(caught(() => normalizeUpload(testEvent)).message).toBe(
      'S3 upload event: (root): expected an EventBridge "Object Created" event, an "AWS API Call via CloudTrail" ' +
        "event for PutObject/CompleteMultipartUpload/CopyObject, or an S3 notification with Records; " +
        "got an object without detail-type",
    );
  });
});

describe("decodeFormKey", () => {
  it("turns + into a space and %XX into UTF-8", () => {
    expect(decodeFormKey("caf%C3%A9+au+lait%2B.png")).toBe("café au lait+.png");
  });
});
