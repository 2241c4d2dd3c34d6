// Builds everything the app runs: the Node bundles and the renderer.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = (file, args) =>
  execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: "inherit" });

run(path.join(root, "scripts/build-main.mjs"), []);
run(path.join(root, "node_modules/vite/bin/vite.js"), ["build", "--logLevel", "warn"]);
