import {
  ImageInfo,
  type ImageInfo as ImageInfoValue,
  parseUploadRequest,
  UploadRequest,
} from "@statecraft/contracts/s3";
import type { ContractHandler } from "@statecraft/contracts/handler";
import { type ObjectStore, S3ObjectStore, s3StoreConfigFromEnv } from "@statecraft/storage";
import { readImageInfo } from "./read-image-info.js";

export { measureImage, type ImageMeasure } from "./measure-image.js";
export { headerReadSizes, readImageInfo } from "./read-image-info.js";

/** The `image-info` Lambda's handler type: an upload in, {@link ImageInfo} out. */
export type ImageInfoHandler = ContractHandler<typeof UploadRequest, typeof ImageInfo>;

const contract = { name: "image-info", input: UploadRequest, output: ImageInfo } as const;

/**
 * The `image-info` Lambda on a given store. Its event is an `UploadedObject`
 * or any S3 upload event (EventBridge "Object Created", CloudTrail, classic
 * notification); a wrong event throws `InvalidInput`.
 */
export function createHandler(store: ObjectStore): ImageInfoHandler {
  const run = async (event: unknown): Promise<ImageInfoValue> =>
    readImageInfo(store, parseUploadRequest("image-info input", event));
  return Object.assign(run, { contract });
}

let defaultHandler: ImageInfoHandler | undefined;

/**
 * The deployable handler (`index.handler`): reads from S3 with settings from
 * the environment (see `s3StoreConfigFromEnv`), made on the first call.
 */
export const handler: ImageInfoHandler = Object.assign(
  async (event: unknown): Promise<ImageInfoValue> => {
    defaultHandler ??= createHandler(S3ObjectStore.fromConfig(s3StoreConfigFromEnv()));
    return defaultHandler(event);
  },
  { contract },
);
