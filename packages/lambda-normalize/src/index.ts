import type { ContractHandler } from "@statecraft/contracts/handler";
import { ByteSize, parseUploadRequest, UploadedObject, UploadRequest } from "@statecraft/contracts/s3";
import { type ObjectStore, S3ObjectStore, s3StoreConfigFromEnv } from "@statecraft/storage";
import type * as z from "zod";

/**
 * The first step of the image-upload workflow: any S3 upload event (EventBridge
 * "Object Created", CloudTrail PutObject/CompleteMultipartUpload/CopyObject, a
 * classic notification) or an {@link UploadedObject} becomes one shape, with
 * the key decoded the way its route encodes it and the size always known.
 * CloudTrail events carry no object size, so it is read with HeadObject.
 */
export const NormalizedUpload = UploadedObject.extend({ size: ByteSize });
export type NormalizedUpload = z.output<typeof NormalizedUpload>;

/** The `normalize` Lambda's handler type. */
export type NormalizeHandler = ContractHandler<typeof UploadRequest, typeof NormalizedUpload>;

const contract = { name: "normalize", input: UploadRequest, output: NormalizedUpload } as const;

/**
 * The `normalize` Lambda on a given store. A wrong or failed-call event throws
 * `InvalidInput` naming the field; a missing object throws `NoSuchKey`.
 */
export function createHandler(store: ObjectStore): NormalizeHandler {
  const run = async (event: unknown): Promise<NormalizedUpload> => {
    const upload = parseUploadRequest("normalize input", event);
    if (upload.size !== undefined) return { ...upload, size: upload.size };
    const head = await store.head(upload.bucket, upload.key);
    return {
      ...upload,
      size: head.size,
      ...(upload.etag === undefined && head.etag !== undefined ? { etag: head.etag } : {}),
    };
  };
  return Object.assign(run, { contract });
}

let defaultHandler: NormalizeHandler | undefined;

/**
 * The deployable handler (`index.handler`): HeadObject against S3 with settings
 * from the environment (see `s3StoreConfigFromEnv`), made on the first call.
 */
export const handler: NormalizeHandler = Object.assign(
  async (event: unknown): Promise<NormalizedUpload> => {
    defaultHandler ??= createHandler(S3ObjectStore.fromConfig(s3StoreConfigFromEnv()));
    return defaultHandler(event);
  },
  { contract },
);
