import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { NoSuchBucket, NoSuchKey } from "./errors.js";
import {
  checkRange,
  type ListedObject,
  type ListOptions,
  type ListPage,
  type ObjectHead,
  type ObjectRange,
  type ObjectStore,
  type PutResult,
  type StoredObject,
} from "./object-store.js";
import type { S3StoreConfig } from "./s3-config.js";

/**
 * Makes an S3 client for {@link S3ObjectStore}. Checksums are computed only
 * when an operation requires them (`WHEN_REQUIRED`): S3-compatible servers
 * such as s3rver store the SDK's default `aws-chunked` framing verbatim.
 */
export function createS3Client(config: S3StoreConfig = {}): S3Client {
  return new S3Client({
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: { ...config.credentials } }),
    forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * {@link ObjectStore} on AWS S3 or an S3-compatible server, through
 * `@aws-sdk/client-s3`. S3 errors other than a missing key or bucket pass
 * through with their S3 name (e.g. `AccessDenied`).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export class S3ObjectStore implements ObjectStore {
  constructor(readonly client: S3Client) {}

  /** A store with a client made by {@link createS3Client}. */
  static fromConfig(config: S3StoreConfig = {}): S3ObjectStore {
    return new S3ObjectStore(createS3Client(config));
  }

  async getRange(bucket: string, key: string, start: number, end: number): Promise<ObjectRange> {
    checkRange(start, end);
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }),
      );
      // 206 carries "bytes 0-99/1000"; a server that ignores Range answers 200 with the whole object.
      const total = totalFromContentRange(response.ContentRange);
      // Nothing to read past the end. s3rver answers an empty object's range with
      // "bytes 0-0/0" and Content-Length 1 but sends no byte, so reading would hang.
      if (total !== undefined && start >= total) {
        discard(response.Body);
        return {
          body: new Uint8Array(0),
          start,
          size: total,
          ...(response.ContentType === undefined ? {} : { contentType: response.ContentType }),
        };
      }
      const body = await readBody(response.Body);
      const range = total === undefined ? body.subarray(start, end + 1) : body;
      return {
        body: range,
        start,
        size: total ?? body.length,
        ...(response.ContentType === undefined ? {} : { contentType: response.ContentType }),
      };
    } catch (error) {
      // S3 answers 416 InvalidRange when start is at or past the end (any range of an empty object).
      if (errorName(error) === "InvalidRange") {
        const head = await this.head(bucket, key);
        if (start >= head.size) {
          return {
            body: new Uint8Array(0),
            start,
            size: head.size,
            ...(head.contentType === undefined ? {} : { contentType: head.contentType }),
          };
        }
      }
      throw translate(error, bucket, key);
    }
  }

  async get(bucket: string, key: string): Promise<StoredObject> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = await readBody(response.Body);
      return { body, ...headOf(response, body.length) };
    } catch (error) {
      throw translate(error, bucket, key);
    }
  }

  async put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<PutResult> {
    try {
      const response = await this.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
      return response.ETag === undefined ? {} : { etag: unquote(response.ETag) };
    } catch (error) {
      throw translate(error, bucket, key);
    }
  }

  async head(bucket: string, key: string): Promise<ObjectHead> {
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return headOf(response, response.ContentLength ?? 0);
    } catch (error) {
      throw translate(error, bucket, key);
    }
  }

  /** One ListObjectsV2 request per page. @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
  async list(bucket: string, options: ListOptions = {}): Promise<ListPage> {
    try {
      const response = await this.client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          ...(options.prefix === undefined ? {} : { Prefix: options.prefix }),
          ...(options.maxKeys === undefined ? {} : { MaxKeys: options.maxKeys }),
          ...(options.continuationToken === undefined ? {} : { ContinuationToken: options.continuationToken }),
        }),
      );
      const objects: ListedObject[] = (response.Contents ?? []).map((entry) => ({
        key: entry.Key ?? "",
        size: entry.Size ?? 0,
        ...(entry.ETag === undefined ? {} : { etag: unquote(entry.ETag) }),
        ...(entry.LastModified === undefined ? {} : { lastModified: entry.LastModified }),
        ...(entry.StorageClass === undefined ? {} : { storageClass: entry.StorageClass }),
      }));
      const next = response.IsTruncated === true ? response.NextContinuationToken : undefined;
      return next === undefined ? { objects } : { objects, nextContinuationToken: next };
    } catch (error) {
      throw translate(error, bucket, "");
    }
  }
}

interface ResponseMetadata {
  ContentType?: string | undefined;
  ETag?: string | undefined;
  LastModified?: Date | undefined;
}

function headOf(response: ResponseMetadata, size: number): ObjectHead {
  return {
    size,
    ...(response.ContentType === undefined ? {} : { contentType: response.ContentType }),
    ...(response.ETag === undefined ? {} : { etag: unquote(response.ETag) }),
    ...(response.LastModified === undefined ? {} : { lastModified: response.LastModified }),
  };
}

async function readBody(body: { transformToByteArray(): Promise<Uint8Array> } | undefined): Promise<Uint8Array> {
  return body === undefined ? new Uint8Array(0) : body.transformToByteArray();
}

/** Closes a response body that will not be read, so its socket is freed. */
function discard(body: unknown): void {
  if (typeof body === "object" && body !== null && "destroy" in body && typeof body.destroy === "function") {
    body.destroy();
  }
}

/** The total size from a `Content-Range: bytes 0-99/1000` header, if known. */
export function totalFromContentRange(contentRange: string | undefined): number | undefined {
  const match = contentRange === undefined ? null : /\/(\d+)$/.exec(contentRange);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function unquote(etag: string): string {
  return etag.replace(/^"(.*)"$/, "$1");
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Maps S3's missing-key/bucket errors to the store's; anything else is rethrown as is. */
function translate(error: unknown, bucket: string, key: string): unknown {
  switch (errorName(error)) {
    case "NoSuchKey":
    case "NotFound": // HeadObject has no body, so a 404 carries no code.
      return new NoSuchKey(bucket, key, { cause: error });
    case "NoSuchBucket":
      return new NoSuchBucket(bucket, { cause: error });
    default:
      return error;
  }
}
