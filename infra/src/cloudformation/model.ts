/**
 * The CloudFormation template model and the intrinsic functions used to
 * write one. Values are plain JSON, so the template is written as is.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";

export interface CfnParameter {
  readonly Type: "String" | "Number";
  readonly Description: string;
  readonly Default?: string;
  readonly AllowedValues?: readonly string[];
}

export interface CfnResource {
  readonly Type: string;
  readonly Condition?: string;
  readonly DependsOn?: string | readonly string[];
  readonly Properties?: JsonObject;
}

export interface CfnOutput {
  readonly Description: string;
  readonly Value: JsonValue;
  readonly Condition?: string;
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion: "2010-09-09";
  readonly Description: string;
  readonly Parameters: Readonly<Record<string, CfnParameter>>;
  readonly Conditions: Readonly<Record<string, JsonValue>>;
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs: Readonly<Record<string, CfnOutput>>;
}

/** `{ "Ref": id }`: a parameter's value or a resource's primary id. */
export const ref = (id: string): JsonObject => ({ Ref: id });

/** `{ "Fn::GetAtt": [id, attribute] }`. */
export const getAtt = (id: string, attribute: string): JsonObject => ({ "Fn::GetAtt": [id, attribute] });

/** `{ "Fn::Sub": text }` with `${Param}`, `${Resource}`, `${Resource.Attr}` and `${AWS::…}` placeholders. */
export const sub = (text: string): JsonObject => ({ "Fn::Sub": text });

/** `{ "Fn::If": [condition, whenTrue, whenFalse] }`. */
export const ifCondition = (condition: string, whenTrue: JsonValue, whenFalse: JsonValue): JsonObject => ({
  "Fn::If": [condition, whenTrue, whenFalse],
});

/** `{ "Fn::Equals": [a, b] }` (in Conditions). */
export const equals = (a: JsonValue, b: JsonValue): JsonObject => ({ "Fn::Equals": [a, b] });
