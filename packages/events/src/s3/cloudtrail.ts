import { randomBytes } from "node:crypto";
import * as z from "zod";
import { bucketArn, objectArn, partitionOf } from "./arn.js";
import {
  eventTime,
  type ParsedUploadFacts,
  randomEventId,
  randomExtendedRequestId,
  randomRequestId,
  parseUploadFacts,
  type UploadFacts,
  uploadOperationFor,
} from "./upload.js";

/** Who made the call and how; all optional, with local defaults. */
export const CloudTrailCallOptions = z.object({
  /** IAM user name of the caller. */
  userName: z.string().min(1).default("local-uploader"),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/).optional(),
  userAgent: z.string().default("statecraft (sfn upload)"),
  /** A refused call: CloudTrail logs it with these fields and no response. */
  failure: z.object({ errorCode: z.string().min(1), errorMessage: z.string() }).optional(),
});
export type CloudTrailCallOptions = z.input<typeof CloudTrailCallOptions>;

/**
 * An "AWS API Call via CloudTrail" event for an S3 object write, as EventBridge
 * delivers it from a trail with S3 data events. There is no published
 * TypeScript type for it (`@types/aws-lambda` has none).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-cloudwatch-events-s3.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html
 */
export type CloudTrailS3Event = {
  version: "0";
  id: string;
  "detail-type": "AWS API Call via CloudTrail";
  source: "aws.s3";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    eventVersion: string;
    userIdentity: { type: "IAMUser"; principalId: string; arn: string; accountId: string; accessKeyId: string; userName: string };
    eventTime: string;
    eventSource: "s3.amazonaws.com";
    eventName: string;
    awsRegion: string;
    sourceIPAddress: string;
    userAgent: string;
    errorCode?: string;
    errorMessage?: string;
    requestParameters: { bucketName: string; Host: string; key: string; uploadId?: string };
    responseElements: null;
    additionalEventData: Record<string, string | number>;
    requestID: string;
    eventID: string;
    readOnly: false;
    resources: ({ type: "AWS::S3::Object"; ARN: string } | { accountId: string; type: "AWS::S3::Bucket"; ARN: string })[];
    eventType: "AwsApiCall";
    managementEvent: false;
    recipientAccountId: string;
    eventCategory: "Data";
  };
};

/**
 * Builds the CloudTrail event for the S3 call that created an object:
 * `PutObject` for a single upload, `CompleteMultipartUpload` for one above the
 * CLI's multipart threshold (the earlier CreateMultipartUpload/UploadPart
 * calls are separate events), `CopyObject` for a copy. The envelope
 * `resources` is empty; the object ARN is only in `detail.resources`. A failed
 * call carries `errorCode`/`errorMessage`.
 */
export function cloudTrailS3Event(facts: UploadFacts, options: CloudTrailCallOptions = {}): CloudTrailS3Event {
  const f: ParsedUploadFacts = parseUploadFacts(facts);
  const call = CloudTrailCallOptions.parse(options);
  const eventName = f.operation ?? uploadOperationFor(f.size);
  const principalId = principalIdFor(call.userName);
  const requestParameters: CloudTrailS3Event["detail"]["requestParameters"] = {
    bucketName: f.bucket,
    Host: `${f.bucket}.s3.${f.region}.amazonaws.com`,
    key: f.key,
    ...(eventName === "CompleteMultipartUpload" ? { uploadId: randomBytes(48).toString("base64url") } : {}),
  };
  const additionalEventData: Record<string, string | number> = {
    SignatureVersion: "SigV4",
    CipherSuite: "TLS_AES_128_GCM_SHA256",
    // Request body bytes: the object itself for PutObject; CMU and CopyObject send no object bytes.
    bytesTransferredIn: eventName === "PutObject" ? f.size : 0,
    AuthenticationMethod: "AuthHeader",
    "x-amz-id-2": randomExtendedRequestId(),
    bytesTransferredOut: 0,
  };
  const time = eventTime(f.time);
  return {
    version: "0",
    id: f.id ?? randomEventId(),
    "detail-type": "AWS API Call via CloudTrail",
    source: "aws.s3",
    account: f.account,
    time,
    region: f.region,
    resources: [],
    detail: {
      eventVersion: "1.09",
      userIdentity: {
        type: "IAMUser",
        principalId,
        arn: `arn:${partitionOf(f.region)}:iam::${f.account}:user/${call.userName}`,
        accountId: f.account,
        accessKeyId: call.accessKeyId ?? `AKIA${principalId.slice(4, 20)}`,
        userName: call.userName,
      },
      eventTime: time,
      eventSource: "s3.amazonaws.com",
      eventName,
      awsRegion: f.region,
      sourceIPAddress: f.sourceIp,
      userAgent: call.userAgent,
      ...(call.failure === undefined ? {} : { errorCode: call.failure.errorCode, errorMessage: call.failure.errorMessage }),
      requestParameters,
      responseElements: null,
      additionalEventData,
      requestID: f.requestId ?? randomRequestId(),
      eventID: randomEventId(),
      readOnly: false,
      resources: [
        { type: "AWS::S3::Object", ARN: objectArn(f.bucket, f.key, f.region) },
        { accountId: f.account, type: "AWS::S3::Bucket", ARN: bucketArn(f.bucket, f.region) },
      ],
      eventType: "AwsApiCall",
      managementEvent: false,
      recipientAccountId: f.account,
      eventCategory: "Data",
    },
  };
}

/** A stable IAM-style unique id (`AIDA` + 17 characters) derived from the user name. */
function principalIdFor(userName: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let hash = 2166136261;
  let id = "AIDA";
  for (let i = 0; i < 17; i++) {
    hash = Math.imul(hash ^ (userName.charCodeAt(i % userName.length) + i), 16777619) >>> 0;
    id += alphabet[hash % alphabet.length];
  }
  return id;
}
