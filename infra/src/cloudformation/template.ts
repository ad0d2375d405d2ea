/**
 * Assembles the whole stack: Lambda functions, state machines, the images
 * bucket with its two upload routes, and outputs.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import type { JsonObject } from "@statecraft/asl";
import { type FunctionSpec, functionResources, layerCondition } from "./functions.js";
import { type CfnOutput, type CfnParameter, type CfnResource, type CfnTemplate, equals, ref } from "./model.js";
import { findReferenceProblems } from "./references.js";
import { type DeployedFunction, stateMachineResources, templateDefinition } from "./state-machines.js";
import { uploadConditions, uploadIds, uploadParameters, uploadResources } from "./uploads.js";

/** A state machine to deploy. */
export interface StateMachineInput {
  /** Logical id, e.g. `SongLyricsStateMachine`. */
  readonly logicalId: string;
  /** The synthesized ASL, calling functions by their configured ARNs. */
  readonly definition: StateMachineDefinition;
}

/** Everything the template is made of. */
export interface TemplateInput {
  readonly description: string;
  readonly stateMachines: readonly StateMachineInput[];
  readonly functions: readonly DeployedFunction[];
  /** Logical id of the state machine the upload rules start. */
  readonly uploadStateMachine: string;
  /** `Code` of each function: its bundle folder relative to the template file. */
  readonly codePath: (spec: FunctionSpec) => string;
}

/** Thrown when the inputs cannot make a deployable template; the message lists every problem. */
export class InvalidTemplate extends Error {
  override readonly name = "InvalidTemplate";
}

/**
 * Builds the template and checks its references, throwing
 * {@link InvalidTemplate} when any does not resolve.
 */
export function assembleTemplate(input: TemplateInput): CfnTemplate {
  if (!input.stateMachines.some((machine) => machine.logicalId === input.uploadStateMachine)) {
    throw new InvalidTemplate(`the upload state machine ${input.uploadStateMachine} is not among the state machines`);
  }
  const resources: Record<string, CfnResource> = {};
  const add = (entries: Record<string, CfnResource>): void => {
    for (const [id, resource] of Object.entries(entries)) {
      if (resources[id] !== undefined) throw new InvalidTemplate(`two resources have the logical id ${id}`);
      resources[id] = resource;
    }
  };
  for (const { spec } of input.functions) add(functionResources(spec, input.codePath(spec), uploadIds.bucket));
  const outputs: Record<string, CfnOutput> = {
    ImagesBucketName: { Description: "Upload images here to start the image-upload workflow", Value: ref(uploadIds.bucket) },
  };
  for (const machine of input.stateMachines) {
    add(stateMachineResources(machine.logicalId, templateDefinition(machine.definition, input.functions)));
    outputs[`${machine.logicalId}Arn`] = { Description: `ARN of ${machine.logicalId}`, Value: ref(machine.logicalId) };
  }
  add(uploadResources(input.uploadStateMachine));
  const layerParameters: Record<string, CfnParameter> = {};
  const layerConditions: JsonObject = {};
  for (const { spec } of input.functions) {
    if (spec.layerParameter === undefined) continue;
    layerParameters[spec.layerParameter] = {
      Type: "String",
      Description: `Optional Lambda layer ARN for ${spec.logicalId} (empty: none)`,
      Default: "",
    };
    layerConditions[layerCondition(spec.layerParameter)] = { "Fn::Not": [equals(ref(spec.layerParameter), "")] };
  }
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: input.description,
    Parameters: { ...uploadParameters, ...layerParameters },
    Conditions: { ...uploadConditions, ...layerConditions },
    Resources: resources,
    Outputs: outputs,
  };
  const problems = findReferenceProblems(template);
  if (problems.length > 0) throw new InvalidTemplate(`unresolved references:\n${problems.join("\n")}`);
  return template;
}
