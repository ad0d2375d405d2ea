#!/usr/bin/env node
// Bundles a Lambda package's src/index.ts into dist/lambda/index.mjs for the
// nodejs Lambda runtime, and reports the bundle size. Run from the package folder.
import { statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const outfile = "dist/lambda/index.mjs";
await build({
  entryPoints: ["src/index.ts"],
  outfile,
  bundle: true,
  minify: true,
  keepNames: true,
  sourcemap: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: ["@aws-sdk/*"],
  // Bundle the TypeScript sources of workspace packages, like the tests do.
  conditions: ["@statecraft/source"],
  // CommonJS dependencies bundled into ESM need a real `require`.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: "warning",
});
const size = statSync(outfile).size;
const gzip = gzipSync(readFileSync(outfile)).length;
console.log(`${outfile}: ${(size / 1024).toFixed(1)} KiB minified, ${(gzip / 1024).toFixed(1)} KiB gzip`);
