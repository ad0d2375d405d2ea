import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import { InvalidObjectKey, NoSuchBucket, NoSuchKey } from "./errors.js";
import { compareKeys, keyOfToken, tokenAfter, walkBucket } from "./local-listing.js";
import { checkBucketName, keySegments } from "./local-paths.js";
import {
  checkRange,
  defaultMaxKeys,
  type ListedObject,
  type ListOptions,
  type ListPage,
  type ObjectHead,
  type ObjectRange,
  type ObjectStore,
  type PutResult,
  type StoredObject,
} from "./object-store.js";

/** Options of {@link LocalObjectStore}. */
export interface LocalObjectStoreOptions {
  /** The folder that holds one folder per bucket. */
  readonly root: string;
  /**
   * Create a bucket's folder on its first write; when false, writing to a
   * missing bucket throws `NoSuchBucket` like S3.
   * @default true
   */
  readonly createBuckets?: boolean;
}

/** What `.meta/<bucket>/<key path>` holds for each object. */
const ObjectMeta = z.object({ contentType: z.string(), etag: z.string() });
type ObjectMeta = z.output<typeof ObjectMeta>;

/**
 * {@link ObjectStore} on a local folder, for running the pipeline without AWS:
 * `<root>/<bucket>/<key>` holds each object's bytes (key segments escaped, see
 * `keySegments`), `<root>/.meta/<bucket>/<key>` its content type and ETag (the
 * MD5 of the bytes, like S3's for a single-part upload). Writes go to
 * `<root>/.tmp` first and are renamed into place, so readers never see half an
 * object. As keys are paths, `a` and `a/b` cannot both exist here (S3 allows it):
 * the second write throws `InvalidObjectKey`.
 */
export class LocalObjectStore implements ObjectStore {
  readonly root: string;
  readonly #createBuckets: boolean;

  constructor(options: LocalObjectStoreOptions) {
    this.root = options.root;
    this.#createBuckets = options.createBuckets ?? true;
  }

  /** Path of an object's bytes. */
  objectPath(bucket: string, key: string): string {
    checkBucketName(bucket);
    return join(this.root, bucket, ...keySegments(key));
  }

  async getRange(bucket: string, key: string, start: number, end: number): Promise<ObjectRange> {
    checkRange(start, end);
    const path = this.objectPath(bucket, key);
    const file = await this.#openObject(bucket, key, path);
    try {
      const { size } = await file.stat();
      const length = Math.max(0, Math.min(end + 1, size) - start);
      const body = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await file.read(body, read, length - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      const meta = await this.#readMeta(bucket, key);
      return { body: body.subarray(0, read), start, size, ...(meta === undefined ? {} : { contentType: meta.contentType }) };
    } finally {
      await file.close();
    }
  }

  async get(bucket: string, key: string): Promise<StoredObject> {
    const path = this.objectPath(bucket, key);
    const file = await this.#openObject(bucket, key, path);
    try {
      const stats = await file.stat();
      const body = new Uint8Array(await file.readFile());
      return { body, ...(await this.#headOf(bucket, key, body.length, stats.mtime)) };
    } finally {
      await file.close();
    }
  }

  async put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<PutResult> {
    const path = this.objectPath(bucket, key);
    const bucketFolder = join(this.root, bucket);
    if (!this.#createBuckets && !(await isFolder(bucketFolder))) throw new NoSuchBucket(bucket);
    const etag = createHash("md5").update(body).digest("hex");
    const meta: ObjectMeta = { contentType, etag };
    const metaPath = this.#metaPath(bucket, key);
    const tmp = join(this.root, ".tmp");
    await mkdir(tmp, { recursive: true });
    const tmpBody = join(tmp, randomUUID());
    const tmpMeta = `${tmpBody}.meta`;
    try {
      await writeFile(tmpBody, body);
      await writeFile(tmpMeta, JSON.stringify(meta));
      await mkdir(dirname(path), { recursive: true });
      await mkdir(dirname(metaPath), { recursive: true });
      await rename(tmpMeta, metaPath);
      await rename(tmpBody, path);
    } catch (error) {
      await rm(tmpBody, { force: true });
      await rm(tmpMeta, { force: true });
      if (isPathConflict(error)) {
        throw new InvalidObjectKey(bucket, key, "another key in the local store is a prefix or extension of it as a path", {
          cause: error,
        });
      }
      if (errorCode(error) === "ENAMETOOLONG") {
        throw new InvalidObjectKey(bucket, key, "a segment between slashes is too long for a file name", { cause: error });
      }
      throw error;
    }
    return { etag };
  }

  async head(bucket: string, key: string): Promise<ObjectHead> {
    const path = this.objectPath(bucket, key);
    let stats: Awaited<ReturnType<typeof stat>>;
    try {
      stats = await stat(path);
    } catch (error) {
      throw await this.#missing(bucket, key, error);
    }
    if (!stats.isFile()) throw new NoSuchKey(bucket, key);
    return this.#headOf(bucket, key, stats.size, stats.mtime);
  }

  /** Lists like ListObjectsV2; every object reports the `STANDARD` storage class. */
  async list(bucket: string, options: ListOptions = {}): Promise<ListPage> {
    checkBucketName(bucket);
    const folder = join(this.root, bucket);
    if (!(await isFolder(folder))) throw new NoSuchBucket(bucket);
    const prefix = options.prefix ?? "";
    const after = options.continuationToken === undefined ? undefined : keyOfToken(options.continuationToken);
    const maxKeys = options.maxKeys ?? defaultMaxKeys;
    const matching = (await walkBucket(folder)).filter(
      (entry) => entry.key.startsWith(prefix) && (after === undefined || compareKeys(entry.key, after) > 0),
    );
    const page = matching.slice(0, maxKeys);
    const objects: ListedObject[] = [];
    for (const entry of page) {
      // A file copied in by hand has no metadata: its ETag is the MD5 of its bytes, as for a put.
      const etag = (await this.#readMeta(bucket, entry.key))?.etag ?? createHash("md5").update(await readFile(entry.path)).digest("hex");
      objects.push({ key: entry.key, size: entry.size, etag, lastModified: entry.lastModified, storageClass: "STANDARD" });
    }
    const last = page.at(-1);
    return matching.length > page.length && last !== undefined ? { objects, nextContinuationToken: tokenAfter(last.key) } : { objects };
  }

  async #headOf(bucket: string, key: string, size: number, lastModified: Date): Promise<ObjectHead> {
    const meta = await this.#readMeta(bucket, key);
    return { size, lastModified, ...(meta === undefined ? {} : { contentType: meta.contentType, etag: meta.etag }) };
  }

  #metaPath(bucket: string, key: string): string {
    return join(this.root, ".meta", bucket, ...keySegments(key));
  }

  async #readMeta(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    try {
      const parsed = ObjectMeta.safeParse(JSON.parse(await readFile(this.#metaPath(bucket, key), "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      // Files copied into a bucket folder by hand have no metadata.
      return undefined;
    }
  }

  async #openObject(bucket: string, key: string, path: string) {
    try {
      const file = await open(path, "r");
      if (!(await file.stat()).isFile()) {
        await file.close();
        throw new NoSuchKey(bucket, key);
      }
      return file;
    } catch (error) {
      throw await this.#missing(bucket, key, error);
    }
  }

  /** The error for a failed open/stat: `NoSuchBucket`, `NoSuchKey`, or the original. */
  async #missing(bucket: string, key: string, error: unknown): Promise<unknown> {
    if (error instanceof NoSuchKey) return error;
    const code = errorCode(error);
    if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "EISDIR") return error;
    if (!(await isFolder(join(this.root, bucket)))) return new NoSuchBucket(bucket, { cause: error });
    return new NoSuchKey(bucket, key, { cause: error });
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** A file where a folder is needed (`a` exists, writing `a/b`) or the reverse. */
function isPathConflict(error: unknown): boolean {
  const code = errorCode(error);
  return code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR";
}
