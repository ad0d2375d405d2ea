import { sharedConfig } from "@statecraft/vitest-config";
import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// @aws-sdk/* packages list a bundler-only "module" export (extensionless ESM
// imports) before "node"; Node cannot load it, so drop "module" here.
export default defineConfig({
  ...sharedConfig,
  ssr: {
    resolve: {
      conditions: ["@statecraft/source", ...defaultServerConditions.filter((condition) => condition !== "module")],
    },
  },
});
