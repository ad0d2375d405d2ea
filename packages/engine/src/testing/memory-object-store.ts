/** An in-memory object store for tests (excluded from the build). */
import { createHash } from "node:crypto";
import type { MapListOptions, MapListPage, MapObjectStore } from "../runtime/object-store.js";

interface Stored {
  body: Uint8Array;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** A missing key or bucket, named as S3 names it. */
class StoreError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Buckets of objects in memory; `pageSize` objects per listing page. Buckets exist once created or written to. */
export class MemoryObjectStore implements MapObjectStore {
  readonly buckets = new Map<string, Map<string, Stored>>();
  /** Each put, in order. */
  readonly puts: { bucket: string; key: string; contentType: string }[] = [];

  constructor(
    private readonly pageSize = 1000,
    private readonly now = () => new Date("2025-01-01T00:00:00Z"),
  ) {}

  createBucket(bucket: string): void {
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
  }

  /** Writes text or bytes (a test's seed object). */
  seed(bucket: string, key: string, content: string | Uint8Array): void {
    this.createBucket(bucket);
    const body = typeof content === "string" ? new TextEncoder().encode(content) : content;
    this.buckets.get(bucket)?.set(key, { body, contentType: "application/octet-stream", etag: createHash("md5").update(body).digest("hex"), lastModified: this.now() });
  }

  /** An object's text. */
  text(bucket: string, key: string): string {
    const object = this.buckets.get(bucket)?.get(key);
    if (object === undefined) throw new StoreError("NoSuchKey", `no object ${key} in ${bucket}`);
    return new TextDecoder().decode(object.body);
  }

  async get(bucket: string, key: string): Promise<{ body: Uint8Array }> {
    const objects = this.buckets.get(bucket);
    if (objects === undefined) throw new StoreError("NoSuchBucket", "The specified bucket does not exist");
    const object = objects.get(key);
    if (object === undefined) throw new StoreError("NoSuchKey", "The specified key does not exist.");
    return { body: object.body };
  }

  async put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<unknown> {
    if (!this.buckets.has(bucket)) throw new StoreError("NoSuchBucket", "The specified bucket does not exist");
    this.seed(bucket, key, body);
    const stored = this.buckets.get(bucket)?.get(key);
    if (stored !== undefined) stored.contentType = contentType;
    this.puts.push({ bucket, key, contentType });
    return {};
  }

  async list(bucket: string, options: MapListOptions = {}): Promise<MapListPage> {
    const objects = this.buckets.get(bucket);
    if (objects === undefined) throw new StoreError("NoSuchBucket", "The specified bucket does not exist");
    const keys = [...objects.keys()].filter((key) => key.startsWith(options.prefix ?? "")).sort();
    const start = options.continuationToken === undefined ? 0 : Number(options.continuationToken);
    const page = keys.slice(start, start + this.pageSize).map((key) => {
      const object = objects.get(key) as Stored;
      return { key, size: object.body.length, etag: object.etag, lastModified: object.lastModified, storageClass: "STANDARD" };
    });
    const next = start + this.pageSize;
    return next < keys.length ? { objects: page, nextContinuationToken: String(next) } : { objects: page };
  }
}
