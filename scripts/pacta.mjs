// `npm run pacta -- ARGS`: builds what is missing or out of date, then runs
// the CLI with the arguments, passing its exit code on.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isStale } from "./freshness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (p) => path.join(root, p);
const quiet = { cwd: root, stdio: ["ignore", "ignore", "inherit"] };

if (isStale(at("dist/main/pacta.cjs"), [at("main"), at("shared"), at("package.json")])) {
  execFileSync(process.execPath, [at("scripts/build-main.mjs")], quiet);
}
if (isStale(at("dist/renderer/index.html"), [at("renderer"), at("shared")])) {
  execFileSync(
    process.execPath,
    [at("node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"],
    quiet,
  );
}
const run = spawnSync(process.execPath, [at("dist/main/pacta.cjs"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
