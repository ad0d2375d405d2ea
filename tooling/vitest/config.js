// Shared vitest settings: resolve workspace packages to their TypeScript sources
// (the "@statecraft/source" export condition), so tests never need a prior build.
import { defaultServerConditions } from "vite";

/** @type {import("vitest/config").UserConfig} */
export const sharedConfig = {
  ssr: {
    resolve: {
      // @aws-sdk/* list a bundler-only "module" export (extensionless ESM imports)
      // before "node"; Node cannot load it, so "module" is dropped.
      conditions: ["@statecraft/source", ...defaultServerConditions.filter((c) => c !== "module")],
    },
  },
  test: {
    // Generous limits: turbo runs several packages' suites at once on small (2-core) machines.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
};
