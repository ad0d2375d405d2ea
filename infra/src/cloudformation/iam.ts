/**
 * IAM roles for the stack, each granting one user exactly what it needs.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import type { CfnResource } from "./model.js";

/** One `Allow` statement. */
export interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly JsonValue[];
  readonly condition?: JsonObject;
}

/** The service principals that assume the stack's roles. */
export type ServicePrincipal = "lambda.amazonaws.com" | "states.amazonaws.com" | "events.amazonaws.com";

/** An IAM policy document of `Allow` statements. */
export function policyDocument(grants: readonly Grant[]): JsonObject {
  return {
    Version: "2012-10-17",
    Statement: grants.map((grant) => ({
      Effect: "Allow",
      Action: [...grant.actions],
      Resource: [...grant.resources],
      ...(grant.condition === undefined ? {} : { Condition: grant.condition }),
    })),
  };
}

/**
 * A role `service` can assume, with one inline policy named `policyName`
 * (none when there is nothing to grant). No managed policies: every
 * permission is listed here.
 */
export function serviceRole(service: ServicePrincipal, policyName: string, grants: readonly Grant[], condition?: string): CfnResource {
  return {
    Type: "AWS::IAM::Role",
    ...(condition === undefined ? {} : { Condition: condition }),
    Properties: {
      AssumeRolePolicyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
      },
      ...(grants.length === 0 ? {} : { Policies: [{ PolicyName: policyName, PolicyDocument: policyDocument(grants) }] }),
    },
  };
}
