/**
 * The object store of a run's Distributed Map `ItemReader` and `ResultWriter` (`RunOptions.objectStore`): S3, or
 * an S3-compatible server, when `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` is set (with `AWS_REGION` and
 * `S3_FORCE_PATH_STYLE`, see `s3StoreConfigFromEnv`), else the local buckets under `<cwd>/.statecraft/s3` that
 * `sfn upload` writes. The storage package (and the AWS SDK) is loaded when a Map first reads or writes.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import { resolve } from "node:path";
import type { MapListOptions, MapListPage, MapObjectStore } from "@statecraft/engine";
import { defaultLocalS3Dir } from "./lambdas.js";

/** Whether the environment points S3 at an endpoint (AWS or an S3-compatible server). */
export function usesS3Endpoint(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_S3) || Boolean(env.AWS_ENDPOINT_URL);
}

/** The store `sfn run` and `sfn serve` give the engine; see the module comment. */
export function mapObjectStore(cwd: string, env: Readonly<Record<string, string | undefined>>): MapObjectStore {
  let store: Promise<MapObjectStore> | undefined;
  const load = (): Promise<MapObjectStore> => {
    store ??= import("@statecraft/storage").then(({ LocalObjectStore, S3ObjectStore, s3StoreConfigFromEnv }) =>
      usesS3Endpoint(env) ? S3ObjectStore.fromConfig(s3StoreConfigFromEnv(env)) : new LocalObjectStore({ root: resolve(cwd, defaultLocalS3Dir) }),
    );
    return store;
  };
  return {
    get: async (bucket: string, key: string) => (await load()).get(bucket, key),
    put: async (bucket: string, key: string, body: Uint8Array, contentType: string) => (await load()).put(bucket, key, body, contentType),
    list: async (bucket: string, options?: MapListOptions): Promise<MapListPage> => (await load()).list(bucket, options),
  };
}
