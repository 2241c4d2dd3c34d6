/**
 * The Electron door, driven by Playwright's Electron support. It needs
 * Electron's binary, which cannot be downloaded on machines with no access
 * to its host; there the spec is skipped and says why.
 */

import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { _electron as electron, expect, test } from "@playwright/test";
import { api } from "../shared/api/contract";
import { ROOT } from "./support/pacta";

function electronBinary(): string | null {
  try {
    const found = createRequire(__filename)("electron") as unknown;
    return typeof found === "string" && fs.existsSync(found) ? found : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe("Electron door", () => {
  test.skip(
    binary === null,
    "Electron's binary is not installed here (its download host cannot be reached); " +
      "the guards are tested as pure functions in main/electron/security.test.ts",
  );

  test("opens the register window with a secure preload API", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-electron-"));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT],
      env: { ...process.env, PACTA_DATA_DIR: dataDir },
    });
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Pacta/);
    const exposed = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = w.pacta as Record<string, Record<string, unknown>> | undefined;
      return {
        groups: api ? Object.keys(api).sort() : [],
        listIsFunction: typeof api?.contracts?.list === "function",
        require: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(exposed).toEqual({
      groups: Object.keys(api).sort(),
      listIsFunction: true,
      require: "undefined",
      process: "undefined",
    });
    const info = await window.evaluate(async () => {
      const w = window as unknown as { pacta: { app: { info(a: object): Promise<unknown> } } };
      return w.pacta.app.info({});
    });
    expect(info).toMatchObject({ ok: true, value: { door: "electron", dataDir } });
    // Served from the app's own protocol, never file://, with the checklist's settings.
    expect(window.url()).toMatch(/^app:\/\/pacta\/index\.html/);
    // Renderers are sandboxed (Electron reports it on macOS and Windows; elsewhere unknown).
    const tabs = await app.evaluate(({ app: a }) =>
      a
        .getAppMetrics()
        .filter((m) => m.type === "Tab")
        .map((m) => m.sandboxed ?? null),
    );
    expect(tabs.length).toBeGreaterThan(0);
    expect(tabs).not.toContain(false);
    // No Node in the page, and the isolated preload's objects are not the page's.
    const isolated = await window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { module: typeof g.module, buffer: typeof g.Buffer, electron: typeof g.electron };
    });
    expect(isolated).toEqual({ module: "undefined", buffer: "undefined", electron: "undefined" });
    // window.open is denied, navigation away is refused.
    const opened = await window.evaluate(() => globalThis.open("https://example.com/") === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await window.evaluate(() => {
      globalThis.location.href = "file:///etc/passwd";
    });
    await expect.poll(() => window.url()).toMatch(/^app:\/\/pacta\//);
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
