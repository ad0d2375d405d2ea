/**
 * Deployment configuration of the workflows: where the Lambda functions live.
 * Read from `infra/statecraft.config.json`, overridable by the environment
 * variables `STATECRAFT_REGION` and `STATECRAFT_ACCOUNT`.
 */
import { readFile } from "node:fs/promises";
import { describeIssues } from "@statecraft/contracts";
import * as z from "zod";

/** The configuration file's schema (every field has a default). */
export const StatecraftConfig = z.strictObject({
  /** AWS Region of the functions. */
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: "region must look like us-east-1" })
    .default("us-east-1"),
  /** 12-digit AWS account id. */
  account: z
    .string()
    .regex(/^\d{12}$/, { error: "account must be 12 digits" })
    .default("123456789012"),
  /** Lambda function name of each task. */
  functions: z
    .strictObject({
      song: z.string().min(1).default("song"),
      lyrics: z.string().min(1).default("lyrics"),
      normalize: z.string().min(1).default("normalize"),
      imageInfo: z.string().min(1).default("image-info"),
      thumbnail: z.string().min(1).default("thumbnail"),
    })
    .prefault({}),
});
export type StatecraftConfig = z.output<typeof StatecraftConfig>;

/** Environment variables that override the file. */
export const configEnvironment = { region: "STATECRAFT_REGION", account: "STATECRAFT_ACCOUNT" } as const;

/** The configuration file is unreadable or does not match {@link StatecraftConfig}. */
export class InvalidConfig extends Error {
  override readonly name = "InvalidConfig";
}

/**
 * Parses `fileContent` (JSON text, or `undefined` when there is no file) and
 * applies the environment overrides.
 */
export function parseConfig(
  fileContent: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  source = "statecraft.config.json",
): StatecraftConfig {
  let raw: unknown = {};
  if (fileContent !== undefined) {
    try {
      raw = JSON.parse(fileContent);
    } catch (error) {
      throw new InvalidConfig(`${source}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
  }
  const overrides = Object.fromEntries(
    Object.entries(configEnvironment).flatMap(([key, variable]) => {
      const value = env[variable];
      return value === undefined || value === "" ? [] : [[key, value]];
    }),
  );
  const result = StatecraftConfig.safeParse(isRecord(raw) ? { ...raw, ...overrides } : raw);
  if (!result.success) {
    const issues = describeIssues(result.error.issues).map((issue) => `${issue.path}: ${issue.message}`);
    throw new InvalidConfig(`${source} (with ${Object.values(configEnvironment).join("/")}): ${issues.join("; ")}`);
  }
  return result.data;
}

/** Reads the configuration file at `path` (missing file → defaults) and applies `env`. */
export async function loadConfig(
  path: URL | string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<StatecraftConfig> {
  let content: string | undefined;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return parseConfig(content, env, String(path));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
