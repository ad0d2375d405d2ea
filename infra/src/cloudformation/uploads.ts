/**
 * The upload side of the stack: the images bucket (EventBridge notifications
 * on), the CloudTrail trail that logs its object writes, and the two rules
 * that start the image-upload workflow. Only one route is on at a time: with
 * both, every upload would start two executions.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html
 */
import type { JsonObject } from "@statecraft/asl";
import { thumbnailPrefix } from "@statecraft/contracts/s3";
import {
  cloudTrailRulePattern,
  IMAGE_RULE_NAMES,
  type ImageRuleValues,
  OBJECT_WRITE_EVENT_NAMES,
  s3NotificationRulePattern,
} from "@statecraft/events";
import { serviceRole } from "./iam.js";
import { type CfnParameter, type CfnResource, equals, getAtt, ifCondition, ref, sub } from "./model.js";

/** Logical ids of the upload resources. */
export const uploadIds = {
  bucket: "ImagesBucket",
  trailBucket: "UploadTrailBucket",
  trailBucketPolicy: "UploadTrailBucketPolicy",
  trail: "UploadTrail",
  eventsRole: "UploadRulesRole",
  routeParameter: "UploadRoute",
  trailNameParameter: "UploadTrailName",
  cloudTrailCondition: "UseCloudTrailRoute",
} as const;

/** Values of the {@link uploadIds.routeParameter} parameter. */
export const uploadRoutes = { s3Notification: "s3-eventbridge", cloudTrail: "cloudtrail" } as const;

export const uploadParameters: Record<string, CfnParameter> = {
  [uploadIds.routeParameter]: {
    Type: "String",
    Description:
      "Which route starts the image-upload workflow: S3 EventBridge notifications, or CloudTrail data events (creates a trail). Only one is on, so an upload starts one execution.",
    Default: uploadRoutes.s3Notification,
    AllowedValues: [uploadRoutes.s3Notification, uploadRoutes.cloudTrail],
  },
  [uploadIds.trailNameParameter]: {
    Type: "String",
    Description: "Name of the CloudTrail trail of the cloudtrail route (unique in the account and region).",
    Default: "statecraft-image-uploads",
  },
};

export const uploadConditions: JsonObject = {
  [uploadIds.cloudTrailCondition]: equals(ref(uploadIds.routeParameter), uploadRoutes.cloudTrail),
};

const trailArn = sub(
  `arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/\${${uploadIds.trailNameParameter}}`,
);

/** The images bucket, with every object-level event sent to the default EventBridge bus. */
function imagesBucket(): CfnResource {
  return {
    Type: "AWS::S3::Bucket",
    Properties: {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    },
  };
}

/**
 * The trail (cloudtrail route only): write data events of object creation in
 * the images bucket, delivered to its own log bucket. The trail is created
 * after the log bucket policy, or CloudTrail refuses the bucket.
 */
function trailResources(): Record<string, CfnResource> {
  const when = uploadIds.cloudTrailCondition;
  const cloudTrail = { Service: "cloudtrail.amazonaws.com" };
  const fromThisTrail = { StringEquals: { "aws:SourceArn": trailArn } };
  return {
    [uploadIds.trailBucket]: {
      Type: "AWS::S3::Bucket",
      Condition: when,
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      },
    },
    [uploadIds.trailBucketPolicy]: {
      Type: "AWS::S3::BucketPolicy",
      Condition: when,
      Properties: {
        Bucket: ref(uploadIds.trailBucket),
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AWSCloudTrailAclCheck",
              Effect: "Allow",
              Principal: cloudTrail,
              Action: "s3:GetBucketAcl",
              Resource: getAtt(uploadIds.trailBucket, "Arn"),
              Condition: fromThisTrail,
            },
            {
              Sid: "AWSCloudTrailWrite",
              Effect: "Allow",
              Principal: cloudTrail,
              Action: "s3:PutObject",
              Resource: sub(`\${${uploadIds.trailBucket}.Arn}/AWSLogs/\${AWS::AccountId}/*`),
              Condition: {
                StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn },
              },
            },
          ],
        },
      },
    },
    [uploadIds.trail]: {
      Type: "AWS::CloudTrail::Trail",
      Condition: when,
      DependsOn: uploadIds.trailBucketPolicy,
      Properties: {
        TrailName: ref(uploadIds.trailNameParameter),
        IsLogging: true,
        S3BucketName: ref(uploadIds.trailBucket),
        IsMultiRegionTrail: false,
        IncludeGlobalServiceEvents: false,
        AdvancedEventSelectors: [
          {
            Name: "Object writes in the images bucket",
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Data"] },
              { Field: "resources.type", Equals: ["AWS::S3::Object"] },
              { Field: "readOnly", Equals: ["false"] },
              { Field: "eventName", Equals: [...OBJECT_WRITE_EVENT_NAMES] },
              { Field: "resources.ARN", StartsWith: [sub(`\${${uploadIds.bucket}.Arn}/`)] },
            ],
          },
        ],
      },
    },
  };
}

/**
 * The two rules on the default bus, with patterns from `@statecraft/events`
 * (the code `sfn upload` matches against), targeting the upload workflow
 * through a role that may only start that state machine.
 */
function ruleResources(stateMachineId: string): Record<string, CfnResource> {
  const values: ImageRuleValues<JsonObject> = {
    bucketName: ref(uploadIds.bucket),
    thumbnailArnPrefix: sub(`\${${uploadIds.bucket}.Arn}/${thumbnailPrefix}`),
  };
  const target = { Id: "ImageUploadWorkflow", Arn: ref(stateMachineId), RoleArn: getAtt(uploadIds.eventsRole, "Arn") };
  const onWhenCloudTrail = (cloudTrailRoute: boolean): JsonObject =>
    ifCondition(uploadIds.cloudTrailCondition, cloudTrailRoute ? "ENABLED" : "DISABLED", cloudTrailRoute ? "DISABLED" : "ENABLED");
  return {
    [uploadIds.eventsRole]: serviceRole("events.amazonaws.com", "StartImageUploadWorkflow", [
      { actions: ["states:StartExecution"], resources: [ref(stateMachineId)] },
    ]),
    [IMAGE_RULE_NAMES.s3Notification]: {
      Type: "AWS::Events::Rule",
      Properties: {
        Description: "Object Created in the images bucket (S3 EventBridge notifications), outside thumbnails/",
        State: onWhenCloudTrail(false),
        EventPattern: s3NotificationRulePattern(values),
        Targets: [target],
      },
    },
    [IMAGE_RULE_NAMES.cloudTrail]: {
      Type: "AWS::Events::Rule",
      Properties: {
        Description: "Successful image writes in the images bucket logged by CloudTrail, outside thumbnails/",
        State: onWhenCloudTrail(true),
        EventPattern: cloudTrailRulePattern(values),
        Targets: [target],
      },
    },
  };
}

/** Every upload resource, for the state machine `stateMachineId`. */
export function uploadResources(stateMachineId: string): Record<string, CfnResource> {
  return { [uploadIds.bucket]: imagesBucket(), ...trailResources(), ...ruleResources(stateMachineId) };
}
