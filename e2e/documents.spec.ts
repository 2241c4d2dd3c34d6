/**
 * A contract's text as a lawyer makes it: generated from a template (the
 * fields prefilled from the contract, the empty ones shown), touched up,
 * saved, and exported as a PDF read back with pdftotext.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { DocumentPanel } from "./pages/document-panel";
import { RegisterPage } from "./pages/register-page";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { expect, type PactaHost, SHARED_DATA, test } from "./support/pacta";

const FIXTURE = path.join(__dirname, "fixtures/templates/prestation.fr.md");
const CGV = path.join(SHARED_DATA, "templates/cgv.fr.md");

async function importTemplate(page: Page, pacta: PactaHost, file: string): Promise<void> {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(file);
  await new TemplateEditor(page).expectVersion(1);
}

async function createContract(page: Page, title: string): Promise<ContractPage> {
  const register = new RegisterPage(page);
  await register.showFromNavigation();
  await register.newContract.click();
  const form = new ContractForm(page);
  await form.expectNew();
  await form.fill({
    title,
    parties: [{ name: "Zoë Lefèvre-Œuvray", role: "client", signatory: "Zoë Lefèvre" }],
    value: "12 500,00",
    endDate: "31/12/2027",
  });
  await form.create.click();
  const contract = new ContractPage(page);
  await contract.expectTitle(title);
  return contract;
}

/** Text of a PDF, as pdftotext (poppler) extracts it. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("a contract's text is generated from a template, edited, saved and exported", async ({
  page,
  pacta,
}, testInfo) => {
  await importTemplate(page, pacta, FIXTURE);
  await createContract(page, "Prestation pour Zoë");

  const doc = new DocumentPanel(page);
  await expect(doc.panel.getByText("Ce contrat n'a pas encore de texte")).toBeVisible();
  await doc.generateFirst.click();
  await expect(doc.dialog).toBeVisible();
  await doc.chooseTemplate(/Contrat de prestation de services/);

  // Declared fields the contract cannot fill are shown empty; one is typed in.
  await expect(doc.dialog.getByText(/champs? (est|sont) vides?/)).toBeVisible();
  const mission = doc.field("Mission description");
  await expect(mission).toHaveValue("");
  await expect(mission).toHaveAccessibleName(/vide/);
  await mission.fill("audit des contrats fournisseurs, lot n° 2");
  await expect(mission).not.toHaveAccessibleName(/vide/);
  // What the contract says is prefilled: the client's name comes from its party.
  await expect(doc.field("Partie « client » : nom")).toHaveValue("Zoë Lefèvre-Œuvray");
  await doc.generate.click();
  await expect(doc.dialog).toBeHidden();

  await expect(doc.missing).toBeVisible();
  await expect(doc.missing).not.toContainText("mission.description");
  const parties = doc.section(1);
  await expect(parties.title).toHaveValue("Parties");
  await expect(parties.body).toContainText("Zoë Lefèvre-Œuvray");
  await expect(doc.section(2).body).toContainText("audit des contrats fournisseurs");

  // A touch-up to the signatures, saved, still there after a reload.
  const signatures = doc.section(5);
  await signatures.body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" À Paris, le jour de la signature.");
  await doc.save.click();
  await expect(page.getByText("Texte du contrat enregistré.")).toBeVisible();
  await page.reload();
  await expect(doc.section(5).body).toContainText("À Paris, le jour de la signature.");

  // The PDF: a download under the name main gives, with accents intact.
  const download = page.waitForEvent("download");
  await doc.exportPdf.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const saved = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(saved);
  expect(text).toContain("Zoë Lefèvre-Œuvray");
  expect(text).toContain("s’engage à exécuter les prestations décrites");
  expect(text).toContain("À Paris, le jour de la signature.");
  expect(text).toMatch(/Page 1 \/ \d+/);
});

test("the CGV generate a contract's text, exported as a PDF", async ({ page, pacta }, testInfo) => {
  test.skip(!fs.existsSync(CGV), `${CGV} is absent: the shared data folder is not beside the repo`);
  await importTemplate(page, pacta, CGV);
  await createContract(page, "CGV client Zoë");
  const doc = new DocumentPanel(page);
  await doc.generateFirst.click();
  await doc.chooseTemplate(/Conditions Générales/);
  await doc.generate.click();
  await expect(doc.dialog).toBeHidden();
  await expect(doc.missing).toContainText("company.name");
  await expect(doc.section(1).title).toHaveValue(/Champ d’application/);
  await expect(doc.section(1).body).toContainText("Les présentes conditions générales");

  const download = page.waitForEvent("download");
  await doc.exportPdf.click();
  const file = await download;
  const saved = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  const text = pdfText(saved);
  expect(text).toContain("Champ d’application");
  expect(text).toContain("Zoë Lefèvre-Œuvray");
  expect(text).toMatch(/Page 2 \/ \d+/);
});

test("a text saved elsewhere first is not overwritten: the second save is explained", async ({
  page,
  pacta,
  context,
}) => {
  await importTemplate(page, pacta, FIXTURE);
  await createContract(page, "Prestation à deux mains");
  const mine = new DocumentPanel(page);
  await mine.generateFirst.click();
  await mine.chooseTemplate(/Contrat de prestation de services/);
  await mine.generate.click();
  await expect(mine.section(1).body).toContainText("Zoë Lefèvre-Œuvray");

  const other = await context.newPage();
  await other.goto(page.url());
  const theirs = new DocumentPanel(other);
  await theirs.section(5).body.click();
  await other.keyboard.type("Version du collègue. ");
  await theirs.save.click();
  await expect(other.getByText("Texte du contrat enregistré.")).toBeVisible();

  await mine.section(5).body.click();
  await page.keyboard.type("Ma version. ");
  await mine.save.click();
  const staleText = "Quelqu'un d'autre a modifié ce texte";
  const stale = page.getByRole("alert").filter({ hasText: staleText });
  await expect(stale).toBeVisible();
  await expect(mine.section(5).body).toContainText("Ma version.");
  await stale.getByRole("button", { name: "Recharger la dernière version" }).click();
  await expect(mine.section(5).body).toContainText("Version du collègue.");
  await expect(mine.section(5).body).not.toContainText("Ma version.");
});

test("a value that is not a date or an amount is refused at its field", async ({ page, pacta }) => {
  await importTemplate(page, pacta, FIXTURE);
  await createContract(page, "Prestation à vérifier");
  const doc = new DocumentPanel(page);
  await doc.generateFirst.click();
  await doc.chooseTemplate(/Contrat de prestation de services/);
  await doc.field("Date de fin").fill("bientôt");
  await doc.field("Montant").fill("abc");
  await doc.generate.click();
  await expect(doc.dialog.getByText("Ce n'est pas une date : écrivez-la comme")).toBeVisible();
  await expect(doc.dialog.getByText("Ce n'est pas un montant : écrivez-le comme")).toBeVisible();
  await expect(doc.field("Date de fin")).toHaveAccessibleDescription(/Ce n'est pas une date/);
  // Corrected, the text is generated.
  await doc.field("Date de fin").fill("31/12/2027");
  await doc.field("Montant").fill("12 500 €");
  await doc.generate.click();
  await expect(doc.dialog).toBeHidden();
  await expect(doc.section(1).title).toHaveValue("Parties");
});
