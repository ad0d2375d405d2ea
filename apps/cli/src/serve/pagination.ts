/**
 * Opaque `nextToken`s: a base64url JSON position tagged with the operation, so
 * a token from one list cannot be replayed against another.
 */
import * as z from "zod";
import { apiError } from "./errors.js";

const Token = z.object({ op: z.string(), at: z.number().int().nonnegative() });

function readJson(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Makes a token for position `at` of list `op`. */
export function encodeToken(op: string, at: number): string {
  return Buffer.from(JSON.stringify({ op, at })).toString("base64url");
}

/** Reads a token of list `op`; undefined → start (0). Throws `InvalidToken` for a foreign or broken token. */
export function decodeToken(op: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const result = Token.safeParse(readJson(token));
  if (!result.success || result.data.op !== op) throw apiError("InvalidToken", `Invalid Token: '${token}'`);
  return result.data.at;
}

const NameToken = z.object({ op: z.string(), after: z.string() });

/** Makes a token for a list ordered by name, resuming after `name`. */
export function encodeNameToken(op: string, name: string): string {
  return Buffer.from(JSON.stringify({ op, after: name })).toString("base64url");
}

/** Reads a token of name-ordered list `op`; undefined → start. Throws `InvalidToken` for a foreign or broken token. */
export function decodeNameToken(op: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const result = NameToken.safeParse(readJson(token));
  if (!result.success || result.data.op !== op) throw apiError("InvalidToken", `Invalid Token: '${token}'`);
  return result.data.after;
}

/** `maxResults` as the API reads it: absent or 0 means the default page size (100). */
export function pageSize(maxResults: number | undefined): number {
  return maxResults === undefined || maxResults === 0 ? 100 : maxResults;
}
