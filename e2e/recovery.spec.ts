/**
 * The recovery screen as a person meets it: the register's file is damaged
 * (garbage written over its pages), the app opens on recovery instead of
 * failing, and offers a read-only export, a backup restore and a fresh
 * start. Also: backups and the log folder in Settings. Runs in Chromium
 * against the headless host, which shares the desktop app's recovery door.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { violations } from "./support/axe";
import { expect, runCli, startPacta, test } from "./support/pacta";

const FIXTURE = path.join(__dirname, "fixtures/import/contrats-fr.csv");

let dataDir: string;
let host: { url: string; child: ChildProcess } | null = null;

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-e2e-recovery-"));
  const imported = runCli(dataDir, ["import", FIXTURE, "--json"]);
  expect(imported.status, imported.stderr).toBe(0);
});

test.afterEach(async () => {
  if (host) {
    const child = host.child;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    host = null;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Garbage over the pages after the first: the integrity check fails. */
function damageRegister(): string {
  const file = path.join(dataDir, "pacta.sqlite");
  const fd = fs.openSync(file, "r+");
  const junk = Buffer.alloc(8 * 4096, 0x42);
  fs.writeSync(fd, junk, 0, junk.length, 4096);
  fs.closeSync(fd);
  return file;
}

async function open(page: Page) {
  host = await startPacta(dataDir);
  await page.goto(host.url);
}

test("a damaged register opens on recovery, and a backup brings it back", async ({ page }) => {
  const contracts = JSON.parse(runCli(dataDir, ["list", "--json"]).stdout).length;
  expect(contracts).toBeGreaterThan(0);
  expect(runCli(dataDir, ["backup"]).status).toBe(0);
  damageRegister();
  await open(page);
  await expect(
    page.getByRole("heading", { level: 1, name: "Le registre ne peut pas être ouvert" }),
  ).toBeVisible();
  await expect(page.getByRole("alert").first()).toContainText("endommagé");
  expect(await violations(page)).toEqual([]);

  const restore = page.getByRole("button", { name: /^Restaurer la sauvegarde du / });
  await expect(restore).toHaveCount(1);
  await restore.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Restaurer cette sauvegarde ?");
  await dialog.getByRole("button", { name: "Restaurer" }).click();
  // The page reloads on the register, with the contracts of the backup.
  await expect(page.getByRole("heading", { level: 1, name: /Registre/ })).toBeVisible();
  const list = JSON.parse(runCli(dataDir, ["list", "--json"]).stdout);
  expect(list).toHaveLength(contracts);
  const aside = fs.readdirSync(dataDir).filter((f) => /^pacta\.sqlite\.damaged-/.test(f));
  expect(aside.length).toBeGreaterThanOrEqual(1);
});

test("the damaged register is exported read-only, then set aside for an empty one", async ({
  page,
}) => {
  const file = damageRegister();
  const damaged = fs.readFileSync(file);
  await open(page);
  await expect(page.getByText("Aucune sauvegarde n'est disponible")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporter en lecture seule" }).click();
  const saved = await (await download).path();
  const recovered = JSON.parse(fs.readFileSync(saved ?? "", "utf8"));
  expect(recovered.source).toBe("pacta.sqlite");
  expect(Object.keys(recovered.tables).length).toBeGreaterThan(3);
  expect(fs.readFileSync(file).equals(damaged)).toBe(true);

  await page.getByRole("button", { name: "Démarrer un registre vide" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Démarrer un registre vide ?");
  await dialog.getByRole("button", { name: "Démarrer un registre vide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Registre/ })).toBeVisible();
  expect(JSON.parse(runCli(dataDir, ["list", "--json"]).stdout)).toEqual([]);
  const aside = fs.readdirSync(dataDir).filter((f) => /^pacta\.sqlite\.damaged-[^-.]/.test(f));
  expect(aside.map((f) => fs.readFileSync(path.join(dataDir, f)).equals(damaged))).toContain(true);
});

test("Settings makes a backup, lists it, restores it, and shows the log folder", async ({
  page,
}) => {
  await open(page);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Paramètres" })
    .click();
  const section = page.getByRole("region", { name: "Sauvegardes" });
  await expect(section).toBeVisible();
  await expect(section.getByText(path.join(dataDir, "backups"))).toBeVisible();
  await section.getByRole("button", { name: "Sauvegarder maintenant" }).click();
  // The host made the day's copy when it started; "back up now" adds a manual one.
  const table = section.getByRole("table", { name: /Sauvegardes du registre/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText("Quotidienne");
  await expect(table).toContainText("Manuelle");

  const keep = section.getByRole("textbox", {
    name: "Conserver les sauvegardes quotidiennes (jours)",
  });
  await keep.fill("30");
  await section.getByRole("button", { name: "Enregistrer la durée" }).click();
  await expect(page.getByText("Durée de conservation enregistrée.")).toBeVisible();

  expect(runCli(dataDir, ["backups", "--json"]).stdout).toContain("manual");
  await section
    .getByRole("button", { name: /^Restaurer la sauvegarde du .*\(Manuelle\)$/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Restaurer" }).click();
  await expect(page.getByText(/^Sauvegarde restaurée\./)).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table).toContainText("Avant restauration");

  const logs = page.getByRole("region", { name: "Journaux" });
  await logs.getByRole("button", { name: "Ouvrir le dossier des journaux" }).click();
  await expect(logs.getByRole("status")).toContainText(path.join(dataDir, "logs"));
  expect(fs.existsSync(path.join(dataDir, "logs", "pacta.log"))).toBe(true);
  expect(await violations(page)).toEqual([]);
});
