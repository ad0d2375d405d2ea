/**
 * The image-upload workflow's tasks, declared from the shared contracts: the
 * Lambda handlers implement the same contracts.
 */
import { lambdaTask } from "@statecraft/asl";
import { ImageInfo, ThumbnailOutput, UploadRequest } from "@statecraft/contracts/s3";
import { NormalizedUpload } from "@statecraft/lambda-normalize";
import type { StatecraftConfig } from "../config.js";
import { functionArn } from "../tasks.js";

/**
 * The `normalize`, `image-info` and `thumbnail` Lambda tasks (direct function
 * ARNs). Each accepts any S3 upload event or an uploaded-object description.
 */
export function imageTasks(config: StatecraftConfig) {
  return {
    normalize: lambdaTask({
      name: "Normalize upload",
      functionArn: functionArn(config, "normalize"),
      input: UploadRequest,
      output: NormalizedUpload,
      errors: ["InvalidInput", "NoSuchKey"],
    }),
    imageInfo: lambdaTask({
      name: "Image info",
      functionArn: functionArn(config, "imageInfo"),
      input: UploadRequest,
      output: ImageInfo,
      errors: ["InvalidInput", "UnsupportedImage", "NoSuchKey"],
    }),
    thumbnail: lambdaTask({
      name: "Thumbnail",
      functionArn: functionArn(config, "thumbnail"),
      input: UploadRequest,
      output: ThumbnailOutput,
      errors: ["InvalidInput", "UnsupportedImage", "RecursiveThumbnail", "NoSuchKey"],
    }),
  };
}
