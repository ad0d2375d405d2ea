import { InvalidBucketName } from "./errors.js";

/**
 * How the local store lays S3 names out on disk. A key's `/`-separated
 * segments become folders, so `thumbnails/a.png` is `<bucket>/thumbnails/a.png`
 * and stays easy to browse. Each segment is escaped so that every key maps to
 * its own path inside the bucket folder:
 * - `%` becomes `%25` (so the other escapes below cannot come from a key);
 * - NUL becomes `%00` (not allowed in file names);
 * - the segments `.` and `..` become `%2E` and `%2E%2E` (no escaping the bucket);
 * - an empty segment (as in `folder/` or `a//b`) becomes `%`.
 */
export function keySegments(key: string): string[] {
  return key.split("/").map(escapeSegment);
}

/** The key a list of escaped path segments stands for: the inverse of {@link keySegments}. */
export function keyFromSegments(segments: readonly string[]): string {
  return segments.map(unescapeSegment).join("/");
}

function unescapeSegment(segment: string): string {
  if (segment === "%") return "";
  if (segment === "%2E") return ".";
  if (segment === "%2E%2E") return "..";
  return segment.replace(/%(25|00)/g, (_match, code: string) => (code === "25" ? "%" : "\0"));
}

function escapeSegment(segment: string): string {
  if (segment === "") return "%";
  if (segment === ".") return "%2E";
  if (segment === "..") return "%2E%2E";
  return segment.replace(/%/g, "%25").replace(/\0/g, "%00");
}

// Current S3 rules are stricter (lowercase, 3 to 63 characters); legacy buckets
// may hold capitals and underscores. Starting with a letter or digit keeps bucket
// folders apart from the store's own `.meta` and `.tmp` folders.
const bucketPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Throws `InvalidBucketName` for a name that could not be an S3 bucket or is unsafe as a folder. */
export function checkBucketName(bucket: string): void {
  if (bucket.length === 0 || bucket.length > 255) throw new InvalidBucketName(bucket, "must be 1 to 255 characters");
  if (!bucketPattern.test(bucket)) {
    throw new InvalidBucketName(bucket, "must start with a letter or digit and hold only letters, digits, '.', '-' and '_'");
  }
}
