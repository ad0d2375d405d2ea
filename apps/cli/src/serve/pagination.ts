/**
 * Opaque `nextToken`s: a base64url JSON position tagged with the operation, so
 * a token from one list cannot be replayed against another.
 */
import * as z from "zod";
import { apiError } from "./errors.js";

/** A token: the list it belongs to and where the next page starts (a sequence number or a name). */
function encode(op: string, at: number | string): string {
  return Buffer.from(JSON.stringify({ op, at })).toString("base64url");
}

/** Reads a token of list `op` whose position `at` matches `position`; throws `InvalidToken` for a foreign or broken one. */
function decode<T>(op: string, token: string, position: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = z.object({ op: z.literal(op), at: position }).safeParse(parsed);
  if (!result.success) throw apiError("InvalidToken", `Invalid Token: '${token}'`);
  return result.data.at;
}

const sequence = z.number().int().nonnegative();

/** Makes a token for position `at` of list `op`. */
export function encodeToken(op: string, at: number): string {
  return encode(op, at);
}

/** Reads a token of list `op`; undefined → start (0). Throws `InvalidToken` for a foreign or broken token. */
export function decodeToken(op: string, token: string | undefined): number {
  return token === undefined ? 0 : decode(op, token, sequence);
}

/** Makes a token for a list ordered by name, resuming after `name`. */
export function encodeNameToken(op: string, name: string): string {
  return encode(op, name);
}

/** Reads a token of name-ordered list `op`; undefined → start. Throws `InvalidToken` for a foreign or broken token. */
export function decodeNameToken(op: string, token: string | undefined): string | undefined {
  return token === undefined ? undefined : decode(op, token, z.string());
}

/** `maxResults` as the API reads it: absent or 0 means the default page size (100). */
export function pageSize(maxResults: number | undefined): number {
  return maxResults === undefined || maxResults === 0 ? 100 : maxResults;
}
