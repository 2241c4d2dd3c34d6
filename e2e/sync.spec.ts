/**
 * Bitrix24 sync as a lawyer uses it, against the test double on 127.0.0.1:
 * connect with a webhook in the settings, pick the smart process, sync with
 * one click, see the portal's company on the contract, resolve a conflict
 * field by field, and see the offline state when the portal is gone.
 */
import path from "node:path";
import { CONTRACT_TYPE_ID } from "./bitrix24-double/catalog";
import { Bitrix24Double } from "./bitrix24-double/server";
import { ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { ConflictsPage, SyncControl, SyncSettings } from "./pages/sync";
import { violations } from "./support/axe";
import { expect, test } from "./support/pacta";

let double: Bitrix24Double;

test.beforeEach(async () => {
  double = await Bitrix24Double.start();
});

test.afterEach(async () => {
  await double.close();
});

test("a conflict is detected, shown and resolved per field", async ({ page, pacta }) => {
  const item = double.state.add(
    CONTRACT_TYPE_ID,
    { title: "Bail commercial Lemaître", categoryId: 30, companyId: 2, opportunity: 1500 },
    1,
  );
  const settings = new SyncSettings(page);
  await settings.open(pacta.url);
  const secret = double.webhookUrl().split("/")[5] ?? "";
  await settings.webhook.fill(double.webhookUrl());
  await settings.connect.click();
  await expect(settings.section).toContainText(
    `Connecté à ${double.origin}/ en tant que Camille Lefèvre`,
  );
  await expect(settings.webhook).toBeHidden();
  await expect(page.locator("body")).not.toContainText(secret);

  await settings.choose("Les contrats sont", "le processus intelligent « Contrats »");
  await settings.choose("Pipeline", "Contrats clients");
  await settings.save.click();
  await expect(page.getByText("Réglages Bitrix24 enregistrés.")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const control = new SyncControl(page);
  await control.sync();
  await expect(control.summary).toHaveText(/^Dernière synchro .*: \d+ reçus, 0 envoyés$/);

  await page.getByRole("link", { name: "Registre" }).click();
  await page.getByRole("link", { name: "Bail commercial Lemaître" }).click();
  const contract = new ContractPage(page);
  await contract.expectTitle("Bail commercial Lemaître");
  const link = contract.section("Bitrix24");
  await expect(link).toContainText("Boulangerie Lemaître & Fils");

  // Both sides change the title; the portal also changes the amount, which we did not touch.
  await contract.edit.click();
  const form = new ContractForm(page);
  await form.title.fill("Bail commercial Lemaître (révisé)");
  await form.save.click();
  await contract.expectTitle("Bail commercial Lemaître (révisé)");
  double.state.update(
    CONTRACT_TYPE_ID,
    item.id,
    { title: "Bail Lemaître — version portail", opportunity: 1800 },
    2,
  );
  await control.sync();
  await expect(control.conflictsLink).toHaveAccessibleName("1 conflit à résoudre");
  await expect(control.conflictsLink).toHaveText("1 conflit");
  expect(item.values.title).toBe("Bail Lemaître — version portail");

  await control.conflictsLink.click();
  const conflicts = new ConflictsPage(page);
  await expect(conflicts.heading).toBeVisible();
  const row = conflicts.row("Bail commercial Lemaître (révisé)", "Titre");
  await expect(row).toContainText("Bail commercial Lemaître");
  await expect(row).toContainText("Bail Lemaître — version portail");
  expect(await violations(page)).toEqual([]);
  await row.getByRole("button", { name: "Prendre celle du portail" }).click();
  await expect(conflicts.empty).toBeVisible();

  await page.goto(`${pacta.url.split("#")[0]}#/`);
  await page.getByRole("link", { name: "Bail Lemaître — version portail" }).click();
  await contract.expectTitle("Bail Lemaître — version portail");
  await expect(contract.keyFacts).toContainText("1 800");

  await control.sync();
  await expect(control.conflictsLink).toBeHidden();
  expect(item.values.title).toBe("Bail Lemaître — version portail");
});

test("the portal out of reach is an offline state, and the edits wait", async ({ page, pacta }) => {
  const imported = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(imported.status, imported.stderr).toBe(0);
  const settings = new SyncSettings(page);
  await settings.open(pacta.url);
  await settings.webhook.fill(double.webhookUrl());
  await settings.connect.click();
  await expect(settings.disconnect).toBeVisible();
  double.offline = true;
  const control = new SyncControl(page);
  await control.sync();
  // A read is retried four times (about 8 s of backoff) before the portal counts as out of reach.
  await expect(control.offline).toBeVisible({ timeout: 30_000 });
  await expect(control.summary).toHaveText(
    /^Portail injoignable .*: 2 contrats attendent l'envoi$/,
  );
  expect(await violations(page)).toEqual([]);
  double.offline = false;
  await control.sync();
  await expect(control.offline).toBeHidden();
  await expect(control.summary).toHaveText(/^Dernière synchro .*: \d+ reçus, 2 envoyés$/);
  const deals = [...double.state.type(2).items.values()];
  // The seed's first deal also names Pacta as its origin; ours carry a contract's uid.
  const ours = deals.filter(
    (d) => d.values.originatorId === "pacta" && d.values.originId !== "seed-deal-0",
  );
  expect(ours.map((d) => d.values.title)).toEqual([
    "Master services agreement",
    "Non-disclosure agreement",
  ]);
});
