/**
 * The register, used as a person would: an empty start, a contract created
 * through the form, found again without accents, edited, checked, archived,
 * restored and deleted; in French, then in English; and seen by the CLI.
 */
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { type ContractEntry, ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { RegisterPage } from "./pages/register-page";
import { expect, type PactaHost, test } from "./support/pacta";

const JSON_FIXTURE = path.join(__dirname, "fixtures/import/contracts.json");

const MAINTENANCE: ContractEntry = {
  title: "Contrat de maintenance — Société Générale Éclair",
  reference: "MAINT-2026-001",
  type: "Prestation de services",
  parties: [{ name: "Zoë Lefèvre", role: "Cliente", email: "zoe.lefevre@eclair.example" }],
  value: "12500,50",
  signatureDate: "15/12/2025",
  effectiveDate: "01/01/2026",
  endDate: "31/12/2026",
  renewal: {
    kind: "Tacite reconduction",
    term: { amount: 1, unit: "Années" },
    notice: { amount: 3, unit: "Mois" },
  },
  governingLaw: "France",
  tags: ["maintenance", "informatique"],
};

/** Opens the app and creates a contract through the header's "Nouveau contrat". */
async function createThroughForm(
  page: Page,
  pacta: PactaHost,
  entry: ContractEntry,
): Promise<ContractPage> {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.newContract.click();
  const form = new ContractForm(page);
  await form.expectNew();
  await form.fill(entry);
  await form.create.click();
  const contract = new ContractPage(page);
  await contract.expectTitle(entry.title);
  return contract;
}

/** Contracts the CLI lists in the same data folder. */
function cliList(pacta: PactaHost, ...options: string[]): Array<Record<string, unknown>> {
  const run = pacta.cli("list", "--json", ...options);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

/** Adds contracts the way another door would: the CLI importing a file. */
function seedWithCli(pacta: PactaHost): void {
  const run = pacta.cli("import", JSON_FIXTURE);
  expect(run.status, run.stderr).toBe(0);
}

test("a new user sees an empty register and what to do first", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await expect(register.empty).toBeVisible();
  await expect(register.empty.getByRole("heading", { name: "Le registre est vide" })).toBeVisible();
  await expect(register.empty).toContainText("Commencez par créer votre premier contrat");
  await expect(register.table).toBeHidden();
  await expect(
    register.empty.getByRole("link", { name: "Importer un fichier CSV ou JSON" }),
  ).toHaveAttribute("href", "#/import");
  await register.empty.getByRole("link", { name: "Créer un contrat" }).click();
  await new ContractForm(page).expectNew();
});

test("creates a contract through the form and shows its facts", async ({ page, pacta }) => {
  const contract = await createThroughForm(page, pacta, MAINTENANCE);

  await expect(page).toHaveURL(/#\/contracts\/\d+$/);
  await expect(page.getByRole("alert").filter({ hasText: "Contrat créé" })).toBeVisible();
  await expect(contract.reference).toHaveText("MAINT-2026-001");
  await expect(contract.badge("Brouillon")).toBeVisible();
  await expect(contract.fact("Type")).toHaveText("Prestation de services");
  await expect(contract.fact("Cocontractant")).toHaveText("Zoë Lefèvre");
  await expect(contract.fact("Montant")).toHaveText(/^12\s500,50\s€$/);
  await expect(contract.fact("Date de signature")).toHaveText("15 déc. 2025");
  await expect(contract.fact("Date d'effet")).toHaveText("1 janv. 2026");
  await expect(contract.fact("Date de fin")).toHaveText("31 déc. 2026");
  await expect(contract.fact("Renouvellement")).toHaveText("Tacite reconduction · 1 an");
  await expect(contract.fact("Préavis")).toHaveText("3 mois");
  await expect(contract.fact("Droit applicable")).toHaveText("France");
  for (const tag of ["maintenance", "informatique"]) {
    await expect(contract.fact("Étiquettes").getByText(tag, { exact: true })).toBeVisible();
  }
  const zoe = contract.party("Zoë Lefèvre");
  await expect(zoe.getByRole("cell")).toHaveText([
    "Zoë Lefèvre",
    "Cliente",
    "—",
    "zoe.lefevre@eclair.example",
  ]);
  await expect(contract.historyEntries("Création")).toHaveCount(1);

  // The register lists it with its stage, end date and value.
  await contract.backToRegister.click();
  const register = new RegisterPage(page);
  await register.expectCount(1);
  await expect(register.row(MAINTENANCE.title)).toContainText("MAINT-2026-001");
  await expect(register.row(MAINTENANCE.title)).toContainText("Zoë Lefèvre");
  await expect(register.row(MAINTENANCE.title)).toContainText("31 déc. 2026");
});

test("finds a contract by searching without accents, in any case", async ({ page, pacta }) => {
  seedWithCli(pacta);
  await createThroughForm(page, pacta, MAINTENANCE);
  const register = new RegisterPage(page);
  await register.showFromNavigation();
  await register.expectCount(3);

  for (const search of ["societe generale eclair", "LEFEVRE", "Zoe", "maint-2026"]) {
    // From the whole register each time, so each count is this search's own.
    await register.searchFor("");
    await register.expectCount(3);
    await register.searchFor(search);
    await register.expectCount(1);
    await expect(register.contractLink(MAINTENANCE.title)).toBeVisible();
    await expect(register.contractLink("Master services agreement")).toBeHidden();
  }

  await register.searchFor("globex");
  await register.expectCount(1);
  await expect(register.contractLink("Master services agreement")).toBeVisible();

  await register.searchFor("introuvable");
  await expect(register.noMatch).toBeVisible();
  await register.noMatch
    .getByRole("button", { name: "Effacer la recherche et les filtres" })
    .click();
  await expect(register.search).toHaveValue("");
  await register.expectCount(3);

  await register.searchFor("société générale");
  await register.openContract(MAINTENANCE.title);
  await new ContractPage(page).expectTitle(MAINTENANCE.title);
});

test("edits a contract and shows who changed what", async ({ page, pacta }) => {
  const contract = await createThroughForm(page, pacta, MAINTENANCE);
  const newTitle = "Contrat de maintenance — Société Générale Éclair (avenant n° 1)";

  await contract.edit.click();
  const form = new ContractForm(page);
  await form.expectEdit();
  await expect(form.title).toHaveValue(MAINTENANCE.title);
  await expect(form.party(1).name).toHaveValue("Zoë Lefèvre");
  // The stage is shown, not edited: stages move through the lifecycle, not the form.
  await expect(form.stage).toHaveValue("Brouillon");
  await expect(form.stage).not.toBeEditable();
  await form.title.fill(newTitle);
  await form.save.click();

  await contract.expectTitle(newTitle);
  await expect(contract.badge("Brouillon")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Contrat enregistré" })).toBeVisible();

  const change = contract.historyEntries("Modification");
  await expect(change).toHaveCount(1);
  await expect(change).toContainText(`· ${os.userInfo().username}`);
  await expect(change.getByRole("listitem").filter({ hasText: /^Titre/ })).toHaveText(
    `Titre : ${MAINTENANCE.title} → ${newTitle}`,
  );
  await expect(change.getByRole("listitem").filter({ hasText: /^Étape/ })).toHaveCount(0);
  // Newest first: the change comes before the creation.
  await expect(contract.historyEntries().first()).toContainText("Modification");

  await contract.backToRegister.click();
  const register = new RegisterPage(page);
  await expect(register.row(newTitle)).toContainText("Brouillon");
});

test("explains what to correct next to the field, and saves nothing", async ({ page, pacta }) => {
  await new RegisterPage(page).open(pacta.url);
  await new RegisterPage(page).newContract.click();
  const form = new ContractForm(page);
  await form.expectNew();

  await form.create.click();
  await expect(form.fixErrors).toBeVisible();
  await form.expectFieldError(form.title, "Le contrat doit avoir un titre.");
  await expect(form.title).toBeFocused();

  await form.title.fill("Contrat de test");
  await form.fillParty(1, { name: "Zoë Lefèvre", email: "zoe@" });
  await form.create.click();
  await form.expectFieldError(form.party(1).email, /Saisissez une adresse e-mail valide/);
  await expect(form.title).not.toHaveAttribute("aria-invalid", "true");

  await form.party(1).email.fill("zoe@eclair.example");
  await form.typeDate(form.effectiveDate, "01/06/2026");
  await form.typeDate(form.endDate, "31/05/2026");
  await form.create.click();
  await form.expectFieldError(form.endDate, "La date de fin est antérieure à la date d'effet.");
  await expect(form.party(1).email).not.toHaveAttribute("aria-invalid", "true");

  await expect(page).toHaveURL(/#\/contracts\/new$/);
  expect(cliList(pacta, "--archived")).toEqual([]);
});

test("archives, finds in the archived filter, restores and deletes", async ({ page, pacta }) => {
  const contract = await createThroughForm(page, pacta, MAINTENANCE);
  const register = new RegisterPage(page);

  await contract.archive.click();
  await expect(contract.archivedNotice).toBeVisible();
  await expect(contract.badge("Archivé")).toBeVisible();
  await expect(contract.restore).toBeVisible();

  await contract.backToRegister.click();
  await expect(register.allArchived).toBeVisible();
  await expect(register.contractLink(MAINTENANCE.title)).toBeHidden();

  await register.showArchived("Seuls");
  await register.expectCount(1);
  await expect(register.row(MAINTENANCE.title)).toContainText("Archivé");
  await register.openContract(MAINTENANCE.title);

  await contract.restore.click();
  await expect(contract.archive).toBeVisible();
  await expect(contract.archivedNotice).toBeHidden();
  await expect(contract.historyEntries("Restauration")).toHaveCount(1);
  await expect(contract.historyEntries("Archivage")).toHaveCount(1);

  await contract.backToRegister.click();
  await register.showArchived("Masqués");
  await register.expectCount(1);
  await expect(register.row(MAINTENANCE.title)).not.toContainText("Archivé");
  await register.openContract(MAINTENANCE.title);

  // Cancel first: nothing happens.
  await contract.delete.click();
  const dialog = page.getByRole("dialog", { name: "Supprimer ce contrat ?" });
  await expect(dialog).toContainText(`« ${MAINTENANCE.title} » disparaîtra du registre.`);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(dialog).toBeHidden();
  await contract.expectTitle(MAINTENANCE.title);

  await contract.deleteConfirmed();
  await expect(page.getByRole("alert").filter({ hasText: "Contrat supprimé" })).toBeVisible();
  await expect(register.heading).toBeVisible();
  await expect(register.empty).toBeVisible();
  expect(cliList(pacta, "--archived")).toEqual([]);
});

test("speaks English after the switch, and remembers it", async ({ page, pacta }) => {
  seedWithCli(pacta);
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const english = page.getByRole("button", { name: "EN", exact: true });
  await english.click();
  await expect(english).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await expect(page.getByRole("heading", { level: 1, name: "Contract register" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("2 contracts");
  const table = page.getByRole("table", { name: "Contracts in the register" });
  await expect(table.getByRole("columnheader")).toHaveText([
    /Reference/,
    /Title/,
    "Counterparty",
    /Stage/,
    /End date/,
    /Value/,
    "Review",
  ]);
  await expect(
    table.getByRole("row").filter({ hasText: "Master services agreement" }),
  ).toContainText("Negotiation");

  await page.getByRole("banner").getByRole("link", { name: "New contract" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New contract" })).toBeVisible();
  const main = page.getByRole("main");
  for (const label of ["Title", "Reference", "Effective date", "End date", "Notice period"]) {
    await expect(main.getByRole("textbox", { name: label, exact: true })).toBeVisible();
  }
  await expect(main.getByRole("combobox", { name: "Renewal kind" })).toBeVisible();
  await main.getByRole("button", { name: "Create contract" }).click();
  await expect(
    main.getByRole("textbox", { name: "Title", exact: true }),
  ).toHaveAccessibleDescription("A contract needs a title.");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "New contract" })).toBeVisible();
  await page.getByRole("button", { name: "FR", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau contrat" })).toBeVisible();
});

test("the CLI sees the contract the UI created", async ({ page, pacta }) => {
  await createThroughForm(page, pacta, MAINTENANCE);
  const id = Number(/#\/contracts\/(\d+)$/.exec(page.url())?.[1]);

  const rows = cliList(pacta);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    id,
    reference: "MAINT-2026-001",
    title: MAINTENANCE.title,
    type: "Prestation de services",
    stage: "draft",
    counterparty: "Zoë Lefèvre",
    effectiveDate: "2026-01-01",
    endDate: "2026-12-31",
    renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    value: 12500.5,
    currency: "EUR",
    archived: false,
    needsReview: false,
  });
  expect([...((rows[0]?.tags ?? []) as string[])].sort()).toEqual(["informatique", "maintenance"]);

  const found = cliList(pacta, "--search", "societe generale eclair");
  expect(found.map((r) => r.id)).toEqual([id]);

  const show = pacta.cli("show", String(id), "--json");
  expect(show.status, show.stderr).toBe(0);
  expect(JSON.parse(show.stdout)).toMatchObject({
    signatureDate: "2025-12-15",
    governingLaw: "France",
    parties: [
      {
        name: "Zoë Lefèvre",
        role: "Cliente",
        email: "zoe.lefevre@eclair.example",
        internal: false,
      },
    ],
    history: [{ action: "created", actor: os.userInfo().username }],
  });
});

test("Back from a contract form with unsaved edits asks first", async ({ page, pacta }) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await page.getByRole("link", { name: "Nouveau contrat" }).click();
  const form = new ContractForm(page);
  await form.expectNew();
  await form.title.fill("Bail commercial");
  const ask = page.getByRole("dialog").filter({ hasText: "Quitter sans enregistrer ?" });
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Rester sur la page" }).click();
  await expect(form.title).toHaveValue("Bail commercial");
  await page.goBack();
  await ask.getByRole("button", { name: "Quitter sans enregistrer" }).click();
  await expect(register.empty).toBeVisible();
});
