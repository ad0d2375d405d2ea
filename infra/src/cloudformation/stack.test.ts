import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { findReferenceProblems } from "./references.js";
import { checkTemplateAgainstSpec, loadSpecDatabase, type SpecDatabase } from "./spec-check.js";
import { buildTemplate, stackFunctions, stateMachineLogicalId, writeTemplate } from "./stack.js";

const repoRoot = join(import.meta.dirname, "../../..");
const templateDir = join(repoRoot, "infra", "dist");
const template = buildTemplate(parseConfig(undefined, {}), { templateDir, repoRoot });

let db: SpecDatabase;
beforeAll(async () => {
  db = await loadSpecDatabase();
});

describe("the project's stack", () => {
  it("resolves every reference and conforms to the resource specification", () => {
    expect(findReferenceProblems(template)).toEqual([]);
    expect(checkTemplateAgainstSpec(template, db)).toEqual([]);
  });

  it("deploys every function from its package's bundle folder, relative to infra/dist", () => {
    for (const spec of Object.values(stackFunctions)) {
      const code = template.Resources[spec.logicalId]?.Properties?.Code;
      expect(code).toBe(`../../${spec.packageDir}/dist/lambda`);
      expect(existsSync(join(repoRoot, spec.packageDir, "src", "index.ts"))).toBe(true);
    }
  });

  it("has both state machines, the image-upload one calling normalize, image-info and thumbnail by placeholder", () => {
    expect(stateMachineLogicalId("image-upload")).toBe("ImageUploadStateMachine");
    const upload = template.Resources.ImageUploadStateMachine?.Properties;
    expect(Object.keys((upload?.DefinitionSubstitutions as object | undefined) ?? {})).toEqual([
      "NormalizeFunctionArn",
      "ImageInfoFunctionArn",
      "ThumbnailFunctionArn",
    ]);
    const text = JSON.stringify(upload?.Definition);
    expect(text).toContain(`"Resource":"\${NormalizeFunctionArn}"`);
    expect(text).not.toContain("arn:aws:lambda");
    expect(template.Resources.SongLyricsStateMachine?.Properties?.DefinitionSubstitutions).toEqual({
      SongFunctionArn: { "Fn::GetAtt": ["SongFunction", "Arn"] },
      LyricsFunctionArn: { "Fn::GetAtt": ["LyricsFunction", "Arn"] },
    });
  });

  it("lets the thumbnail function write only under thumbnails/ and normalize only read", () => {
    const statements = (id: string) => {
      const policies = template.Resources[id]?.Properties?.Policies as { PolicyDocument: { Statement: { Action: string[] }[] } }[];
      return policies.flatMap((policy) => policy.PolicyDocument.Statement.map((s) => s.Action.join(",")));
    };
    expect(statements("NormalizeFunctionRole")).toEqual(["logs:CreateLogStream,logs:PutLogEvents", "s3:GetObject"]);
    expect(statements("ThumbnailFunctionRole")).toEqual(["logs:CreateLogStream,logs:PutLogEvents", "s3:GetObject", "s3:PutObject"]);
    expect(JSON.stringify(template.Resources.ThumbnailFunctionRole)).toContain(`\${ImagesBucket.Arn}/thumbnails/*`);
  });

  it("takes sharp for the thumbnail function from an optional layer parameter", () => {
    expect(template.Parameters.SharpLayerArn).toMatchObject({ Type: "String", Default: "" });
    expect(template.Conditions.HasSharpLayerArn).toEqual({ "Fn::Not": [{ "Fn::Equals": [{ Ref: "SharpLayerArn" }, ""] }] });
    expect(template.Resources.ThumbnailFunction?.Properties?.Layers).toEqual({
      "Fn::If": ["HasSharpLayerArn", [{ Ref: "SharpLayerArn" }], { Ref: "AWS::NoValue" }],
    });
  });

  // cfn-lint (AWS's CloudFormation linter) is on this machine kind; W3002 only says Code is a local path for `package`.
  const cfnLint = spawnSync("cfn-lint", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!cfnLint)("passes cfn-lint", async () => {
    const dir = await mkdtemp(join(tmpdir(), "statecraft-cfn-lint-"));
    try {
      await writeTemplate(template, dir);
      const run = () => execFileSync("cfn-lint", ["--ignore-checks", "W3002", "--", join(dir, "template.json")], { encoding: "utf8" });
      expect(run()).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("is written as template.json", async () => {
    const dir = await mkdtemp(join(tmpdir(), "statecraft-stack-"));
    try {
      expect(await writeTemplate(template, dir)).toBe("template.json");
      expect(JSON.parse(await readFile(join(dir, "template.json"), "utf8"))).toEqual(template);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
