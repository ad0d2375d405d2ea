/**
 * Runs `sfn serve` in a child process for crash tests: bundles the serve
 * command from TypeScript sources with Vite (workspace packages inlined,
 * apps/cli's npm dependencies external) and spawns it with `--port 0`, reading the URL from
 * its first line of output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultServerConditions } from "vite";

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
// Inside apps/cli/node_modules so the bundle resolves better-sqlite3 and the AWS SDK from apps/cli.
const outDir = join(cliRoot, "node_modules/.cache/statecraft-serve-child");

const entrySource = `import { serveCommand } from "${join(cliRoot, "src/commands/serve.ts")}";
process.exitCode = await serveCommand.run(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env,
});
`;

/** apps/cli's own npm dependencies stay external (resolved at run time from apps/cli/node_modules). */
function externalOf(): (id: string) => boolean {
  const manifest = JSON.parse(readFileSync(join(cliRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const own = Object.entries(manifest.dependencies)
    .filter(([, version]) => !version.startsWith("workspace:"))
    .map(([name]) => name);
  // elkjs (via the /ui viewer) names an optional worker package it never loads in Node.
  return (id) => id === "web-worker" || own.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Bundles the serve command once; returns the path of the runnable module. */
export async function bundleServeCommand(): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, "entry.ts");
  writeFileSync(entry, entrySource);
  await build({
    configFile: false,
    logLevel: "error",
    root: cliRoot,
    resolve: { conditions: ["@statecraft/source", ...defaultServerConditions] },
    // Workspace packages and their dependencies are inlined: pnpm does not expose the latter to apps/cli.
    ssr: { noExternal: true, resolve: { conditions: ["@statecraft/source", ...defaultServerConditions] } },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: "node20",
      minify: false,
      rollupOptions: { external: externalOf(), output: { format: "es", entryFileNames: "serve.mjs" } },
    },
  });
  return join(outDir, "serve.mjs");
}

/** A running `sfn serve` child process. */
export interface ChildServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the child wrote, for failure messages. */
  output(): string;
  /** Waits for the child to exit. */
  exited(): Promise<number | null>;
}

/** Spawns the bundled serve command with `args` and waits for its "listening on" line. */
export function spawnServer(bundle: string, args: readonly string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, [bundle, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  let text = "";
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sfn serve did not start listening within 30 s:\n${text}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stdout?.on("data", (more: Buffer) => {
          text += more.toString();
        });
        resolve({ url: match[1], process: child, output: () => text, exited: () => exit });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sfn serve exited with ${code} before listening:\n${text}`));
    });
  });
}
