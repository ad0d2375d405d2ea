// Shared vitest settings: resolve workspace packages to their TypeScript sources
// (the "@statecraft/source" export condition), so tests never need a prior build.
import { defaultServerConditions } from "vite";

/** @type {import("vitest/config").UserConfig} */
export const sharedConfig = {
  ssr: { resolve: { conditions: ["@statecraft/source", ...defaultServerConditions] } },
  test: {
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
};
