import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { JsonValue } from "@statecraft/asl";
import { UsageError } from "./command.js";

/** Parses JSON given on the command line or in a file, naming where it came from on failure. */
export function parseJsonArgument(text: string, origin: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new UsageError(`${origin} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads and parses a JSON file relative to `cwd`. */
export async function readJsonFile(path: string, cwd: string, what: string): Promise<JsonValue> {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseJsonArgument(text, `${what} ${path}`);
}
