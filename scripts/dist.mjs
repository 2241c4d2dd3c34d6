// `npm run dist`: builds the app and packages it with electron-builder
// (electron-builder.yml: AppImage and deb, NSIS, dmg; fuses; .pacta files).
// Packaging needs Electron's binary here and downloads Electron for each
// target: where that cannot work, one line says so and the exit code is 1.
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(line) {
  process.stderr.write(`pacta dist: ${line}\n`);
  process.exit(1);
}

try {
  createRequire(import.meta.url)("electron");
} catch {
  fail(
    "Electron's binary is not installed here, so the app cannot be packaged on this machine. " +
      "Run `npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine with internet access, " +
      "then `npm run dist`.",
  );
}
execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
  cwd: root,
  stdio: "inherit",
});
const run = spawnSync(
  path.join(root, "node_modules/.bin/electron-builder"),
  ["--config", "electron-builder.yml", ...process.argv.slice(2)],
  { cwd: root, stdio: ["inherit", "inherit", "pipe"], encoding: "utf8" },
);
process.stderr.write(run.stderr ?? "");
// Tests run under Node: put better-sqlite3 back to Node's ABI afterwards.
spawnSync("npm", ["rebuild", "better-sqlite3"], { cwd: root, stdio: "inherit" });
if (run.status !== 0) {
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.exec(run.stderr ?? "")?.[0];
  fail(
    offline
      ? `electron-builder could not download Electron or its headers (${offline}): packaging ` +
          "needs access to github.com; nothing was packaged."
      : `electron-builder failed (exit ${run.status ?? "by signal"}); see its messages above.`,
  );
}
process.stdout.write("pacta dist: packages written to release/\n");
