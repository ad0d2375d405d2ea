/**
 * AWS's documented sample S3 upload events, one builder per route, for tests
 * of anything that consumes them (normalizer, event patterns, local uploads).
 * Each builder takes the key exactly as that route puts it on the wire.
 * @module
 */

/** S3 → EventBridge "Object Created", from the S3 user guide (ev-events). */
export function sampleObjectCreatedEvent(
  key: string,
  objectFields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    version: "0",
    id: "17793124-05d4-b198-2fde-7ededc63b103",
    "detail-type": "Object Created",
    source: "aws.s3",
    account: "111122223333",
    time: "2021-11-12T00:00:00Z",
    region: "ca-central-1",
    resources: ["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"],
    detail: {
      version: "0",
      bucket: { name: "DOC-EXAMPLE-BUCKET1" },
      object: {
        key,
        size: 5,
        etag: "b1946ac92492d2347c6235b4d2611184",
        "version-id": "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
        sequencer: "617f08299329d189",
        ...objectFields,
      },
      "request-id": "N4N7GDK58NMKJ12R",
      requester: "123456789012",
      "source-ip-address": "1.2.3.4",
      reason: "PutObject",
    },
  };
}

/** "AWS API Call via CloudTrail" for PutObject, from the Step Functions guide (tutorial-cloudwatch-events-s3). */
export function sampleCloudTrailEvent(
  key: string,
  options: {
    eventName?: string;
    detailFields?: Record<string, unknown>;
    requestParameters?: Record<string, unknown>;
  } = {},
): Record<string, unknown> {
  return {
    version: "0",
    id: "8d6f9246-b781-44f8-a026-f1c1ab2c61f0",
    "detail-type": "AWS API Call via CloudTrail",
    source: "aws.s3",
    account: "123456789012",
    time: "2018-09-12T00:25:10Z",
    region: "us-east-2",
    resources: [],
    detail: {
      eventVersion: "1.05",
      userIdentity: {
        type: "IAMUser",
        principalId: "AKIAIOSFODNN7EXAMPLE",
        arn: "arn:aws:iam::123456789012:user/username",
        accountId: "123456789012",
        accessKeyId: "AKIAI44QH8DHBEXAMPLE",
        userName: "username",
        sessionContext: { attributes: { creationDate: "2018-09-11T20:10:38Z", mfaAuthenticated: "true" } },
        invokedBy: "signin.amazonaws.com",
      },
      eventTime: "2018-09-12T00:25:10Z",
      eventSource: "s3.amazonaws.com",
      eventName: options.eventName ?? "PutObject",
      awsRegion: "us-east-2",
      sourceIPAddress: "203.0.113.34",
      userAgent: "signin.amazonaws.com",
      requestParameters: {
        "X-Amz-Date": "20180912T002509Z",
        bucketName: "username-sfn-tutorial",
        "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
        "x-amz-acl": "private",
        "X-Amz-SignedHeaders": "content-type;host;x-amz-acl;x-amz-storage-class",
        "X-Amz-Expires": "300",
        key,
        "x-amz-storage-class": "STANDARD",
        ...options.requestParameters,
      },
      responseElements: null,
      additionalEventData: { "x-amz-id-2": "IOWQ4fDEXAMPLEQM+ey7N9WgVhSnQ6JEXAMPLEZb7hSQDASK+Jd1vEXAMPLEa3Km" },
      requestID: "79104EXAMPLEB723",
      eventID: "cdc4b7ed-e171-4cef-975a-ad829d4123e8",
      readOnly: false,
      resources: [
        { type: "AWS::S3::Object", ARN: "arn:aws:s3:::username-sfn-tutorial-2/test.png" },
        { accountId: "123456789012", type: "AWS::S3::Bucket", ARN: "arn:aws:s3:::username-sfn-tutorial" },
      ],
      eventType: "AwsApiCall",
      recipientAccountId: "123456789012",
      ...options.detailFields,
    },
  };
}

/** Classic S3 notification, from the S3 user guide (notification-content-structure). */
export function sampleNotificationEvent(
  encodedKey: string,
  recordFields: Record<string, unknown> = {},
): Record<string, unknown> {
  return { Records: [sampleNotificationRecord(encodedKey, recordFields)] };
}

/** One record of {@link sampleNotificationEvent}. */
export function sampleNotificationRecord(
  encodedKey: string,
  recordFields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: "us-west-2",
    eventTime: "1970-01-01T00:00:00.000Z",
    eventName: "ObjectCreated:Put",
    userIdentity: { principalId: "AIDAJDPLRKLG7UEXAMPLE" },
    requestParameters: { sourceIPAddress: "127.0.0.1" },
    responseElements: {
      "x-amz-request-id": "C3D13FE58DE4C810",
      "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
    },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: "testConfigRule",
      bucket: { name: "mybucket", ownerIdentity: { principalId: "A3NL1KOZZKExample" }, arn: "arn:aws:s3:::mybucket" },
      object: {
        key: encodedKey,
        size: 1024,
        eTag: "d41d8cd98f00b204e9800998ecf8427e",
        versionId: "096fKKXTRTtl3on89fVO.nfljtsv6qko",
        sequencer: "0055AED6DCD90281E5",
      },
    },
    ...recordFields,
  };
}

/**
 * Form-URL-encodes a key as classic notifications do (`encodeURIComponent`,
 * then `%20` → `+`): "this im + age.txt" → "this+im+%2B+age.txt".
 */
export function formEncode(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, "+");
}
