// What the tests need from the operating system: Chromium for the UI tests
// and poppler's pdftotext for reading PDFs back. On Debian or Ubuntu as
// root, missing ones are installed with apt-get; elsewhere we say what to do.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const NEEDS = [
  { what: "Chromium", ok: () => fs.existsSync(CHROMIUM), apt: ["chromium"] },
  { what: "pdftotext", ok: () => hasCommand("pdftotext"), apt: ["poppler-utils"] },
  {
    what: "fonts",
    ok: () => fs.existsSync("/usr/share/fonts/truetype/dejavu"),
    apt: ["fonts-dejavu-core"],
  },
];

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

export function ensureSystemDeps() {
  const missing = NEEDS.filter((n) => !n.ok());
  if (missing.length === 0) return;
  const packages = missing.flatMap((m) => m.apt);
  const canApt = process.platform === "linux" && hasCommand("apt-get") && process.getuid?.() === 0;
  if (!canApt) {
    throw new Error(
      `missing ${missing.map((m) => m.what).join(", ")}: install them ` +
        `(Debian/Ubuntu: apt-get install ${packages.join(" ")}), ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary",
    );
  }
  process.stdout.write(`Installing ${packages.join(", ")} with apt-get…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env,
  });
}
