/**
 * Accessibility (see a11y.spec.ts): axe scans of the Bitrix24 workflow tasks
 * (the inbox and a contract's business processes), triggers, reports and
 * questionnaires, in the states people meet them in.
 */
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { seedWorkflowTemplates } from "./bitrix24-double/bizproc-seed";
import { Bitrix24Double } from "./bitrix24-double/server";
import { QuestionnairesPage, QuestionnairesPanel } from "./pages/questionnaires";
import { RegisterPage } from "./pages/register-page";
import { ReportsPage } from "./pages/reports-page";
import { SyncControl } from "./pages/sync";
import { connectToDouble, TasksInbox, WorkflowsPanel } from "./pages/tasks";
import { TriggersPage } from "./pages/triggers";
import { importWithCli } from "./support/a11y-fixtures";
import { violations } from "./support/axe";
import { expect, type PactaHost, test } from "./support/pacta";

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
  // No portal yet: the form says so and takes the ids typed.
  await expect(
    triggers.form.getByText("Aucun portail Bitrix24 n'est connecté").first(),
  ).toBeVisible();
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
