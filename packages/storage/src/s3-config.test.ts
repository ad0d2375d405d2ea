import { describe, expect, it } from "vitest";
import { InvalidStoreConfig, s3StoreConfigFromEnv } from "./s3-config.js";
import { createS3Client, totalFromContentRange } from "./s3-object-store.js";

describe("s3StoreConfigFromEnv", () => {
  it("gives plain AWS S3 on Lambda (only AWS_REGION set)", () => {
    expect(s3StoreConfigFromEnv({ AWS_REGION: "eu-west-1", PATH: "/usr/bin" })).toEqual({ region: "eu-west-1" });
  });

  it("reads an S3-compatible endpoint, preferring the S3-specific variable", () => {
    expect(
      s3StoreConfigFromEnv({
        AWS_ENDPOINT_URL: "http://127.0.0.1:1",
        AWS_ENDPOINT_URL_S3: "http://127.0.0.1:4568",
        S3_FORCE_PATH_STYLE: "false",
      }),
    ).toEqual({ endpoint: "http://127.0.0.1:4568", forcePathStyle: false });
    expect(s3StoreConfigFromEnv({ AWS_ENDPOINT_URL: "http://localhost:9000", AWS_ENDPOINT_URL_S3: "" })).toEqual({
      endpoint: "http://localhost:9000",
    });
  });

  it("names a wrong variable", () => {
    expect(() => s3StoreConfigFromEnv({ S3_FORCE_PATH_STYLE: "yes" })).toThrow(InvalidStoreConfig);
    expect(() => s3StoreConfigFromEnv({ AWS_ENDPOINT_URL_S3: "not a url" })).toThrow(
      "invalid S3 settings in the environment: AWS_ENDPOINT_URL_S3 must be a URL",
    );
  });
});

describe("createS3Client", () => {
  it("uses path-style addressing for custom endpoints and computes checksums only when required", async () => {
    const local = createS3Client({ endpoint: "http://127.0.0.1:4568", region: "us-east-1" });
    expect(local.config.forcePathStyle).toBe(true);
    expect(await local.config.requestChecksumCalculation()).toBe("WHEN_REQUIRED");
    const aws = createS3Client({ region: "us-east-1" });
    expect(aws.config.forcePathStyle).toBe(false);
  });
});

describe("totalFromContentRange", () => {
  it("reads the total size", () => {
    expect(totalFromContentRange("bytes 0-99/1000")).toBe(1000);
    expect(totalFromContentRange("bytes */0")).toBe(0);
    expect(totalFromContentRange("bytes 0-99/*")).toBeUndefined();
    expect(totalFromContentRange(undefined)).toBeUndefined();
  });
});
