// `npm run bench`: builds the benchmark bundle and runs it.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [path.join(root, "scripts/build-main.mjs"), "--bench"], {
  cwd: root,
  stdio: "inherit",
});
const run = spawnSync(process.execPath, [path.join(root, "dist/main/bench.cjs")], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
