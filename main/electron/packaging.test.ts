/**
 * Packaging as far as it can be checked without Electron's binary:
 * electron-builder's own schema accepts the configuration, the fuses and
 * file association are set, the icons exist, and `npm run dist` says in
 * one line why it cannot package where the binary is missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPng } from "../test-support/png";

const ROOT = path.resolve(__dirname, "../..");
const require = createRequire(__filename);

interface BuilderConfig {
  appId?: string;
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  directories?: { output?: string };
  files?: { filter?: string[] }[];
  fileAssociations?: { ext: string }[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}

function electronBinary(): string | null {
  try {
    const found = require("electron") as unknown;
    return typeof found === "string" && fs.existsSync(found) ? found : null;
  } catch {
    return null;
  }
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require("app-builder-lib/out/util/config/config");
  const { DebugLogger } = require("builder-util/out/DebugLogger");
  const config = await getConfig(ROOT, path.join(ROOT, "electron-builder.yml"), null);
  // Throws on any key or value electron-builder does not accept.
  await validateConfiguration(config, new DebugLogger(false));
  return config as BuilderConfig;
}

describe("packaging", () => {
  it("passes electron-builder's schema: targets, asar, native rebuild", async () => {
    const c = await loadConfig();
    expect(c.appId).toBe("app.pacta.desktop");
    expect(c.directories?.output).toBe("release");
    expect(c.linux?.target).toEqual(["AppImage", "deb"]);
    expect(c.win?.target).toEqual(["nsis"]);
    expect(c.mac?.target).toEqual(["dmg"]);
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain("**/*.node");
    expect(c.npmRebuild).toBe(true);
    expect(c.files?.flatMap((f) => f.filter ?? [])).toContain("assets/**/*");
    expect(c.fileAssociations?.map((a) => a.ext)).toEqual(["pacta"]);
  });

  it("flips Electron's fuses the security checklist asks for", async () => {
    const c = await loadConfig();
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("ships a 1024 px app icon and the Linux icon sizes", () => {
    const icon = readPng(path.join(ROOT, "build/icon.png"));
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    expect(icon.pixel(512, 512)[3]).toBe(255);
    expect(icon.pixel(0, 0)[3]).toBe(0);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(readPng(path.join(ROOT, `build/icons/${size}x${size}.png`)).width).toBe(size);
    }
  });

  it.skipIf(electronBinary() !== null)(
    "`npm run dist` says in one line that it cannot package without Electron's binary",
    () => {
      const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/dist.mjs")], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^pacta dist: Electron's binary is not installed here/);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(fs.existsSync(path.join(ROOT, "release"))).toBe(false);
    },
  );
});
