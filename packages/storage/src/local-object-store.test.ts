import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidBucketName, InvalidObjectKey, NoSuchBucket } from "./errors.js";
import { LocalObjectStore } from "./local-object-store.js";
import { keySegments } from "./local-paths.js";

const bytes = (text: string) => new TextEncoder().encode(text);
let root: string;
let store: LocalObjectStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "statecraft-local-store-"));
  store = new LocalObjectStore({ root });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("LocalObjectStore layout", () => {
  it("keeps keys browsable: one folder per bucket, slashes as folders", async () => {
    await store.put("photos", "thumbnails/cat pic.png", bytes("png"), "image/png");
    expect(await readFile(join(root, "photos", "thumbnails", "cat pic.png"), "utf8")).toBe("png");
  });

  it("escapes segments so that no key leaves its bucket folder", () => {
    for (const key of ["../../etc/passwd", "..", "./x", "a/../../b", "/abs"]) {
      const path = relative(join(root, "b"), store.objectPath("b", key));
      expect(path.startsWith("..")).toBe(false);
      expect(path).not.toBe("");
    }
    expect(keySegments("a/../%2E/./")).toEqual(["a", "%2E%2E", "%252E", "%2E", "%"]);
  });

  it("lists escaped keys as they were written, and files copied in by hand", async () => {
    const keys = ["a//b", "a/%/b", "a/%25/b", "..", "%2E%2E", "folder/", "x/./y"];
    for (const key of keys) await store.put("b", key, bytes(key), "text/plain");
    await writeFile(join(root, "b", "dropped.txt"), bytes("by hand"));
    const { objects } = await store.list("b");
    expect(objects.map((object) => object.key).sort()).toEqual([...keys, "dropped.txt"].sort());
    expect(objects.find((object) => object.key === "dropped.txt")).toMatchObject({ size: 7, storageClass: "STANDARD" });
    expect(objects.find((object) => object.key === "dropped.txt")?.etag).toBe(createHash("md5").update("by hand").digest("hex"));
  });

  it("stores keys that only differ by escaping apart", async () => {
    const keys = ["a//b", "a/%/b", "a/%25/b", "..", "%2E%2E", "folder/", "folder/%"];
    for (const key of keys) await store.put("b", key, bytes(key), "text/plain");
    for (const key of keys) expect(new TextDecoder().decode((await store.get("b", key)).body)).toBe(key);
  });
});

describe("LocalObjectStore limits", () => {
  it("refuses a key whose path collides with another key's", async () => {
    await store.put("b", "a", bytes("file"), "text/plain");
    await expect(store.put("b", "a/b", bytes("x"), "text/plain")).rejects.toBeInstanceOf(InvalidObjectKey);
    await store.put("b", "dir/file", bytes("x"), "text/plain");
    await expect(store.put("b", "dir", bytes("x"), "text/plain")).rejects.toMatchObject({ name: "InvalidObjectKey" });
    await expect(store.get("b", "dir")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("refuses over-long segments and unsafe bucket names", async () => {
    await expect(store.put("b", "x".repeat(300), bytes("x"), "text/plain")).rejects.toBeInstanceOf(InvalidObjectKey);
    for (const bucket of ["", "../up", ".meta", "a/b", "-x"]) {
      await expect(store.get(bucket, "k")).rejects.toBeInstanceOf(InvalidBucketName);
    }
  });

  it("creates buckets on first write unless told not to", async () => {
    const strict = new LocalObjectStore({ root, createBuckets: false });
    await expect(strict.put("fresh", "k", bytes("x"), "text/plain")).rejects.toBeInstanceOf(NoSuchBucket);
    await mkdir(join(root, "fresh"));
    await strict.put("fresh", "k", bytes("x"), "text/plain");
    expect((await strict.head("fresh", "k")).size).toBe(1);
  });

  it("serves files copied in by hand, without metadata", async () => {
    await mkdir(join(root, "b"), { recursive: true });
    await writeFile(join(root, "b", "dropped.jpg"), bytes("jpeg!"));
    const head = await store.head("b", "dropped.jpg");
    expect(head.size).toBe(5);
    expect(head.contentType).toBeUndefined();
    expect((await store.getRange("b", "dropped.jpg", 0, 1)).body).toEqual(bytes("jp"));
  });

  it("leaves no temporary files behind", async () => {
    await store.put("b", "k", bytes("x"), "text/plain");
    await expect(store.put("b", "k/child", bytes("x"), "text/plain")).rejects.toThrow();
    expect(await readdir(join(root, ".tmp"))).toEqual([]);
  });
});
