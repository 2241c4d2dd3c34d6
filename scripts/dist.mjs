// `npm run dist`: builds the app and packages it with electron-builder.
// Packaging downloads Electron for each target; without network access it
// cannot work, and we say so before trying.
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
try {
  createRequire(import.meta.url)("electron");
} catch {
  process.stderr.write(
    "pacta dist: Electron's binary is not installed here, so the app cannot be packaged on " +
      "this machine. Run `npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine with " +
      "internet access, then `npm run dist`.\n",
  );
  process.exit(1);
}
execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
  cwd: root,
  stdio: "inherit",
});
const run = spawnSync(
  path.join(root, "node_modules/.bin/electron-builder"),
  ["--config", "electron-builder.yml", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
// Tests run under Node: put better-sqlite3 back to Node's ABI afterwards.
spawnSync("npm", ["rebuild", "better-sqlite3"], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
