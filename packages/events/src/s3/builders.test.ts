import { describe, expect, it } from "vitest";
import { cloudTrailS3Event } from "./cloudtrail.js";
import { s3ObjectCreatedEvent } from "./object-created.js";
import { InvalidUploadFacts, MULTIPART_THRESHOLD, s3Etag, type UploadFacts } from "./upload.js";

const facts: UploadFacts = {
  bucket: "images-bucket",
  key: "photos/cat.png",
  size: 5,
  etag: "b1946ac92492d2347c6235b4d2611184",
  region: "ca-central-1",
  account: "111122223333",
  time: new Date("2021-11-12T00:00:00.123Z"),
  id: "17793124-05d4-b198-2fde-7ededc63b103",
  requestId: "N4N7GDK58NMKJ12R",
  sourceIp: "1.2.3.4",
};

describe("s3ObjectCreatedEvent", () => {
  it("builds the event S3 sends to EventBridge for a PutObject", () => {
    expect(s3ObjectCreatedEvent(facts)).toEqual({
      version: "0",
      id: "17793124-05d4-b198-2fde-7ededc63b103",
      "detail-type": "Object Created",
      source: "aws.s3",
      account: "111122223333",
      time: "2021-11-12T00:00:00Z",
      region: "ca-central-1",
      resources: ["arn:aws:s3:::images-bucket"],
      detail: {
        version: "0",
        bucket: { name: "images-bucket" },
        object: {
          key: "photos/cat.png",
          size: 5,
          etag: "b1946ac92492d2347c6235b4d2611184",
          sequencer: "000005D08C23EA8078",
        },
        "request-id": "N4N7GDK58NMKJ12R",
        requester: "111122223333",
        "source-ip-address": "1.2.3.4",
        reason: "PutObject",
      },
    });
  });

  it("keeps the raw key, adds version-id only when versioned, and reports multipart uploads", () => {
    const event = s3ObjectCreatedEvent({
      ...facts,
      key: "a b+c%=é.png",
      versionId: "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
      size: MULTIPART_THRESHOLD,
      etag: "4af9ab0c0e1d2f33aa55bb66cc77dd88-2",
    });
    expect(event.detail.object.key).toBe("a b+c%=é.png");
    expect(event.detail.object["version-id"]).toBe("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e");
    expect(event.detail.reason).toBe("CompleteMultipartUpload");
    expect("version-id" in s3ObjectCreatedEvent(facts).detail.object).toBe(false);
  });

  it("uses the partition of the region in the bucket ARN", () => {
    expect(s3ObjectCreatedEvent({ ...facts, region: "cn-north-1" }).resources).toEqual(["arn:aws-cn:s3:::images-bucket"]);
  });

  it("generates ids in AWS formats when not given", () => {
    const { id, requestId, ...rest } = facts;
    const event = s3ObjectCreatedEvent(rest);
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.detail["request-id"]).toMatch(/^[0-9A-F]{16}$/);
  });

  it("refuses facts S3 could not report, naming the field", () => {
    expect(() => s3ObjectCreatedEvent({ ...facts, bucket: "Bad_Bucket" })).toThrow(InvalidUploadFacts);
    expect(() => s3ObjectCreatedEvent({ ...facts, bucket: "Bad_Bucket" })).toThrow(/bucket/);
    expect(() => s3ObjectCreatedEvent({ ...facts, etag: '"quoted"' })).toThrow(/etag/);
    expect(() => s3ObjectCreatedEvent({ ...facts, account: "42" })).toThrow(/account/);
    expect(() => s3ObjectCreatedEvent({ ...facts, size: -1 })).toThrow(/size/);
  });
});

describe("cloudTrailS3Event", () => {
  it("builds the CloudTrail data event EventBridge delivers for a PutObject", () => {
    const event = cloudTrailS3Event(facts, { userName: "uploader", accessKeyId: "AKIAI44QH8DHBEXAMPLE" });
    expect(event).toMatchObject({
      version: "0",
      "detail-type": "AWS API Call via CloudTrail",
      source: "aws.s3",
      account: "111122223333",
      time: "2021-11-12T00:00:00Z",
      region: "ca-central-1",
      resources: [],
      detail: {
        eventVersion: "1.09",
        userIdentity: {
          type: "IAMUser",
          arn: "arn:aws:iam::111122223333:user/uploader",
          accountId: "111122223333",
          accessKeyId: "AKIAI44QH8DHBEXAMPLE",
          userName: "uploader",
        },
        eventTime: "2021-11-12T00:00:00Z",
        eventSource: "s3.amazonaws.com",
        eventName: "PutObject",
        awsRegion: "ca-central-1",
        sourceIPAddress: "1.2.3.4",
        requestParameters: {
          bucketName: "images-bucket",
          Host: "images-bucket.s3.ca-central-1.amazonaws.com",
          key: "photos/cat.png",
        },
        responseElements: null,
        additionalEventData: { SignatureVersion: "SigV4", AuthenticationMethod: "AuthHeader", bytesTransferredIn: 5 },
        requestID: "N4N7GDK58NMKJ12R",
        readOnly: false,
        resources: [
          { type: "AWS::S3::Object", ARN: "arn:aws:s3:::images-bucket/photos/cat.png" },
          { accountId: "111122223333", type: "AWS::S3::Bucket", ARN: "arn:aws:s3:::images-bucket" },
        ],
        eventType: "AwsApiCall",
        managementEvent: false,
        recipientAccountId: "111122223333",
        eventCategory: "Data",
      },
    });
    expect(event.detail.userIdentity.principalId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(event.detail.eventID).not.toBe(event.id);
    expect("errorCode" in event.detail).toBe(false);
  });

  it("logs a large upload as CompleteMultipartUpload with an upload id", () => {
    const event = cloudTrailS3Event({ ...facts, size: MULTIPART_THRESHOLD + 1, etag: `${"a".repeat(32)}-2` });
    expect(event.detail.eventName).toBe("CompleteMultipartUpload");
    expect(event.detail.requestParameters.uploadId).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(event.detail.additionalEventData.bytesTransferredIn).toBe(0);
  });

  it("records a failed call with errorCode and errorMessage", () => {
    const event = cloudTrailS3Event(facts, { failure: { errorCode: "AccessDenied", errorMessage: "Access Denied" } });
    expect(event.detail).toMatchObject({ errorCode: "AccessDenied", errorMessage: "Access Denied" });
  });
});

describe("s3Etag", () => {
  it("is the MD5 of a single-part upload", () => {
    expect(s3Etag(new TextEncoder().encode("hello\n"))).toBe("b1946ac92492d2347c6235b4d2611184");
  });

  it("is the MD5 of the part MD5s plus the part count above the multipart threshold", () => {
    const content = new Uint8Array(MULTIPART_THRESHOLD + 10);
    expect(s3Etag(content)).toMatch(/^[0-9a-f]{32}-2$/);
    expect(s3Etag(content, 5 * 1024 * 1024)).toMatch(/-2$/);
    expect(s3Etag(new Uint8Array(3 * MULTIPART_THRESHOLD))).toMatch(/-3$/);
  });
});
