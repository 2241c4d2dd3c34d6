/**
 * Builds the main-process bundles once before the tests that run the real
 * `pacta` binary.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export function setup(): void {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "scripts/build-main.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
}
