export { InvalidEventPatternException, type MatchResult, matchEvent, parseEventPattern } from "./pattern/match.js";
export {
  type AnythingButArgument,
  type EventPattern,
  EventPatternSchema,
  type ExactValue,
  type Matcher,
  MatcherSchema,
  type NumericCondition,
  type NumericOperator,
  type TextArgument,
} from "./pattern/schema.js";
export {
  type CloudTrailRulePattern,
  cloudTrailRulePattern,
  type EventRule,
  IMAGE_RULE_NAMES,
  IMAGE_SUFFIXES,
  type ImageRuleValues,
  imageUploadRules,
  judgeEvent,
  OBJECT_WRITE_EVENT_NAMES,
  type RuleVerdict,
  type S3NotificationRulePattern,
  s3NotificationRulePattern,
  type UploadRoute,
} from "./rules/image-upload.js";
export { bucketArn, objectArn, partitionOf } from "./s3/arn.js";
export { CloudTrailCallOptions, type CloudTrailS3Event, cloudTrailS3Event } from "./s3/cloudtrail.js";
export { type ObjectCreatedReason, type S3ObjectCreatedEvent, s3ObjectCreatedEvent } from "./s3/object-created.js";
export {
  InvalidUploadFacts,
  MULTIPART_PART_SIZE,
  MULTIPART_THRESHOLD,
  type ParsedUploadFacts,
  s3Etag,
  UploadFacts,
  UploadOperation,
  uploadOperationFor,
} from "./s3/upload.js";
