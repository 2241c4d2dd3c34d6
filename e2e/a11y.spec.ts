/**
 * Accessibility: an axe scan (WCAG 2.0 and 2.1, A and AA rules) of each
 * screen in the states people meet it in, then of every page and its main
 * dialogs in French and in English. Any violation fails, listed with its
 * elements.
 * Templates, the clause library, a contract's document panel, the Bitrix24
 * workflow tasks (the inbox and a contract's business processes), triggers,
 * reports and questionnaires are scanned in their own tests below.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { seedWorkflowTemplates } from "./bitrix24-double/bizproc-seed";
import { Bitrix24Double } from "./bitrix24-double/server";
import { ClauseLibrary } from "./pages/clause-library";
import { ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { DocumentPanel } from "./pages/document-panel";
import { ImportWizard } from "./pages/import-wizard";
import { QuestionnairesPage, QuestionnairesPanel } from "./pages/questionnaires";
import { RegisterPage } from "./pages/register-page";
import { ReportsPage } from "./pages/reports-page";
import { SyncControl } from "./pages/sync";
import { connectToDouble, TasksInbox, WorkflowsPanel } from "./pages/tasks";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { TriggersPage } from "./pages/triggers";
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

test("the triggers screen, empty, with every action open, and with a rule", async ({
  page,
  pacta,
}) => {
  const triggers = new TriggersPage(page);
  await triggers.open(pacta.url);
  await expect(page.getByText("Aucune règle pour l'instant.")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await triggers.name.fill("Tout changement");
  for (const label of ["Termes", "Conditions", "Montant", "Dates", "Étape"]) {
    await triggers.check(label);
  }
  await triggers.check("Envoyer le contrat au portail");
  await triggers.check("Déplacer l'élément du portail vers l'étape");
  await triggers.check("Démarrer le processus d'entreprise");
  await triggers.check("Ajouter un commentaire au fil du portail");
  await triggers.check("Joindre le PDF du contrat");
  await triggers.check("Notifier des utilisateurs du portail");
  await triggers.form.getByLabel("Étape du portail (identifiant)").fill("DT1220_30:CLIENT");
  await triggers.form.getByLabel("N° du modèle de processus").fill("3");
  await triggers.form.getByLabel("N° des utilisateurs (séparés par des virgules)").fill("x");
  await triggers.save.click();
  await expect(triggers.form.getByText("Indiquez des numéros d'utilisateur")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await triggers.form.getByLabel("N° des utilisateurs (séparés par des virgules)").fill("2");
  await triggers.save.click();
  await expect(triggers.rule("Tout changement")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the tasks inbox, before a portal is connected", async ({ page, pacta }) => {
  await page.goto(pacta.url);
  const inbox = new TasksInbox(page);
  await inbox.open();
  await expect(page.getByText("Connectez Pacta à un portail Bitrix24")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("workflow tasks: the inbox, a request with fields, a contract's processes", async ({
  page,
  pacta,
}) => {
  const double = await Bitrix24Double.start();
  try {
    const templates = seedWorkflowTemplates(double.state);
    importWithCli(pacta, "contracts.json");
    await connectToDouble(page, pacta.url, double);
    const inbox = new TasksInbox(page);
    await inbox.open();
    await expect(inbox.empty).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const register = new RegisterPage(page);
    await register.showFromNavigation();
    await register.openContract("Master services agreement");
    const panel = new WorkflowsPanel(page);
    await expect(panel.startButton("Demande de pièces")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    const item = [...double.state.type(1220).items.values()].find(
      (i) => i.values.title === "Master services agreement",
    );
    double.state.bizproc.start(
      templates.request,
      ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", `DYNAMIC_1220_${item?.id}`],
      { Lawyer: "user_1" },
      1,
    );
    await panel.startButton("Validation juridique").click();
    await expect(panel.dialog).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await panel.dialog.getByRole("button", { name: "Annuler" }).click();

    await new SyncControl(page).sync();
    await inbox.open();
    const card = inbox.task("Fournir le contrat signé");
    await expect(
      card.getByRole("checkbox", { name: /Joindre le PDF de ce contrat/ }),
    ).toBeVisible();
    await card.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(card.getByText("Ce champ est obligatoire.").first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  } finally {
    await double.close();
  }
});

test("the reports screen, empty and with figures, charts and a filter", async ({ page, pacta }) => {
  const reports = new ReportsPage(page);
  await reports.open(pacta.url);
  await expect(reports.table("Contrats")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  importWithCli(pacta, "contracts.json");
  await page.reload();
  await expect(
    reports.bars("renewalOutcomes").or(reports.bars("valueByStage")).first(),
  ).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await reports.choose(reports.type, "Services");
  await expect(reports.table("Valeur par devise")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

/** A questionnaire handed to Globex SARL, answered with a PDF filled as a reader fills it. */
async function answeredQuestionnaire(pacta: PactaHost, dir: string): Promise<number> {
  importWithCli(pacta, "contracts.json");
  const definition = path.join(dir, "q.json");
  fs.writeFileSync(
    definition,
    JSON.stringify({
      title: "Retour après signature",
      questions: [
        { kind: "scale", text: "Satisfaction générale", required: true },
        { kind: "choice", text: "Canal", options: ["Salon", "Recherche"] },
        { kind: "yesno", text: "Nous recommanderiez-vous ?" },
        { kind: "date", text: "Prochaine revue" },
        { kind: "text", text: "Un commentaire ?" },
      ],
    }),
  );
  const made = pacta.cli("questionnaire", "create", definition, "--json");
  expect(made.status, made.stderr).toBe(0);
  const contracts = JSON.parse(pacta.cli("list", "--json").stdout) as {
    id: number;
    title: string;
  }[];
  const contract = contracts.find((c) => c.title === "Master services agreement");
  if (!contract) throw new Error("the fixture's contract is missing");
  const attach = pacta.cli(
    "questionnaire",
    "attach",
    "1",
    String(contract.id),
    "--party",
    "Globex SARL",
    "--json",
  );
  expect(attach.status, attach.stderr).toBe(0);
  const blank = path.join(dir, "blank.pdf");
  expect(pacta.cli("questionnaire", "pdf", "1", blank).status).toBe(0);
  const doc = await PDFDocument.load(fs.readFileSync(blank));
  doc.getForm().getRadioGroup("answer.q1").select("4");
  doc.getForm().getRadioGroup("answer.q2").select("o2");
  const filled = path.join(dir, "filled.pdf");
  fs.writeFileSync(filled, await doc.save());
  const imported = pacta.cli("questionnaire", "import", filled);
  expect(imported.status, imported.stderr).toBe(0);
  return contract.id;
}

test("the questionnaires: list, editor, a contract's panel and the results", async ({
  page,
  pacta,
}, testInfo) => {
  // Four CLI runs and four screens: slow on a busy machine.
  test.setTimeout(150_000);
  const contractId = await answeredQuestionnaire(pacta, testInfo.outputPath());
  const base = pacta.url.split("#")[0];
  await page.goto(pacta.url);
  const questionnaires = new QuestionnairesPage(page);
  await questionnaires.showFromNavigation();
  await expect(questionnaires.table).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await questionnaires.create.click();
  await expect(questionnaires.editor).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(`${base}#/contracts/${contractId}`);
  const panel = new QuestionnairesPanel(page);
  await expect(
    panel.card("Retour après signature", "Globex SARL").getByText("Répondu"),
  ).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await panel
    .card("Retour après signature", "Globex SARL")
    .getByRole("button", { name: /^Corriger/ })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(`${base}#/questionnaires/1`);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
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
