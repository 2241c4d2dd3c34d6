/**
 * Accessibility: an axe scan (WCAG 2.0 and 2.1, A and AA rules) of each
 * screen in the states people meet it in. Any violation fails, listed with
 * its elements. This file: the register, a contract and its form, the import
 * wizard, templates, the clause library and a contract's document panel.
 * Triggers, workflow tasks, reports and questionnaires are in
 * a11y-features.spec.ts; every page in French and in English in
 * a11y-sweep.spec.ts.
 */
import path from "node:path";
import { ClauseLibrary } from "./pages/clause-library";
import { ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { DocumentPanel } from "./pages/document-panel";
import { ImportWizard } from "./pages/import-wizard";
import { RegisterPage } from "./pages/register-page";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { IMPORT_FIXTURES, importWithCli, TEMPLATE_FIXTURE } from "./support/a11y-fixtures";
import { violations } from "./support/axe";
import { expect, test } from "./support/pacta";

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

  await wizard.pickFile(path.join(IMPORT_FIXTURES, "bad-values.csv"));
  await expect(wizard.sampleRow(1)).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await wizard.start.click();
  await expect(wizard.reportHeading).toBeVisible();
  await expect(wizard.problems).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the templates page, empty, then the editor and its versions", async ({ page, pacta }) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await expect(templates.emptyTitle).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await templates.importFile(TEMPLATE_FIXTURE);
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
  await templates.importFile(TEMPLATE_FIXTURE);
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
