import type { ContractHandler } from "@statecraft/contracts/handler";
import { parseUploadRequest, ThumbnailOutput, UploadRequest } from "@statecraft/contracts/s3";
import { type ObjectStore, S3ObjectStore, s3StoreConfigFromEnv } from "@statecraft/storage";
import * as z from "zod";
import { makeThumbnail, type ThumbnailOptions } from "./make-thumbnail.js";

export { defaultMaxInputBytes, defaultThumbnailSize, makeThumbnail, type ThumbnailOptions } from "./make-thumbnail.js";
export { type RenderedThumbnail, renderThumbnail } from "./render-thumbnail.js";

/** The `thumbnail` Lambda's handler type: an upload in, {@link ThumbnailOutput} out. */
export type ThumbnailHandler = ContractHandler<typeof UploadRequest, typeof ThumbnailOutput>;

const contract = { name: "thumbnail", input: UploadRequest, output: ThumbnailOutput } as const;

/**
 * The `thumbnail` Lambda on a given store. Its event is an `UploadedObject` or
 * any S3 upload event; a wrong event throws `InvalidInput`.
 */
export function createHandler(store: ObjectStore, options: ThumbnailOptions = {}): ThumbnailHandler {
  const run = async (event: unknown): Promise<ThumbnailOutput> =>
    makeThumbnail(store, parseUploadRequest("thumbnail input", event), options);
  return Object.assign(run, { contract });
}

/** Thrown when the thumbnail settings in the environment are unusable. */
export class InvalidThumbnailConfig extends Error {
  override readonly name = "InvalidThumbnailConfig";
}

const ThumbnailEnvironment = z.object({
  THUMBNAIL_BUCKET: z.string().min(1).optional(),
  THUMBNAIL_MAX_SIZE: z.coerce.number().int().min(1).max(4096).optional(),
});

/**
 * Reads {@link ThumbnailOptions} from the environment: `THUMBNAIL_BUCKET`
 * (write thumbnails to another bucket) and `THUMBNAIL_MAX_SIZE` (pixels, 1 to 4096).
 */
export function thumbnailOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ThumbnailOptions {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = ThumbnailEnvironment.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidThumbnailConfig(`invalid thumbnail settings in the environment: ${problems.join("; ")}`);
  }
  const { THUMBNAIL_BUCKET: bucket, THUMBNAIL_MAX_SIZE: maxSize } = result.data;
  return { ...(bucket === undefined ? {} : { bucket }), ...(maxSize === undefined ? {} : { maxSize }) };
}

let defaultHandler: ThumbnailHandler | undefined;

/**
 * The deployable handler (`index.handler`): S3 settings from the environment
 * (see `s3StoreConfigFromEnv`) and {@link thumbnailOptionsFromEnv}, made on the
 * first call. Deploy it with sharp's Linux binaries beside it (a layer or a
 * `node_modules` folder): the bundle leaves sharp out.
 */
export const handler: ThumbnailHandler = Object.assign(
  async (event: unknown): Promise<ThumbnailOutput> => {
    defaultHandler ??= createHandler(S3ObjectStore.fromConfig(s3StoreConfigFromEnv()), thumbnailOptionsFromEnv());
    return defaultHandler(event);
  },
  { contract },
);
