/**
 * Listing the local store's objects in S3 order: a bucket folder is walked, each file's escaped path turned back
 * into its key (see `keySegments`), and the keys sorted by their UTF-8 bytes as S3 sorts them.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { keyFromSegments } from "./local-paths.js";

/** A file of a bucket folder and the key it holds. */
export interface LocalEntry {
  readonly key: string;
  readonly path: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** Every object file under `bucketFolder`, in S3 key order. */
export async function walkBucket(bucketFolder: string): Promise<LocalEntry[]> {
  const entries: LocalEntry[] = [];
  const walk = async (folder: string, segments: string[]): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path, [...segments, entry.name]);
      else if (entry.isFile()) {
        const stats = await stat(path);
        entries.push({ key: keyFromSegments([...segments, entry.name]), path, size: stats.size, lastModified: stats.mtime });
      }
    }
  };
  await walk(bucketFolder, []);
  return entries.sort((a, b) => compareKeys(a.key, b.key));
}

/** S3 orders keys by their UTF-8 bytes (not UTF-16 code units, which differ above U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** An opaque continuation token: the last key of the page, base64url-encoded. */
export function tokenAfter(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

/** The key a continuation token resumes after. */
export function keyOfToken(token: string): string {
  return Buffer.from(token, "base64url").toString("utf8");
}
