export { InvalidBucketName, InvalidObjectKey, InvalidRange, NoSuchBucket, NoSuchKey } from "./errors.js";
export { LocalObjectStore, type LocalObjectStoreOptions } from "./local-object-store.js";
export type { ListedObject, ListOptions, ListPage, ObjectHead, ObjectRange, ObjectStore, PutResult, StoredObject } from "./object-store.js";
export { InvalidStoreConfig, type S3StoreConfig, s3StoreConfigFromEnv } from "./s3-config.js";
export { createS3Client, S3ObjectStore } from "./s3-object-store.js";
