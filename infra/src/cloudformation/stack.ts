/**
 * The project's stack: which workspace package each configured function is
 * deployed from, and the template built from every workflow. `infra`'s synth
 * writes it to `infra/dist/template.json`.
 */
import { writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { thumbnailPrefix } from "@statecraft/contracts/s3";
import type { StatecraftConfig } from "../config.js";
import { functionArn } from "../tasks.js";
import { workflows } from "../workflows/index.js";
import { bundleDir, type FunctionSpec } from "./functions.js";
import type { CfnTemplate } from "./model.js";
import { assembleTemplate } from "./template.js";

/** How each configured function is deployed. */
export const stackFunctions: Readonly<Record<keyof StatecraftConfig["functions"], FunctionSpec>> = {
  song: { logicalId: "SongFunction", packageDir: "packages/lambda-song", description: "Name → song" },
  lyrics: { logicalId: "LyricsFunction", packageDir: "packages/lambda-lyrics", description: "Song → lyrics" },
  normalize: {
    logicalId: "NormalizeFunction",
    packageDir: "packages/lambda-normalize",
    description: "S3 upload event → bucket, key and size (HeadObject when the event has no size)",
    bucketAccess: { read: true },
  },
  imageInfo: {
    logicalId: "ImageInfoFunction",
    packageDir: "packages/lambda-image-info",
    description: "Image format, width, height and EXIF orientation from the first bytes",
    timeout: 30,
    bucketAccess: { read: true },
  },
  thumbnail: {
    logicalId: "ThumbnailFunction",
    packageDir: "packages/lambda-thumbnail",
    description: "Thumbnail under thumbnails/ (sharp comes from the SharpLayerArn layer)",
    memorySize: 1024,
    timeout: 60,
    bucketAccess: { read: true, writePrefix: thumbnailPrefix },
    layerParameter: "SharpLayerArn",
  },
};

/** The workflow whose state machine the upload rules start. */
export const uploadWorkflow = "image-upload";

/** `image-upload` → `ImageUploadStateMachine`. */
export function stateMachineLogicalId(workflow: string): string {
  const pascal = workflow
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => `${word[0]?.toUpperCase() ?? ""}${word.slice(1)}`)
    .join("");
  return `${pascal}StateMachine`;
}

/** Where the template is written and where the workspace root is (for the `Code` paths). */
export interface StackLocation {
  readonly templateDir: string;
  readonly repoRoot: string;
}

/** Builds the template of every workflow for `config`. */
export function buildTemplate(config: StatecraftConfig, location: StackLocation): CfnTemplate {
  const keys = Object.keys(stackFunctions) as (keyof typeof stackFunctions)[];
  return assembleTemplate({
    description: "Statecraft: song → lyrics, and S3 image uploads → image-upload workflow (EventBridge or CloudTrail route)",
    stateMachines: Object.entries(workflows).map(([name, build]) => ({
      logicalId: stateMachineLogicalId(name),
      definition: build(config).definition,
    })),
    functions: keys.map((key) => ({ arn: functionArn(config, key), spec: stackFunctions[key] })),
    uploadStateMachine: stateMachineLogicalId(uploadWorkflow),
    codePath: (spec) => relative(location.templateDir, join(location.repoRoot, spec.packageDir, bundleDir)).split(sep).join("/"),
  });
}

/** Writes `template.json` into `outDir`; returns its file name. */
export async function writeTemplate(template: CfnTemplate, outDir: string): Promise<string> {
  const file = "template.json";
  await writeFile(join(outDir, file), `${JSON.stringify(template, null, 2)}\n`);
  return file;
}
