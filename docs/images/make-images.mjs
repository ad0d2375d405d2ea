#!/usr/bin/env node
// Makes the README pictures with the project's own commands, then screenshots
// them in Chromium (Debian's `chromium` + playwright-core):
//   seed-graph.png          `sfn graph song-lyrics --format html`
//   image-upload-graph.png  `sfn graph image-upload --format html` (when infra generates it)
//   viewer.png              the execution viewer of a failed seed run, failed state clicked
// Needs a build first: `npx -y pnpm@12.4.2 build`, then `node docs/images/make-images.mjs`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const cli = join(root, "apps/cli/dist/main.js");
const chromiumPath = "/usr/bin/chromium";

for (const needed of [cli, join(root, "infra/dist/asl/song-lyrics.asl.json"), chromiumPath]) {
  if (!existsSync(needed)) {
    console.error(`make-images: ${needed} is missing (build first: npx -y pnpm@12.4.2 build; chromium: apt-get install -y chromium)`);
    process.exit(1);
  }
}

// playwright-core is a dev dependency of @statecraft/graph, not of the root.
const requireFromGraph = createRequire(join(root, "packages/graph/package.json"));
const { chromium } = requireFromGraph("playwright-core");

const sfn = (...args) => execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const work = mkdtempSync(join(tmpdir(), "statecraft-images-"));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const graphPage = await browser.newPage({ deviceScaleFactor: 2 });
  for (const workflow of ["song-lyrics", "image-upload"]) {
    if (!existsSync(join(root, `infra/dist/asl/${workflow}.asl.json`))) {
      console.log(`skip ${workflow}: infra/dist/asl/${workflow}.asl.json not generated yet`);
      continue;
    }
    const html = join(work, `${workflow}.html`);
    sfn("graph", workflow, "--format", "html", "--out", html);
    await graphPage.goto(pathToFileURL(html).href);
    const name = workflow === "song-lyrics" ? "seed-graph.png" : `${workflow}-graph.png`;
    await graphPage.locator("svg.sfn-graph").screenshot({ path: join(here, name) });
    console.log(`wrote docs/images/${name}`);
  }

  // The viewer: the seed run with a name that is not a string, so the `song` Lambda refuses it.
  const report = join(work, "viewer.html");
  const runUsage = sfn("run", "--help");
  if (runUsage.includes("--report")) {
    try {
      sfn("run", "infra/dist/asl/song-lyrics.asl.json", "--input", '{"name":42}', "--quiet", "--report", report);
    } catch {
      // `sfn run` exits 1 for a failed execution; the report is written all the same.
    }
  } else {
    // Until `sfn run --report` exists: the same run through the built engine and graph packages.
    const built = (path) => import(pathToFileURL(join(root, path)).href);
    const { writeReport } = await built("packages/graph/dist/index.js");
    const { runExecution } = await built("packages/engine/dist/index.js");
    const { handler: song } = await built("packages/lambda-song/dist/index.js");
    const { handler: lyrics } = await built("packages/lambda-lyrics/dist/index.js");
    const definition = JSON.parse(readFileSync(join(root, "infra/dist/asl/song-lyrics.asl.json"), "utf8"));
    await writeReport(report, definition, await runExecution(definition, { name: 42 }, { lambdas: { song, lyrics } }));
  }
  const viewer = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await viewer.goto(pathToFileURL(report).href);
  await viewer.locator('svg [data-state="song"]').click();
  await viewer.screenshot({ path: join(here, "viewer.png") });
  console.log("wrote docs/images/viewer.png");
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
