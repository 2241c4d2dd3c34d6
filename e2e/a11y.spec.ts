/**
 * Accessibility: an axe scan (WCAG 2.0 and 2.1, A and AA rules) of each
 * screen in the states people meet it in, then of every page and its main
 * dialogs in French and in English. Any violation fails, listed with its
 * elements.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ClauseLibrary } from "./pages/clause-library";
import { ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { DocumentPanel } from "./pages/document-panel";
import { ImportWizard } from "./pages/import-wizard";
import { RegisterPage } from "./pages/register-page";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { AxeSweep, useUiLanguage, violations } from "./support/axe";
import { expect, type PactaHost, test } from "./support/pacta";

const FIXTURES = path.join(__dirname, "fixtures/import");

function importWithCli(pacta: PactaHost, file: string): void {
  const run = pacta.cli("import", path.join(FIXTURES, file));
  expect(run.status, run.stderr).toBe(0);
}

test("the empty register", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await expect(register.empty).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the register with contracts, some to review, and a search that finds none", async ({
  page,
  pacta,
}) => {
  importWithCli(pacta, "contracts.json");
  importWithCli(pacta, "bad-values.csv");
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await expect(register.table.getByText("À vérifier", { exact: true }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await register.searchFor("introuvable");
  await expect(register.noMatch).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the contract form, empty and with errors", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.newContract.click();
  const form = new ContractForm(page);
  await form.expectNew();
  expect(await violations(page)).toEqual([]);

  await form.fillParty(1, { name: "Zoë Lefèvre", email: "zoe@" });
  await form.create.click();
  await form.expectFieldError(form.title, "Le contrat doit avoir un titre.");
  expect(await violations(page)).toEqual([]);
});

test("a contract's page with review flags and history", async ({ page, pacta }) => {
  importWithCli(pacta, "bad-values.csv");
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.openContract("Distribution agreement");
  const contract = new ContractPage(page);
  await contract.expectTitle("Distribution agreement");
  await expect(contract.reviewFlags).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await contract.delete.click();
  await expect(page.getByRole("dialog", { name: "Supprimer ce contrat ?" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the import wizard: file, mapping and report", async ({ page, pacta }) => {
  await new RegisterPage(page).open(pacta.url);
  const wizard = new ImportWizard(page);
  await wizard.openFromNavigation();
  expect(await violations(page)).toEqual([]);

  await wizard.pickFile(path.join(FIXTURES, "bad-values.csv"));
  await expect(wizard.sampleRow(1)).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await wizard.start.click();
  await expect(wizard.reportHeading).toBeVisible();
  await expect(wizard.problems).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

const TEMPLATE = path.join(__dirname, "fixtures/templates/prestation.fr.md");

test("the templates page, empty, then the editor and its versions", async ({ page, pacta }) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await expect(templates.emptyTitle).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await templates.importFile(TEMPLATE);
  const editor = new TemplateEditor(page);
  await editor.expectVersion(1);
  await expect(editor.preview).toContainText("Prestataire");
  expect(await violations(page)).toEqual([]);

  await editor.cursorAtEnd();
  await page.keyboard.type(" {{inconnu.champ}}");
  await expect(editor.problems).toBeVisible();
  expect(await violations(page)).toEqual([]);

  for (let i = 0; i < " {{inconnu.champ}}".length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type(" Modifié.");
  await editor.saveVersion("Relecture", 2);
  await editor.versions.click();
  await expect(editor.drawer.getByRole("table")).toBeVisible();
  await editor.drawer.getByRole("button", { name: "Comparer" }).click();
  await expect(editor.drawer.getByTestId("comparison").locator("ins").first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the clause library, empty and with its dialog", async ({ page, pacta }) => {
  const library = new ClauseLibrary(page);
  await library.open(pacta.url);
  await expect(library.emptyTitle).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await library.add.click();
  await expect(library.dialog()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await library.fillAndSave({ name: "Force majeure", text: "Aucune partie n'est tenue…" });
  await expect(library.row("Force majeure")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("a contract's document panel, empty, generating and generated", async ({ page, pacta }) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(TEMPLATE);
  await new TemplateEditor(page).expectVersion(1);
  importWithCli(pacta, "contracts.json");
  const register = new RegisterPage(page);
  await register.showFromNavigation();
  await register.openContract("Master services agreement");
  const doc = new DocumentPanel(page);
  await expect(doc.generateFirst).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await doc.generateFirst.click();
  await doc.chooseTemplate(/Contrat de prestation/);
  expect(await violations(page)).toEqual([]);
  await doc.generate.click();
  await expect(doc.section(1).body).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

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
    await page.getByLabel(ui.fileLabel).setInputFiles(path.join(FIXTURES, "bad-values.csv"));
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
    const run = pacta.cli("template", "import", TEMPLATE);
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
