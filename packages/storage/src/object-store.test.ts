import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidRange, NoSuchBucket, NoSuchKey } from "./errors.js";
import { LocalObjectStore } from "./local-object-store.js";
import type { ObjectStore } from "./object-store.js";
import { createS3Client, S3ObjectStore } from "./s3-object-store.js";

// The same behaviour, checked on both adapters: a local folder, and the S3
// adapter against a real S3-compatible server (s3rver) on a free port.
const bucket = "test-bucket";
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array) => new TextDecoder().decode(body);
const md5 = (body: Uint8Array) => createHash("md5").update(body).digest("hex");

let folder: string;
let server: S3rver;
let s3Client: S3Client;
const stores: Record<string, ObjectStore> = {};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "statecraft-storage-"));
  stores.local = new LocalObjectStore({ root: join(folder, "local") });
  await stores.local.put(bucket, ".keep", new Uint8Array(0), "application/octet-stream");
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: join(folder, "s3rver"),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  s3Client = createS3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    // s3rver accepts only this access key and does not check signatures.
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  stores.s3 = new S3ObjectStore(s3Client);
});

afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

describe.each(["local", "s3"])("ObjectStore (%s)", (name) => {
  const store = () => {
    const found = stores[name];
    if (found === undefined) throw new Error(`store ${name} was not set up`);
    return found;
  };

  it("round-trips bytes, content type and an MD5 ETag", async () => {
    const body = bytes("hello statecraft");
    expect(await store().put(bucket, "greeting.txt", body, "text/plain")).toEqual({ etag: md5(body) });
    const object = await store().get(bucket, "greeting.txt");
    expect(text(object.body)).toBe("hello statecraft");
    expect(object).toMatchObject({ size: body.length, contentType: "text/plain", etag: md5(body) });
    expect(object.lastModified).toBeInstanceOf(Date);
    expect(await store().head(bucket, "greeting.txt")).toMatchObject({
      size: body.length,
      contentType: "text/plain",
      etag: md5(body),
    });
  });

  it("reads ranges inclusively, clipped to the object, with the total size", async () => {
    const body = bytes("0123456789".repeat(100));
    await store().put(bucket, "digits.bin", body, "application/octet-stream");
    const middle = await store().getRange(bucket, "digits.bin", 5, 14);
    expect(text(middle.body)).toBe("5678901234");
    expect(middle).toMatchObject({ start: 5, size: 1000, contentType: "application/octet-stream" });
    const tail = await store().getRange(bucket, "digits.bin", 990, 5000);
    expect(text(tail.body)).toBe("0123456789");
    const past = await store().getRange(bucket, "digits.bin", 1000, 2000);
    expect(past.body.length).toBe(0);
    expect(past.size).toBe(1000);
  });

  it("reads an empty object (S3 answers 416 to any range of it)", async () => {
    await store().put(bucket, "empty.png", new Uint8Array(0), "image/png");
    const range = await store().getRange(bucket, "empty.png", 0, 65535);
    expect(range.body.length).toBe(0);
    expect(range.size).toBe(0);
    expect((await store().get(bucket, "empty.png")).body.length).toBe(0);
    expect((await store().head(bucket, "empty.png")).size).toBe(0);
  });

  it("keeps keys with spaces, +, %, dots and non-ASCII apart", async () => {
    const keys = ["a b.png", "a+b.png", "a%2Bb.png", "100%.png", "ünï/日本語 ☃.txt", "folder/", "x/./y", "x/../y", ".."];
    for (const key of keys) await store().put(bucket, key, bytes(key), "text/plain");
    for (const key of keys) expect(text((await store().get(bucket, key)).body)).toBe(key);
  });

  it("replaces an object on a second write", async () => {
    await store().put(bucket, "v.txt", bytes("one"), "text/plain");
    await store().put(bucket, "v.txt", bytes("two!"), "text/markdown");
    expect(text((await store().get(bucket, "v.txt")).body)).toBe("two!");
    expect(await store().head(bucket, "v.txt")).toMatchObject({ size: 4, contentType: "text/markdown" });
  });

  it("throws NoSuchKey and NoSuchBucket", async () => {
    await expect(store().get(bucket, "missing.png")).rejects.toBeInstanceOf(NoSuchKey);
    await expect(store().getRange(bucket, "missing.png", 0, 10)).rejects.toMatchObject({
      name: "NoSuchKey",
      message: 'no object "missing.png" in bucket "test-bucket"',
    });
    await expect(store().head(bucket, "missing.png")).rejects.toBeInstanceOf(NoSuchKey);
    await expect(store().get("no-such-bucket", "a.png")).rejects.toBeInstanceOf(NoSuchBucket);
  });

  it("lists keys in UTF-8 order with a prefix, one page at a time", async () => {
    const listBucket = `list-${name}`;
    if (name === "local") await stores.local?.put(listBucket, "seed", bytes(""), "text/plain");
    else await s3Client.send(new CreateBucketCommand({ Bucket: listBucket }));
    const keys = ["logs/b.json", "logs/a.json", "logs/ü.json", "logs/z/deep.json", "other.txt", "logs/😀.json"];
    for (const key of keys) await store().put(listBucket, key, bytes(key), "application/json");
    const first = await store().list(listBucket, { prefix: "logs/", maxKeys: 2 });
    expect(first.objects.map((object) => object.key)).toEqual(["logs/a.json", "logs/b.json"]);
    expect(first.objects[0]).toMatchObject({ size: 11, etag: md5(bytes("logs/a.json")), storageClass: "STANDARD" });
    expect(first.objects[0]?.lastModified).toBeInstanceOf(Date);
    const keysAfter: string[] = [];
    let token = first.nextContinuationToken;
    while (token !== undefined) {
      const page = await store().list(listBucket, { prefix: "logs/", maxKeys: 2, continuationToken: token });
      keysAfter.push(...page.objects.map((object) => object.key));
      token = page.nextContinuationToken;
    }
    expect(keysAfter).toEqual(["logs/z/deep.json", "logs/ü.json", "logs/😀.json"]);
    const all = await store().list(listBucket);
    expect(all.nextContinuationToken).toBeUndefined();
    expect(all.objects.map((object) => object.key)).toEqual(expect.arrayContaining(keys));
    await expect(store().list("no-such-bucket")).rejects.toBeInstanceOf(NoSuchBucket);
  });

  it("refuses ranges that are not 0 <= start <= end", async () => {
    await expect(store().getRange(bucket, "digits.bin", 10, 5)).rejects.toBeInstanceOf(InvalidRange);
    await expect(store().getRange(bucket, "digits.bin", -1, 5)).rejects.toBeInstanceOf(InvalidRange);
    await expect(store().getRange(bucket, "digits.bin", 0.5, 5)).rejects.toBeInstanceOf(InvalidRange);
  });
});
