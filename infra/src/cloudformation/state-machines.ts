/**
 * State machines in the template: the synthesized ASL with each function ARN
 * replaced by a `${<Function>Arn}` placeholder that `DefinitionSubstitutions`
 * fills in at deploy time, and a role that may invoke those functions only.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html
 */
import type { JsonObject, JsonValue, StateMachineDefinition } from "@statecraft/asl";
import { arnPlaceholder, type FunctionSpec, functionArnValue } from "./functions.js";
import { type Grant, serviceRole } from "./iam.js";
import { type CfnResource, getAtt, sub } from "./model.js";

/** A function as the synthesized ASL names it (its configured ARN) and as the template deploys it. */
export interface DeployedFunction {
  readonly arn: string;
  readonly spec: FunctionSpec;
}

/** The definition with function ARNs swapped for placeholders, and the functions it calls. */
export interface TemplatedDefinition {
  readonly definition: JsonValue;
  readonly functions: readonly FunctionSpec[];
}

/**
 * Replaces every string equal to a deployed function's ARN (a Task `Resource`,
 * or a `FunctionName` of `lambda:invoke`) with `${<Function>Arn}`.
 */
export function templateDefinition(definition: StateMachineDefinition, functions: readonly DeployedFunction[]): TemplatedDefinition {
  const byArn = new Map(functions.map((f) => [f.arn, f.spec]));
  const used = new Set<FunctionSpec>();
  const replace = (value: JsonValue): JsonValue => {
    if (typeof value === "string") {
      const spec = byArn.get(value);
      if (spec === undefined) return value;
      used.add(spec);
      return `\${${arnPlaceholder(spec)}}`;
    }
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, replace(inner)]));
    }
    return value;
  };
  const templated = replace(definition as unknown as JsonValue);
  return { definition: templated, functions: functions.map((f) => f.spec).filter((spec) => used.has(spec)) };
}

/**
 * The role and the state machine resource. The role may invoke exactly the
 * functions the definition calls (each ARN, and `ARN:*` for versions and aliases).
 */
export function stateMachineResources(logicalId: string, templated: TemplatedDefinition): Record<string, CfnResource> {
  const role = `${logicalId}Role`;
  const invocable = templated.functions.flatMap((spec) => [functionArnValue(spec), sub(`\${${spec.logicalId}.Arn}:*`)]);
  const grants: Grant[] = invocable.length === 0 ? [] : [{ actions: ["lambda:InvokeFunction"], resources: invocable }];
  const substitutions: JsonObject = Object.fromEntries(
    templated.functions.map((spec) => [arnPlaceholder(spec), functionArnValue(spec)]),
  );
  return {
    [role]: serviceRole("states.amazonaws.com", `${logicalId}Permissions`, grants),
    [logicalId]: {
      Type: "AWS::StepFunctions::StateMachine",
      Properties: {
        StateMachineType: "STANDARD",
        RoleArn: getAtt(role, "Arn"),
        Definition: templated.definition,
        DefinitionSubstitutions: substitutions,
      },
    },
  };
}
