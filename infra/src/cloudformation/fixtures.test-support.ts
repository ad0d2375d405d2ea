/**
 * A stack input for the template tests: song → lyrics, and an upload state
 * machine calling two S3-reading functions (one direct, one through
 * `lambda:invoke`), written as ASL so the tests do not depend on the workflows.
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import { parseConfig } from "../config.js";
import type { FunctionSpec } from "./functions.js";
import type { DeployedFunction } from "./state-machines.js";
import type { TemplateInput } from "./template.js";

const config = parseConfig(undefined, {});
const arn = (name: string): string => `arn:aws:lambda:${config.region}:${config.account}:function:${name}`;

export const fixtureFunctions = {
  song: { logicalId: "SongFunction", packageDir: "packages/lambda-song", description: "song" },
  lyrics: { logicalId: "LyricsFunction", packageDir: "packages/lambda-lyrics", description: "lyrics" },
  imageInfo: {
    logicalId: "ImageInfoFunction",
    packageDir: "packages/lambda-image-info",
    description: "image info",
    bucketAccess: { read: true },
  },
  thumbnail: {
    logicalId: "ThumbnailFunction",
    packageDir: "packages/lambda-thumbnail",
    description: "thumbnail",
    memorySize: 1024,
    timeout: 30,
    bucketAccess: { read: true, writePrefix: "thumbnails/" },
  },
} satisfies Record<string, FunctionSpec>;

const songLyricsDefinition: StateMachineDefinition = {
  StartAt: "song",
  States: {
    song: { Type: "Task", Resource: arn(config.functions.song), Next: "lyrics" },
    lyrics: { Type: "Task", Resource: arn(config.functions.lyrics), End: true },
  },
};

const uploadDefinition: StateMachineDefinition = {
  StartAt: "Work",
  States: {
    Work: {
      Type: "Parallel",
      Branches: [
        { StartAt: "Info", States: { Info: { Type: "Task", Resource: arn("image-info"), End: true } } },
        {
          StartAt: "Thumb",
          States: {
            Thumb: {
              Type: "Task",
              Resource: "arn:aws:states:::lambda:invoke",
              Parameters: { FunctionName: arn("thumbnail"), "Payload.$": "$" },
              End: true,
            },
          },
        },
      ],
      End: true,
    },
  },
};

const deployed: DeployedFunction[] = [
  { arn: arn(config.functions.song), spec: fixtureFunctions.song },
  { arn: arn(config.functions.lyrics), spec: fixtureFunctions.lyrics },
  { arn: arn("image-info"), spec: fixtureFunctions.imageInfo },
  { arn: arn("thumbnail"), spec: fixtureFunctions.thumbnail },
];

export const fixtureInput: TemplateInput = {
  description: "test stack",
  stateMachines: [
    { logicalId: "SongLyricsStateMachine", definition: songLyricsDefinition },
    { logicalId: "ImageUploadStateMachine", definition: uploadDefinition },
  ],
  functions: deployed,
  uploadStateMachine: "ImageUploadStateMachine",
  codePath: (spec) => `../../${spec.packageDir}/dist/lambda`,
};
