import { existsSync } from "node:fs";
import { join } from "node:path";
import type { JsonValue } from "@statecraft/asl";
import {
  cloudTrailS3Event,
  IMAGE_RULE_NAMES,
  matchEvent,
  parseEventPattern,
  s3ObjectCreatedEvent,
  type UploadFacts,
} from "@statecraft/events";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureFunctions, fixtureInput } from "./fixtures.test-support.js";
import type { CfnTemplate } from "./model.js";
import { findReferenceProblems } from "./references.js";
import { checkTemplateAgainstSpec, loadSpecDatabase, type SpecDatabase } from "./spec-check.js";
import { assembleTemplate, InvalidTemplate } from "./template.js";

const template = assembleTemplate(fixtureInput);
const repoRoot = join(import.meta.dirname, "../../..");

let db: SpecDatabase;
beforeAll(async () => {
  db = await loadSpecDatabase();
});

/** The value at `path` under a resource's properties (undefined when absent). */
function at(id: string, ...path: (string | number)[]): unknown {
  let value: unknown = template.Resources[id]?.Properties;
  for (const step of path) {
    value = typeof value === "object" && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
  }
  return value;
}

/** A role's trusted service and its statements. */
function role(id: string): { service: unknown; statements: unknown[] } {
  expect(template.Resources[id]?.Type).toBe("AWS::IAM::Role");
  expect(at(id, "ManagedPolicyArns")).toBeUndefined();
  expect(at(id, "AssumeRolePolicyDocument", "Statement")).toHaveLength(1);
  const policies = (at(id, "Policies") ?? []) as { PolicyDocument: { Statement: unknown[] } }[];
  return {
    service: at(id, "AssumeRolePolicyDocument", "Statement", 0, "Principal", "Service"),
    statements: policies.flatMap((policy) => policy.PolicyDocument.Statement),
  };
}

const logWrite = (fn: string) => ({
  Effect: "Allow",
  Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
  Resource: [{ "Fn::GetAtt": [`${fn}LogGroup`, "Arn"] }],
});

describe("the template", () => {
  it("has every Ref, GetAtt and Sub resolving to a parameter or resource", () => {
    expect(findReferenceProblems(template)).toEqual([]);
  });

  it("conforms to AWS's resource specification: types, property names, required properties, attributes", () => {
    expect(checkTemplateAgainstSpec(template, db)).toEqual([]);
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    expect([...types].sort()).toEqual([
      "AWS::CloudTrail::Trail",
      "AWS::Events::Rule",
      "AWS::IAM::Role",
      "AWS::Lambda::Function",
      "AWS::Logs::LogGroup",
      "AWS::S3::Bucket",
      "AWS::S3::BucketPolicy",
      "AWS::StepFunctions::StateMachine",
    ]);
  });

  it("points each function's Code at its esbuild bundle folder, ready for `aws cloudformation package`", () => {
    for (const spec of Object.values(fixtureFunctions)) {
      const fn = template.Resources[spec.logicalId]?.Properties;
      expect(fn).toMatchObject({ Runtime: "nodejs22.x", Handler: "index.handler", Code: `../../${spec.packageDir}/dist/lambda` });
      expect(existsSync(join(repoRoot, spec.packageDir, "package.json"))).toBe(true);
    }
  });

  it("substitutes function ARNs into both state machines", () => {
    expect(at("SongLyricsStateMachine", "Definition", "States", "song", "Resource")).toBe(`\${SongFunctionArn}`);
    expect(at("SongLyricsStateMachine", "DefinitionSubstitutions")).toEqual({
      SongFunctionArn: { "Fn::GetAtt": ["SongFunction", "Arn"] },
      LyricsFunctionArn: { "Fn::GetAtt": ["LyricsFunction", "Arn"] },
    });
    expect(JSON.stringify(at("ImageUploadStateMachine", "Definition"))).not.toContain("arn:aws:lambda");
    expect(Object.keys(at("ImageUploadStateMachine", "DefinitionSubstitutions") ?? {}).sort()).toEqual([
      "ImageInfoFunctionArn",
      "ThumbnailFunctionArn",
    ]);
  });

  it("enables the S3-notification rule and disables the CloudTrail rule unless the route parameter says cloudtrail", () => {
    expect(template.Parameters.UploadRoute).toMatchObject({ Default: "s3-eventbridge", AllowedValues: ["s3-eventbridge", "cloudtrail"] });
    const state = (id: string) => at(id, "State", "Fn::If");
    expect(state(IMAGE_RULE_NAMES.s3Notification)).toEqual(["UseCloudTrailRoute", "DISABLED", "ENABLED"]);
    expect(state(IMAGE_RULE_NAMES.cloudTrail)).toEqual(["UseCloudTrailRoute", "ENABLED", "DISABLED"]);
    for (const id of ["UploadTrail", "UploadTrailBucket", "UploadTrailBucketPolicy"]) {
      expect(template.Resources[id]?.Condition).toBe("UseCloudTrailRoute");
    }
    expect(template.Resources.ImagesBucket?.Properties).toMatchObject({
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
  });
});

describe("least privilege", () => {
  it("lets the song and lyrics functions write their own logs and nothing else", () => {
    for (const fn of ["SongFunction", "LyricsFunction"]) {
      expect(role(`${fn}Role`)).toEqual({ service: "lambda.amazonaws.com", statements: [logWrite(fn)] });
    }
  });

  it("lets image-info read objects of the images bucket", () => {
    expect(role("ImageInfoFunctionRole")).toEqual({
      service: "lambda.amazonaws.com",
      statements: [
        logWrite("ImageInfoFunction"),
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: [{ "Fn::Sub": `\${ImagesBucket.Arn}/*` }] },
      ],
    });
  });

  it("lets thumbnail read the bucket and write under thumbnails/ only", () => {
    expect(role("ThumbnailFunctionRole")).toEqual({
      service: "lambda.amazonaws.com",
      statements: [
        logWrite("ThumbnailFunction"),
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: [{ "Fn::Sub": `\${ImagesBucket.Arn}/*` }] },
        { Effect: "Allow", Action: ["s3:PutObject"], Resource: [{ "Fn::Sub": `\${ImagesBucket.Arn}/thumbnails/*` }] },
      ],
    });
  });

  it("lets each state machine invoke only the functions its definition calls", () => {
    const invoke = (...fns: string[]) => ({
      Effect: "Allow",
      Action: ["lambda:InvokeFunction"],
      Resource: fns.flatMap((fn) => [{ "Fn::GetAtt": [fn, "Arn"] }, { "Fn::Sub": `\${${fn}.Arn}:*` }]),
    });
    expect(role("SongLyricsStateMachineRole")).toEqual({
      service: "states.amazonaws.com",
      statements: [invoke("SongFunction", "LyricsFunction")],
    });
    expect(role("ImageUploadStateMachineRole")).toEqual({
      service: "states.amazonaws.com",
      statements: [invoke("ImageInfoFunction", "ThumbnailFunction")],
    });
  });

  it("lets EventBridge start the image-upload state machine only", () => {
    expect(role("UploadRulesRole")).toEqual({
      service: "events.amazonaws.com",
      statements: [{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [{ Ref: "ImageUploadStateMachine" }] }],
    });
    for (const id of Object.values(IMAGE_RULE_NAMES)) {
      expect(at(id, "Targets")).toEqual([
        { Id: "ImageUploadWorkflow", Arn: { Ref: "ImageUploadStateMachine" }, RoleArn: { "Fn::GetAtt": ["UploadRulesRole", "Arn"] } },
      ]);
    }
  });

  it("lets only this trail write its logs", () => {
    const statements = at("UploadTrailBucketPolicy", "PolicyDocument", "Statement");
    const trailArn = {
      "Fn::Sub": `arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/\${UploadTrailName}`,
    };
    expect(statements).toMatchObject([
      { Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
      { Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
    ]);
  });
});

describe("the deployed rule patterns", () => {
  const bucket = "stack-imagesbucket-1x2y3z";
  /** Resolves the intrinsics the patterns use as a deployed stack would. */
  const deploy = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(deploy);
    if (value === null || typeof value !== "object") return value;
    if (value.Ref === "ImagesBucket") return bucket;
    if (value["Fn::Sub"] === `\${ImagesBucket.Arn}/thumbnails/`) return `arn:aws:s3:::${bucket}/thumbnails/`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deploy(v)]));
  };
  const pattern = (id: string) => parseEventPattern(deploy((at(id, "EventPattern") ?? null) as JsonValue));
  const upload = (key: string): UploadFacts => ({
    bucket,
    key,
    size: 10,
    etag: "0123456789abcdef0123456789abcdef",
    region: "us-east-1",
    account: "123456789012",
    time: new Date("2026-11-30T00:00:00Z"),
  });

  it("exclude thumbnails/ on both routes and match images", () => {
    const s3 = pattern(IMAGE_RULE_NAMES.s3Notification);
    const trail = pattern(IMAGE_RULE_NAMES.cloudTrail);
    expect(matchEvent(s3, s3ObjectCreatedEvent(upload("thumbnails/cat.png"))).matched).toBe(false);
    expect(matchEvent(trail, cloudTrailS3Event(upload("thumbnails/cat.png"))).matched).toBe(false);
    expect(matchEvent(s3, s3ObjectCreatedEvent(upload("cat.PNG"))).matched).toBe(true);
    expect(matchEvent(trail, cloudTrailS3Event(upload("cat.PNG"))).matched).toBe(true);
    expect(matchEvent(trail, cloudTrailS3Event(upload("cat.txt"))).matched).toBe(false);
  });
});

describe("the checks themselves", () => {
  /** A copy of the template with `change` applied to its JSON (resources by id). */
  type Editable = { Resources: Record<string, { Type: string; Properties: Record<string, Record<string, unknown>> }>; Outputs: Record<string, unknown> };
  const broken = (change: (t: Editable) => void): CfnTemplate => {
    const copy = structuredClone(template);
    change(copy as unknown as Editable);
    return copy;
  };

  it("report unresolved and condition-crossing references", () => {
    const problems = findReferenceProblems(
      broken((t) => {
        const r = t.Resources;
        (r.SongFunction as { Properties: Record<string, unknown> }).Properties.Role = { "Fn::GetAtt": ["NoSuchRole", "Arn"] };
        (r.LyricsFunction as { Properties: Record<string, unknown> }).Properties.Description = {
          "Fn::Sub": `\${Nope} \${AWS::Region} \${!Literal}`,
        };
        (r.ImagesBucket as { Properties: Record<string, unknown> }).Properties.Tags = [{ Key: "trail", Value: { Ref: "UploadTrail" } }];
        (r.SongLyricsStateMachine?.Properties.DefinitionSubstitutions ?? {}).Extra = "x";
      }),
    );
    expect(problems.sort()).toEqual([
      "ImagesBucket: refers to UploadTrail, which exists only when UseCloudTrailRoute",
      "LyricsFunction: Fn::Sub Nope is not a parameter or resource",
      "SongFunction: Fn::GetAtt NoSuchRole is not a resource",
      "SongLyricsStateMachine: substitution Extra is not used by the definition",
    ]);
    expect(() => assembleTemplate({ ...fixtureInput, uploadStateMachine: "Missing" })).toThrow(InvalidTemplate);
  });

  it("report unknown types and properties, missing required properties, bad values and attributes", () => {
    const problems = checkTemplateAgainstSpec(
      broken((t) => {
        const props = (id: string) => (t.Resources[id] as { Properties: Record<string, unknown> }).Properties;
        t.Resources.Extra = { Type: "AWS::S3::Buckett", Properties: {} };
        props("SongFunction").Runtim = "nodejs22.x";
        delete props("LyricsFunction").Role;
        props("ImagesBucket").NotificationConfiguration = { EventBridgeConfiguration: {} };
        props("SongFunctionLogGroup").RetentionInDays = "14";
        props("SongLyricsStateMachine").StateMachineType = "FAST";
        props("LyricsFunction").Code = { S3Bucket: "b", S3Keyy: "k" };
        t.Outputs.Bad = { Description: "", Value: { "Fn::GetAtt": ["ImagesBucket", "Nope"] } };
      }),
      db,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "Extra: unknown resource type AWS::S3::Buckett",
        "SongFunction.Properties: unknown property Runtim",
        "LyricsFunction.Properties: missing required property Role",
        "LyricsFunction.Properties.Code: unknown property S3Keyy",
        "ImagesBucket.Properties.NotificationConfiguration.EventBridgeConfiguration: missing required property EventBridgeEnabled",
        'SongFunctionLogGroup.Properties.RetentionInDays: expected a number, got "14"',
        "Outputs.Bad: ImagesBucket (AWS::S3::Bucket) has no attribute Nope",
      ]),
    );
    expect(problems.some((p) => p.startsWith("SongLyricsStateMachine.Properties.StateMachineType: expected one of"))).toBe(true);
  });
});
