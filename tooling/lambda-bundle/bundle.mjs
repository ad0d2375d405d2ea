#!/usr/bin/env node
// Bundles a Lambda package's src/index.ts into dist/lambda/index.mjs for the
// nodejs Lambda runtime, and reports the bundle size. Run from the package folder.
import { statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const outfile = "dist/lambda/index.mjs";
// `--external=<package>` leaves a package out of the bundle, e.g. a native module
// such as sharp that must come from a Lambda layer or a node_modules folder.
const extraExternals = process.argv.slice(2).map((arg) => {
  const match = /^--external=(.+)$/.exec(arg);
  if (match === null) {
    console.error(`lambda-bundle: unknown argument ${JSON.stringify(arg)} (expected --external=<package>)`);
    process.exit(2);
  }
  return match[1];
});
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
  external: ["@aws-sdk/*", ...extraExternals],
  // Bundle the TypeScript sources of workspace packages, like the tests do.
  conditions: ["@statecraft/source"],
  // CommonJS dependencies bundled into ESM need a real `require`.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: "warning",
});
const size = statSync(outfile).size;
const gzip = gzipSync(readFileSync(outfile)).length;
console.log(`${outfile}: ${(size / 1024).toFixed(1)} KiB minified, ${(gzip / 1024).toFixed(1)} KiB gzip`);
