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
  test.skip(binary === null, "Electron's binary is not installed here (download not possible)");

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
      groups: ["app", "contracts", "imports"],
      listIsFunction: true,
      require: "undefined",
      process: "undefined",
    });
    const info = await window.evaluate(async () => {
      const w = window as unknown as { pacta: { app: { info(a: object): Promise<unknown> } } };
      return w.pacta.app.info({});
    });
    expect(info).toMatchObject({ ok: true, value: { door: "electron", dataDir } });
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
