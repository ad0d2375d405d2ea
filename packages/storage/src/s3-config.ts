import * as z from "zod";

/**
 * How to reach S3 or an S3-compatible server. Credentials come from the SDK's
 * default chain (the Lambda role, environment, profile) unless given.
 */
export interface S3StoreConfig {
  /** Region; the SDK falls back to `AWS_REGION` and the profile. */
  readonly region?: string;
  /** Endpoint of an S3-compatible server, e.g. `http://127.0.0.1:4568`. */
  readonly endpoint?: string;
  /**
   * Address buckets as `endpoint/bucket/key` instead of `bucket.endpoint/key`.
   * @default true when `endpoint` is set (local servers need it), else false
   */
  readonly forcePathStyle?: boolean;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Thrown when the environment holds an unusable S3 setting. `name` is what Step Functions sees. */
export class InvalidStoreConfig extends Error {
  override readonly name = "InvalidStoreConfig";
}

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true, false, 1 or 0" })
  .transform((value) => value === "true" || value === "1");

const S3Environment = z.object({
  AWS_REGION: z.string().min(1).optional(),
  AWS_ENDPOINT_URL_S3: z.url({ error: "must be a URL" }).optional(),
  AWS_ENDPOINT_URL: z.url({ error: "must be a URL" }).optional(),
  S3_FORCE_PATH_STYLE: flag.optional(),
});

/**
 * Reads {@link S3StoreConfig} from environment variables: `AWS_REGION`,
 * `AWS_ENDPOINT_URL_S3` (else `AWS_ENDPOINT_URL`), and `S3_FORCE_PATH_STYLE`
 * (`true`/`false`). Empty values count as unset. On Lambda only `AWS_REGION`
 * is set, which gives plain AWS S3.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export function s3StoreConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): S3StoreConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = S3Environment.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new InvalidStoreConfig(`invalid S3 settings in the environment: ${problems.join("; ")}`);
  }
  const vars = result.data;
  const endpoint = vars.AWS_ENDPOINT_URL_S3 ?? vars.AWS_ENDPOINT_URL;
  return {
    ...(vars.AWS_REGION === undefined ? {} : { region: vars.AWS_REGION }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(vars.S3_FORCE_PATH_STYLE === undefined ? {} : { forcePathStyle: vars.S3_FORCE_PATH_STYLE }),
  };
}
