import { sharedConfig } from "@statecraft/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// s3rver encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 disables: without the legacy
// provider a truncated listing answers 500 (toolchain notes, s3rver S3).
export default defineConfig(mergeConfig(sharedConfig, { test: { execArgv: ["--openssl-legacy-provider"] } }));
