/**
 * Deleting a contract linked to a Bitrix24 item from its page: the dialog
 * asks what becomes of the portal item, and "delete it too" removes it
 * from the portal with the next sync.
 */
import { CONTRACT_TYPE_ID } from "./bitrix24-double/catalog";
import { Bitrix24Double } from "./bitrix24-double/server";
import { ContractPage } from "./pages/contract-page";
import { SyncControl, SyncSettings } from "./pages/sync";
import { expect, test } from "./support/pacta";

let double: Bitrix24Double;

test.beforeEach(async () => {
  double = await Bitrix24Double.start();
});

test.afterEach(async () => {
  await double.close();
});

test("deleting a linked contract asks about its portal item", async ({ page, pacta }) => {
  const item = double.state.add(
    CONTRACT_TYPE_ID,
    { title: "Bail commercial Lemaître", categoryId: 30 },
    1,
  );
  const settings = new SyncSettings(page);
  await settings.open(pacta.url);
  await settings.webhook.fill(double.webhookUrl());
  await settings.connect.click();
  await settings.choose("Les contrats sont", "le processus intelligent « Contrats »");
  await settings.choose("Pipeline", "Contrats clients");
  await settings.save.click();
  await expect(page.getByText("Réglages Bitrix24 enregistrés.")).toBeVisible();
  const control = new SyncControl(page);
  await control.sync();

  await page.getByRole("link", { name: "Registre" }).click();
  await page.getByRole("link", { name: "Bail commercial Lemaître" }).click();
  const contract = new ContractPage(page);
  await contract.expectTitle("Bail commercial Lemaître");
  await contract.delete.click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Supprimer définitivement" });
  await expect(dialog.getByRole("radiogroup", { name: /lié à un élément/ })).toBeVisible();
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("radio", { name: /Supprimer aussi l'élément du portail/ }).check();
  await confirm.click();
  await expect(page.getByRole("link", { name: "Bail commercial Lemaître" })).toHaveCount(0);
  expect(double.state.type(CONTRACT_TYPE_ID).items.has(item.id)).toBe(true);

  await control.button.click();
  await expect
    .poll(() => double.state.type(CONTRACT_TYPE_ID).items.has(item.id), { timeout: 30_000 })
    .toBe(false);
  await expect(control.summary).toHaveText(/^Dernière synchro .*: \d+ reçus, 1 envoyés$/, {
    timeout: 30_000,
  });
});
