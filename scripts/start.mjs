// `npm start`: the desktop app where Electron's binary exists; elsewhere,
// one line says so and the headless host starts, printing its address.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
  cwd: root,
  stdio: "inherit",
});

function electronBinary() {
  try {
    // Under plain Node, the electron package exports its binary's path, and
    // throws when the binary was never downloaded.
    return createRequire(import.meta.url)("electron");
  } catch {
    return null;
  }
}

const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, [root, ...args], { stdio: "inherit" })
  : (() => {
      process.stdout.write(
        "Electron's binary is not installed here; starting the headless host instead.\n",
      );
      return spawn(process.execPath, [path.join(root, "dist/main/pacta.cjs"), "serve", ...args], {
        stdio: "inherit",
      });
    })();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
