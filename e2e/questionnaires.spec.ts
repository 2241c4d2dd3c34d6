/**
 * Questionnaires as a lawyer uses them: define one, hand it to a party of
 * a contract, download its fillable PDF, have it filled (here by pdf-lib,
 * as a PDF reader does), upload it, see the answers on the contract and
 * the results with their chart.
 */
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { ContractPage } from "./pages/contract-page";
import { QuestionnairesPage, QuestionnairesPanel } from "./pages/questionnaires";
import { expect, test } from "./support/pacta";

const CONTRACTS = path.join(__dirname, "fixtures/import/contracts.json");

test("a questionnaire is defined, handed out as a PDF, filled, imported and read", async ({
  page,
  pacta,
}, testInfo) => {
  // A long walk through four screens, with CLI runs: slow on a busy machine.
  test.setTimeout(150_000);
  const imported = pacta.cli("import", CONTRACTS);
  expect(imported.status, imported.stderr).toBe(0);
  const list = JSON.parse(pacta.cli("list", "--json").stdout) as { id: number; title: string }[];
  const contract = list.find((c) => c.title === "Master services agreement");
  if (!contract) throw new Error("the fixture's contract is missing");

  await page.goto(pacta.url);
  const questionnaires = new QuestionnairesPage(page);
  await questionnaires.showFromNavigation();
  await questionnaires.define(
    "Retour après signature",
    [
      { text: "Satisfaction générale", required: true },
      {
        kind: "Choix (une option)",
        text: "Comment nous avez-vous connus ?",
        options: ["Salon « Droit & Tech »", "Recherche"],
        required: true,
      },
      { kind: "Oui / non", text: "Nous recommanderiez-vous ?" },
      { kind: "Texte libre", text: "Un commentaire ?" },
    ],
    "Signature",
  );
  await expect(questionnaires.table.getByText("À l'étape « Signature »")).toBeVisible();

  // The stage trigger: moving a contract into "Signature" hands it to its party, once.
  const nda = list.find((c) => c.title === "Non-disclosure agreement");
  if (!nda) throw new Error("the fixture's NDA is missing");
  const moved = pacta.cli("move", String(nda.id), "signature", "--yes");
  expect(moved.status, moved.stderr).toBe(0);
  await page.goto(`${pacta.url.split("#")[0]}#/contracts/${nda.id}`);
  const triggered = new QuestionnairesPanel(page).card("Retour après signature", "Initech");
  await expect(triggered.getByText("à l'étape « Signature »", { exact: false })).toBeVisible();
  await expect(triggered.getByText("En attente")).toBeVisible();

  await page.goto(`${pacta.url.split("#")[0]}#/contracts/${contract.id}`);
  await new ContractPage(page).expectTitle("Master services agreement");
  const panel = new QuestionnairesPanel(page);
  await panel.handOut("Retour après signature", "Globex SARL");
  const card = panel.card("Retour après signature", "Globex SARL");
  await expect(card.getByText("En attente")).toBeVisible();

  // The fillable PDF, as the party receives it.
  const download = page.waitForEvent("download");
  await card.getByRole("button", { name: /PDF à remplir/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Retour après signature - Globex SARL.pdf");
  const blank = testInfo.outputPath("blank.pdf");
  await file.saveAs(blank);

  // A file that is not a PDF is refused, saying so, and nothing is stored.
  const notes = testInfo.outputPath("notes.pdf");
  fs.writeFileSync(notes, "mes réponses");
  await panel.importFile.setInputFiles(notes);
  await expect(panel.problems).toContainText("Ce fichier n'est pas un PDF.");
  await expect(card.getByText("En attente")).toBeVisible();

  // Filled as a PDF reader fills it: fields set, saved, not flattened.
  const doc = await PDFDocument.load(fs.readFileSync(blank));
  const form = doc.getForm();
  form.getRadioGroup("answer.q1").select("4");
  form.getRadioGroup("answer.q2").select("o1");
  form.getRadioGroup("answer.q3").select("yes");
  form.getTextField("answer.q4").setText("Très réactifs, merci");
  const filled = testInfo.outputPath("filled.pdf");
  fs.writeFileSync(filled, await doc.save());
  await panel.importFile.setInputFiles(filled);
  await expect(card.getByText("Répondu")).toBeVisible();
  const answers = card.getByRole("table");
  await expect(answers.getByRole("row", { name: /Satisfaction générale/ })).toContainText("4");
  await expect(answers.getByRole("row", { name: /connus/ })).toContainText(
    "Salon « Droit & Tech »",
  );
  await expect(answers.getByRole("row", { name: /recommanderiez/ })).toContainText("Oui");
  await expect(answers.getByRole("row", { name: /commentaire/ })).toContainText("Très réactifs");
  await expect(card.getByText(/PDF importé · Globex SARL <hank@globex.example>/)).toBeVisible();

  // A correction by hand keeps the value it replaced.
  await card.getByRole("button", { name: /^Corriger/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog
    .getByRole("radiogroup", { name: /Satisfaction générale/ })
    .getByRole("radio", { name: "5" })
    .check();
  await dialog.getByRole("button", { name: "Enregistrer les réponses" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText("Satisfaction générale : 4 → 5")).toBeVisible();

  // The results: a chart and its table.
  await questionnaires.showFromNavigation();
  await questionnaires.table
    .getByRole("link", { name: "Retour après signature", exact: true })
    .click();
  const main = page.getByRole("main");
  await expect(
    main.getByRole("heading", { name: "Résultats — Retour après signature" }),
  ).toBeVisible();
  await expect(main.getByText("1 réponse(s) sur 2 envoi(s) · version 1")).toBeVisible();
  const scale = main.getByRole("region", { name: "1. Satisfaction générale" });
  await expect(scale.getByText("Moyenne : 5")).toBeVisible();
  await expect(scale.locator(".recharts-surface")).toBeVisible();
  await expect(scale.getByRole("row", { name: "5 1" })).toBeVisible();

  const csv = page.waitForEvent("download");
  await main.getByRole("button", { name: "Exporter en CSV" }).click();
  await page.getByRole("menuitem", { name: /Réponses, point-virgule/ }).click();
  const saved = testInfo.outputPath("answers.csv");
  await (await csv).saveAs(saved);
  const text = fs.readFileSync(saved, "utf8");
  // The last response (the correction) names who and how.
  expect(text).toContain("Globex SARL;Globex SARL;hank@globex.example;correction;");
  expect(text).toContain(";5;Salon « Droit & Tech »;oui;Très réactifs, merci");
});

test("the results speak the UI's language: decimal comma, plurals, refusals", async ({
  page,
  pacta,
}, testInfo) => {
  test.setTimeout(120_000);
  expect(pacta.cli("import", CONTRACTS).status).toBe(0);
  const list = JSON.parse(pacta.cli("list", "--json").stdout) as { id: number; title: string }[];
  const contract = list.find((c) => c.title === "Master services agreement");
  if (!contract) throw new Error("the fixture's contract is missing");
  const definition = testInfo.outputPath("q.json");
  fs.writeFileSync(
    definition,
    JSON.stringify({
      title: "Qualité",
      questions: [
        { kind: "scale", text: "Note", required: true },
        { kind: "text", text: "Un mot ?", required: false },
      ],
    }),
  );
  const made = pacta.cli("questionnaire", "create", definition, "--json");
  expect(made.status, made.stderr).toBe(0);
  const qid = String((JSON.parse(made.stdout) as { id: number }).id);
  // Three answers, 2, 3 and 3: the first party answers twice, once per hand-out.
  for (const [party, note, word] of [
    ["1", "2", "Bien"],
    ["2", "3", ""],
    ["1", "3", ""],
  ] as const) {
    const attached = pacta.cli(
      "questionnaire",
      "attach",
      qid,
      String(contract.id),
      "--party",
      party,
    );
    expect(attached.status, attached.stderr).toBe(0);
    const id = /#(\d+)/.exec(attached.stdout)?.[1] ?? "";
    const blank = testInfo.outputPath(`blank-${id}.pdf`);
    expect(pacta.cli("questionnaire", "pdf", id, blank).status).toBe(0);
    const doc = await PDFDocument.load(fs.readFileSync(blank));
    doc.getForm().getRadioGroup("answer.q1").select(note);
    if (word) doc.getForm().getTextField("answer.q2").setText(word);
    const filled = testInfo.outputPath(`filled-${id}.pdf`);
    fs.writeFileSync(filled, await doc.save());
    const imported = pacta.cli("questionnaire", "import", filled);
    expect(imported.status, imported.stderr).toBe(0);
  }

  // A refusal in French only: main's English words are not repeated under it.
  await page.goto(pacta.url);
  await page.goto(`${pacta.url.split("#")[0]}#/contracts/${contract.id}`);
  const panel = new QuestionnairesPanel(page);
  const notes = testInfo.outputPath("notes.pdf");
  fs.writeFileSync(notes, "mes réponses");
  await panel.importFile.setInputFiles(notes);
  await expect(panel.problems).toContainText("Ce fichier n'est pas un PDF.");
  await expect(panel.problems).not.toContainText("this file is not a PDF");

  await page.goto(`${pacta.url.split("#")[0]}#/questionnaires/${qid}`);
  const main = page.getByRole("main");
  const note = main.getByRole("region", { name: "1. Note" });
  await expect(note.getByText("Moyenne : 2,67")).toBeVisible();
  await expect(note.getByText("3 réponses")).toBeVisible();
  await expect(
    main.getByRole("region", { name: "2. Un mot ?" }).getByText("1 réponse"),
  ).toBeVisible();
});
