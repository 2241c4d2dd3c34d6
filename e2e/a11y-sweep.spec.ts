/**
 * Accessibility (see a11y.spec.ts): every page of the app and its main
 * dialogs, scanned in French and in English.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { IMPORT_FIXTURES, importWithCli, TEMPLATE_FIXTURE } from "./support/a11y-fixtures";
import { AxeSweep, useUiLanguage } from "./support/axe";
import { expect, test } from "./support/pacta";

// Every page of the app, and the dialogs people open on it, in both UI languages.

/** The words the sweep clicks on, in each UI language. */
const UI = {
  fr: {
    registerTitle: "Registre des contrats",
    deleteTitle: "Supprimer ce contrat ?",
    delete: "Supprimer",
    fileLabel: "Fichier à importer (CSV ou JSON)",
    start: "Lancer l'import",
    report: "Rapport d'import",
    newTemplate: "Nouveau modèle",
    newClause: /Nouvelle clause|Rédiger une première clause/,
    addStage: /^Ajouter une étape après/,
    addPerson: "Ajouter une personne",
    snoozeUntil: "Reporter jusqu'au…",
    versions: "Versions",
    webhook: "URL du webhook entrant",
  },
  en: {
    registerTitle: "Contract register",
    deleteTitle: "Delete this contract?",
    delete: "Delete",
    fileLabel: "File to import (CSV or JSON)",
    start: "Start the import",
    report: "Import report",
    newTemplate: "New template",
    newClause: /New clause|Write a first clause/,
    addStage: /^Add a stage after/,
    addPerson: "Add a person",
    snoozeUntil: "Snooze until…",
    versions: "Versions",
    webhook: "Incoming webhook URL",
  },
} as const;

/** A contract whose notice deadline is ten days away: a reminder due now. */
function dueSoonFile(dir: string): string {
  const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const file = path.join(dir, "due-soon.json");
  const contract = {
    title: "Bail commercial Rivoli",
    counterparty: "Foncière Rivoli",
    endDate: end,
    renewal: { kind: "automatic", term: "P1Y", notice: "P10D" },
  };
  fs.writeFileSync(file, JSON.stringify([contract]));
  return file;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
}

for (const lng of ["fr", "en"] as const) {
  const ui = UI[lng];

  test(`${lng}: the register, a contract, its edit form and its dialogs`, async ({
    page,
    pacta,
  }) => {
    importWithCli(pacta, "contracts.json");
    importWithCli(pacta, "bad-values.csv");
    await useUiLanguage(page, lng);
    const sweep = new AxeSweep(page, lng);
    await page.goto(pacta.url);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1, name: ui.registerTitle })).toBeVisible();
    await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
    await sweep.scan("register");

    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
    await sweep.scan("contract");
    await page.getByRole("main").getByRole("button", { name: ui.delete, exact: true }).click();
    await expect(page.getByRole("dialog", { name: ui.deleteTitle })).toBeVisible();
    await sweep.scan("contract, delete dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    const id = /#\/contracts\/(\d+)/.exec(page.url())?.[1];
    await go(page, `#/contracts/${id}/edit`);
    await sweep.scan("contract edit form");
    await go(page, "#/contracts/new");
    await sweep.scan("new contract form");
    await go(page, "#/nowhere");
    await sweep.scan("page not found");
    expect(sweep.found).toEqual([]);
  });

  test(`${lng}: the import wizard's steps`, async ({ page, pacta }) => {
    await useUiLanguage(page, lng);
    const sweep = new AxeSweep(page, lng);
    await page.goto(pacta.url);
    await go(page, "#/import");
    await sweep.scan("import, file step");
    await page.getByLabel(ui.fileLabel).setInputFiles(path.join(IMPORT_FIXTURES, "bad-values.csv"));
    await expect(page.getByRole("button", { name: ui.start })).toBeVisible();
    await sweep.scan("import, mapping step");
    await page.getByRole("button", { name: ui.start }).click();
    await expect(page.getByRole("heading", { name: ui.report })).toBeVisible();
    await sweep.scan("import, report step");
    expect(sweep.found).toEqual([]);
  });

  test(`${lng}: templates, the template editor, clauses and their dialogs`, async ({
    page,
    pacta,
  }) => {
    const run = pacta.cli("template", "import", TEMPLATE_FIXTURE);
    expect(run.status, run.stderr).toBe(0);
    await useUiLanguage(page, lng);
    const sweep = new AxeSweep(page, lng);
    await page.goto(pacta.url);
    await go(page, "#/templates");
    await sweep.scan("templates");
    await page.getByRole("main").getByRole("button", { name: ui.newTemplate }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("templates, new template dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    await page.getByRole("main").getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("button", { name: ui.versions })).toBeVisible();
    await sweep.scan("template editor");
    await page.getByRole("button", { name: ui.versions }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("template editor, versions drawer");
    await page.keyboard.press("Escape");

    await go(page, "#/clauses");
    await sweep.scan("clauses");
    await page.getByRole("main").getByRole("button", { name: ui.newClause }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("clauses, clause dialog");
    expect(sweep.found).toEqual([]);
  });

  test(`${lng}: reminders, settings, sync and conflicts, with their dialogs`, async ({
    page,
    pacta,
  }) => {
    const run = pacta.cli("import", dueSoonFile(pacta.dataDir));
    expect(run.status, run.stderr).toBe(0);
    await useUiLanguage(page, lng);
    const sweep = new AxeSweep(page, lng);
    await page.goto(pacta.url);
    await go(page, "#/reminders");
    const snooze = page.getByRole("button", { name: ui.snoozeUntil }).first();
    await expect(snooze).toBeVisible();
    await sweep.scan("reminders");
    await snooze.click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("reminders, snooze dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    await go(page, "#/settings");
    await expect(page.getByLabel(ui.webhook)).toBeVisible();
    await sweep.scan("settings with sync settings");
    await page.getByRole("button", { name: ui.addStage }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("settings, stage dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await page.getByRole("button", { name: ui.addPerson }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await sweep.scan("settings, person dialog");
    await page.keyboard.press("Escape");

    await go(page, "#/sync/conflicts");
    await sweep.scan("sync conflicts");
    expect(sweep.found).toEqual([]);
  });
}
