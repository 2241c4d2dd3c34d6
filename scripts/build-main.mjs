// Bundles the Node side (CLI, headless host, Electron main and preload)
// into dist/main with esbuild. Type checking is `npm run typecheck`.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  outExtension: { ".js": ".cjs" },
};

const extra = process.argv.includes("--bench") ? { bench: "main/bench/run.ts" } : {};

await build({
  ...common,
  entryPoints: { pacta: "main/cli/pacta.ts", electron: "main/electron/main.ts", ...extra },
  outdir: "dist/main",
  // Native and large packages load from node_modules at run time.
  packages: "external",
});

// The import's mapping worker runs in its own thread from its own file:
// bundle everything it needs into it, so it loads the same way everywhere.
await build({
  ...common,
  entryPoints: { "import-worker": "main/import/map-worker.ts" },
  outdir: "dist/main",
});

// A sandboxed preload may only require "electron": bundle everything else in.
await build({
  ...common,
  entryPoints: { preload: "main/electron/preload.ts" },
  outdir: "dist/main",
  external: ["electron"],
});
