import { thumbnailPrefix } from "@statecraft/contracts/s3";
import { matchEvent, type MatchResult } from "../pattern/match.js";
import type { EventPattern } from "../pattern/schema.js";
import { objectArn } from "../s3/arn.js";

/**
 * The EventBridge rules that start the image-upload workflow, one per route.
 * The CloudFormation template and `sfn upload` both build their patterns
 * here, so what is deployed is what is tested locally.
 *
 * EventBridge ORs the entries of one field and has no AND or NOT for a single
 * field: a rule cannot say "key ends in .png AND key does not start with
 * thumbnails/" on `detail.object.key`. So:
 * - the S3-notification rule (route A) only has the key itself to look at and
 *   uses it to exclude `thumbnails/`, so the thumbnails the workflow writes
 *   never start it again; non-images reach the workflow, whose first Choice
 *   ends them as skipped;
 * - the CloudTrail rule (route B) filters image suffixes on
 *   `requestParameters.key` and excludes `thumbnails/` on the object ARN in
 *   `detail.resources` (a separate field, matched within one array element).
 */

/** Image file suffixes the rules and the workflow accept, compared ignoring case. */
export const IMAGE_SUFFIXES = [".png", ".jpg", ".jpeg", ".gif", ".webp"] as const;

/** S3 calls that create an object, as CloudTrail names them (CDK `onCloudTrailWriteObject` uses the same). */
export const OBJECT_WRITE_EVENT_NAMES = ["PutObject", "CompleteMultipartUpload", "CopyObject"] as const;

/** Rule names, also the logical ids of the rules in the template. */
export const IMAGE_RULE_NAMES = {
  s3Notification: "ImageUploadS3NotificationRule",
  cloudTrail: "ImageUploadCloudTrailRule",
} as const;

/**
 * Values that differ between a deployed template and a local run: the bucket
 * name, and the ARN prefix of objects under `thumbnails/` (the contracts' `thumbnailPrefix`, where the thumbnail Lambda writes). Plain
 * strings locally; CloudFormation intrinsics (`{ Ref }`, `{ "Fn::Sub" }`) in the template.
 */
export interface ImageRuleValues<V> {
  readonly bucketName: V;
  readonly thumbnailArnPrefix: V;
}

/** Route A pattern: S3 → EventBridge "Object Created" in the bucket, not under `thumbnails/`. */
export type S3NotificationRulePattern<V> = {
  source: ["aws.s3"];
  "detail-type": ["Object Created"];
  detail: {
    bucket: { name: [V] };
    object: { key: [{ "anything-but": { prefix: string } }] };
  };
};

/** Route B pattern: successful CloudTrail object writes of image files in the bucket, not under `thumbnails/`. */
export type CloudTrailRulePattern<V> = {
  source: ["aws.s3"];
  "detail-type": ["AWS API Call via CloudTrail"];
  detail: {
    eventSource: ["s3.amazonaws.com"];
    eventName: string[];
    errorCode: [{ exists: false }];
    requestParameters: {
      bucketName: [V];
      key: { suffix: { "equals-ignore-case": string } }[];
    };
    resources: { type: ["AWS::S3::Object"]; ARN: [{ "anything-but": { prefix: V } }] };
  };
};

/** The route A pattern. @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html */
export function s3NotificationRulePattern<V>(values: ImageRuleValues<V>): S3NotificationRulePattern<V> {
  return {
    source: ["aws.s3"],
    "detail-type": ["Object Created"],
    detail: {
      bucket: { name: [values.bucketName] },
      object: { key: [{ "anything-but": { prefix: thumbnailPrefix } }] },
    },
  };
}

/** The route B pattern. @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-cloudwatch-events-s3.html */
export function cloudTrailRulePattern<V>(values: ImageRuleValues<V>): CloudTrailRulePattern<V> {
  return {
    source: ["aws.s3"],
    "detail-type": ["AWS API Call via CloudTrail"],
    detail: {
      eventSource: ["s3.amazonaws.com"],
      eventName: [...OBJECT_WRITE_EVENT_NAMES],
      errorCode: [{ exists: false }],
      requestParameters: {
        bucketName: [values.bucketName],
        key: IMAGE_SUFFIXES.map((suffix) => ({ suffix: { "equals-ignore-case": suffix } })),
      },
      resources: { type: ["AWS::S3::Object"], ARN: [{ "anything-but": { prefix: values.thumbnailArnPrefix } }] },
    },
  };
}

/** The route a rule listens to. */
export type UploadRoute = "eventbridge" | "cloudtrail";

/** A rule as deployed: its name, route, default state and pattern. */
export interface EventRule {
  readonly name: string;
  readonly route: UploadRoute;
  /** The deployed default: only the S3-notification rule is on (both would start two executions per upload). */
  readonly state: "ENABLED" | "DISABLED";
  readonly pattern: EventPattern;
}

/** Both image-upload rules with concrete values for a bucket in a region (for local runs). */
export function imageUploadRules(bucket: string, region: string): readonly EventRule[] {
  const values: ImageRuleValues<string> = {
    bucketName: bucket,
    thumbnailArnPrefix: objectArn(bucket, thumbnailPrefix, region),
  };
  return [
    { name: IMAGE_RULE_NAMES.s3Notification, route: "eventbridge", state: "ENABLED", pattern: s3NotificationRulePattern(values) },
    { name: IMAGE_RULE_NAMES.cloudTrail, route: "cloudtrail", state: "DISABLED", pattern: cloudTrailRulePattern(values) },
  ];
}

/** How each rule judged an event. */
export interface RuleVerdict {
  readonly rule: EventRule;
  readonly result: MatchResult;
}

/** Matches an event against every rule (regardless of state), in order. */
export function judgeEvent(rules: readonly EventRule[], event: unknown): readonly RuleVerdict[] {
  return rules.map((rule) => ({ rule, result: matchEvent(rule.pattern, event) }));
}
