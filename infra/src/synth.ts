/** Build step of `infra`: `node dist/synth.js` writes the workflows' ASL and schemas, and the CloudFormation template, into `infra/dist/`. */
import { fileURLToPath } from "node:url";
import { buildTemplate, writeTemplate } from "./cloudformation/stack.js";
import { loadConfig } from "./config.js";
import { synthesize } from "./synthesize.js";

const config = await loadConfig(new URL("../statecraft.config.json", import.meta.url));
const outDir = fileURLToPath(new URL(".", import.meta.url));
for (const { name, files } of await synthesize(config, outDir)) {
  console.log(`${name}: ${files.map((file) => `dist/${file}`).join(", ")}`);
}
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
console.log(`stack: dist/${await writeTemplate(buildTemplate(config, { templateDir: outDir, repoRoot }), outDir)}`);
