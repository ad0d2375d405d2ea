/**
 * The Lambda functions of the stack: each with its own log group and a role
 * that may write only to that log group, plus the S3 access it needs.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html
 */
import type { JsonValue } from "@statecraft/asl";
import type { Grant } from "./iam.js";
import { serviceRole } from "./iam.js";
import { type CfnResource, getAtt, ifCondition, ref, sub } from "./model.js";

/** S3 access a function needs on the images bucket. */
export interface BucketAccess {
  /** `s3:GetObject` on every object (also what HeadObject needs). */
  readonly read: boolean;
  /** `s3:PutObject` on objects under this prefix only. */
  readonly writePrefix?: string;
}

/** A function to deploy. */
export interface FunctionSpec {
  /** Logical id, e.g. `SongFunction`; the definitions refer to `${SongFunctionArn}`. */
  readonly logicalId: string;
  /** The workspace package whose esbuild bundle (`dist/lambda`) is the code. */
  readonly packageDir: string;
  readonly description: string;
  /** @default 256 */
  readonly memorySize?: number;
  /** Seconds. @default 10 */
  readonly timeout?: number;
  readonly bucketAccess?: BucketAccess;
  /**
   * A template parameter holding an optional Lambda layer ARN (e.g. sharp's
   * Linux binaries, which the bundle leaves out); empty means no layer.
   */
  readonly layerParameter?: string;
}

/** The condition that says a function's layer parameter is set. */
export function layerCondition(parameter: string): string {
  return `Has${parameter}`;
}

/** Where the bundler writes a Lambda package's code. */
export const bundleDir = "dist/lambda";

/** The Runtime of every function (ESM `index.mjs`, `Handler: index.handler`). */
export const lambdaRuntime = "nodejs22.x";

/** Log retention of the functions' log groups, in days. */
export const logRetentionDays = 14;

/** The `${Name}` placeholder used for a function's ARN in state machine definitions. */
export function arnPlaceholder(spec: FunctionSpec): string {
  return `${spec.logicalId}Arn`;
}

/**
 * The log group, role and function resources of `spec`. `Code` is the bundle
 * folder relative to the template (`aws cloudformation package` zips and
 * uploads it, and rewrites `Code` to `{S3Bucket, S3Key}`).
 */
export function functionResources(
  spec: FunctionSpec,
  codePath: string,
  bucketLogicalId: string,
): Record<string, CfnResource> {
  const logGroup = `${spec.logicalId}LogGroup`;
  const role = `${spec.logicalId}Role`;
  const grants: Grant[] = [
    { actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [getAtt(logGroup, "Arn")] },
    ...bucketAccessGrants(spec.bucketAccess, bucketLogicalId),
  ];
  return {
    [logGroup]: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: logRetentionDays } },
    [role]: serviceRole("lambda.amazonaws.com", `${spec.logicalId}Permissions`, grants),
    [spec.logicalId]: {
      Type: "AWS::Lambda::Function",
      Properties: {
        Description: spec.description,
        Runtime: lambdaRuntime,
        Handler: "index.handler",
        Code: codePath,
        Role: getAtt(role, "Arn"),
        MemorySize: spec.memorySize ?? 256,
        Timeout: spec.timeout ?? 10,
        LoggingConfig: { LogGroup: ref(logGroup) },
        Environment: { Variables: { NODE_OPTIONS: "--enable-source-maps" } },
        ...(spec.layerParameter === undefined
          ? {}
          : { Layers: ifCondition(layerCondition(spec.layerParameter), [ref(spec.layerParameter)], ref("AWS::NoValue")) }),
      },
    },
  };
}

/** The S3 statements of `access` on the bucket `bucket` (a logical id). */
function bucketAccessGrants(access: BucketAccess | undefined, bucket: string): Grant[] {
  if (access === undefined) return [];
  const grants: Grant[] = [];
  if (access.read) grants.push({ actions: ["s3:GetObject"], resources: [sub(`\${${bucket}.Arn}/*`)] });
  if (access.writePrefix !== undefined) {
    grants.push({ actions: ["s3:PutObject"], resources: [sub(`\${${bucket}.Arn}/${access.writePrefix}*`)] });
  }
  return grants;
}

/** `Fn::GetAtt` of a function's ARN, for substitutions and policies. */
export function functionArnValue(spec: FunctionSpec): JsonValue {
  return getAtt(spec.logicalId, "Arn");
}
