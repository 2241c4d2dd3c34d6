// Builds the double with esbuild into a temporary folder and runs it;
// arguments pass through (see main.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "b24-double-")), "double.cjs");
await build({
  entryPoints: [path.join(here, "main.ts")],
  outfile: out,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});
const child = spawn(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  process.exit(code ?? 1);
});
