/**
 * The import wizard, used as a person would: the CUAD file with its saved
 * mapping and its review flags, a French CSV read with guessed headers, a
 * broken file, and a second import of the same file.
 */
import fs from "node:fs";
import path from "node:path";
import { ContractPage } from "./pages/contract-page";
import { ImportWizard } from "./pages/import-wizard";
import { RegisterPage } from "./pages/register-page";
import { expect, SHARED_DATA, test } from "./support/pacta";

const CUAD = path.join(SHARED_DATA, "cuad/master_clauses.csv");
const CUAD_MAPPING = path.join(__dirname, "fixtures/cuad-mapping.json");
const FRENCH_CSV = path.join(__dirname, "fixtures/import/contrats-fr.csv");
const JSON_FILE = path.join(__dirname, "fixtures/import/contracts.json");

test("imports the CUAD file and leads to the contracts to review", async ({ page, pacta }) => {
  test.skip(!fs.existsSync(CUAD), `${CUAD} is absent: the CUAD import needs ../shared/data`);
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const wizard = new ImportWizard(page);
  await wizard.openFromNavigation();

  await wizard.pickFile(CUAD);
  await expect(wizard.fileSummary).toHaveText("master_clauses.csv : 510 lignes, format CSV");
  await wizard.loadMapping(CUAD_MAPPING);
  await expect(wizard.column("Titre")).toHaveValue("Document Name-Answer");
  await expect(wizard.column("Référence")).toHaveValue("Filename");
  await expect(wizard.column("Date de fin")).toHaveValue("Expiration Date-Answer");
  await expect(wizard.column("Format des dates")).toHaveValue("M/D/YYYY (12/31/2025)");
  // The preview follows the loaded mapping: row 5's end date "[]/[]/[]" needs review.
  await expect(wizard.sampleRow(5)).toContainText("ENDORSEMENT AGREEMENT");
  await expect(wizard.sampleRow(5).getByText("Date de fin", { exact: true })).toBeVisible();
  await expect(wizard.sampleRow(4)).toContainText("OK");

  const progress = await wizard.recordProgress();
  await wizard.start.click();
  await expect(wizard.reportHeading).toBeVisible();
  await expect(wizard.step("Import")).toHaveAttribute("data-completed", "true");
  await wizard.expectProgressShown(await progress(), 510);

  await wizard.expectReport("rows", 510);
  await wizard.expectReport("created", 510);
  await wizard.expectReport("updated", 0);
  await wizard.expectReport("skipped", 0);
  const flagged = await wizard.reportCount("flagged");
  expect(flagged).toBeGreaterThan(0);
  expect(flagged).toBeLessThan(510);
  await expect(wizard.problem(5, "Expiration Date-Answer")).toContainText("« []/[]/[] »");
  await expect(wizard.problem(7, "Agreement Date-Answer")).toContainText("« []/[]/2004 »");

  await wizard.showNeedsReview.click();
  await expect(register.heading).toBeVisible();
  await expect(register.needsReview).toBeChecked();
  await register.expectCount(flagged);
  await expect(register.table.getByText("À vérifier", { exact: true }).first()).toBeVisible();
  const rows = register.table.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows.first()).toContainText("À vérifier");

  await register.searchFor("adamsgolf");
  await register.expectCount(1);
  await register.openContract("ENDORSEMENT AGREEMENT");
  const contract = new ContractPage(page);
  await contract.expectTitle("ENDORSEMENT AGREEMENT");
  await expect(contract.reviewFlags).toContainText("1 point à vérifier");
  await expect(contract.reviewFlag("Date de fin").getByRole("cell")).toHaveText([
    "Date de fin",
    "« []/[]/[] » n'est pas une date lisible au format M/D/YYYY.",
    "[]/[]/[]",
    "5",
    "Expiration Date-Answer",
  ]);
  await expect(contract.fact("Date de fin")).toHaveText("—");

  await contract.markReviewed.click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Contrat marqué comme vérifié" }),
  ).toBeVisible();
  await expect(contract.reviewFlags).toBeHidden();

  await contract.backToRegister.click();
  await expect(register.needsReview).toBeChecked();
  await expect(register.noMatch).toBeVisible();
  await register.searchFor("");
  await register.expectCount(flagged - 1);
  await register.needsReview.uncheck();
  await register.expectCount(510);
});

test("imports a French CSV with the headers it recognises", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.empty.getByRole("link", { name: "Importer un fichier CSV ou JSON" }).click();
  const wizard = new ImportWizard(page);
  await expect(wizard.heading).toBeVisible();

  await wizard.pickFile(FRENCH_CSV);
  await expect(wizard.fileSummary).toHaveText("contrats-fr.csv : 3 lignes, format CSV");
  const guessed: [string, string][] = [
    ["Référence", "Référence"],
    ["Titre", "Intitulé"],
    ["Type", "Type de contrat"],
    ["Parties", "Cocontractant"],
    ["Montant", "Montant"],
    ["Devise", "Devise"],
    ["Date de signature", "Date de signature"],
    ["Date d'effet", "Date d'effet"],
    ["Date de fin", "Date de fin"],
    ["Type de renouvellement", "Renouvellement"],
    ["Durée de renouvellement", "Durée de renouvellement"],
    ["Préavis", "Préavis"],
    ["Droit applicable", "Loi applicable"],
    ["Étiquettes", "Étiquettes"],
    ["Notes", "Remarques"],
  ];
  for (const [field, column] of guessed) {
    await expect(wizard.column(field), field).toHaveValue(column);
  }
  await expect(wizard.column("Format des dates")).toHaveValue("DD/MM/YYYY (31/12/2025)");
  await expect(wizard.sampleRow(1)).toContainText("Contrat de maintenance");
  await expect(wizard.sampleRow(1)).toContainText("FR-2024-001");
  await expect(wizard.sampleRow(2)).toContainText("Bail commercial – Lyon");
  await expect(wizard.sampleRow(3)).toContainText("Accord de confidentialité");
  for (const row of [1, 2, 3]) await expect(wizard.sampleRow(row)).toContainText("OK");

  await wizard.start.click();
  await expect(wizard.reportHeading).toBeVisible();
  await wizard.expectReport("created", 3);
  await wizard.expectReport("flagged", 0);
  const allRead = "Aucun problème : toutes les valeurs ont été lues.";
  await expect(page.getByText(allRead)).toBeVisible();
  await expect(wizard.showNeedsReview).toBeHidden();

  await wizard.showRegister.click();
  await register.expectCount(3);
  await register.openContract("Contrat de maintenance");
  const contract = new ContractPage(page);
  await expect(contract.reference).toHaveText("FR-2024-001");
  await expect(contract.fact("Montant")).toHaveText(/^12\s000,50\s€$/);
  await expect(contract.fact("Date d'effet")).toHaveText("1 févr. 2024");
  await expect(contract.fact("Renouvellement")).toHaveText("Tacite reconduction · 1 an");
  await expect(contract.fact("Préavis")).toHaveText("3 mois");
  await expect(contract.party("Société Générale d'Entretien SA")).toContainText("Prestataire");
  await expect(contract.section("Notes")).toContainText("deuxième ligne; avec un point-virgule");
});

test("a truncated JSON file is refused clearly and nothing is imported", async ({
  page,
  pacta,
}) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const wizard = new ImportWizard(page);
  await wizard.openFromNavigation();

  const whole = fs.readFileSync(JSON_FILE);
  await wizard.pickFile({
    name: "contrats-coupes.json",
    mimeType: "application/json",
    buffer: whole.subarray(0, Math.floor(whole.length / 2)),
  });
  const error = page.getByRole("main").getByRole("alert");
  await expect(error).toContainText("Ce fichier n'a pas pu être lu.");
  await expect(error).toContainText("Vérifiez qu'il s'agit d'un CSV ou d'un JSON en UTF-8.");
  await expect(wizard.fileSummary).toBeHidden();
  await expect(wizard.start).toBeHidden();
  await expect(wizard.file).toBeEnabled();

  await register.showFromNavigation();
  await expect(register.empty).toBeVisible();
  const listed = pacta.cli("list", "--json", "--archived");
  expect(JSON.parse(listed.stdout)).toEqual([]);
});

test("importing the same file again creates nothing new", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const wizard = new ImportWizard(page);
  await wizard.openFromNavigation();

  await wizard.pickFile(FRENCH_CSV);
  await wizard.start.click();
  await wizard.expectReport("created", 3);

  await wizard.another.click();
  await wizard.pickFile(FRENCH_CSV);
  await expect(wizard.fileSummary).toHaveText("contrats-fr.csv : 3 lignes, format CSV");
  await wizard.start.click();
  await expect(wizard.reportHeading).toBeVisible();
  await wizard.expectReport("rows", 3);
  await wizard.expectReport("created", 0);
  await wizard.expectReport("updated", 0);
  await wizard.expectReport("unchanged", 3);

  await wizard.showRegister.click();
  await register.expectCount(3);
});
