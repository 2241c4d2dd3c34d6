/**
 * The settings page as a person uses it: the stage pipeline edited (add,
 * rename, reorder, retire), a person added, the reminder lead times changed
 * and kept, the calendar downloaded, and an axe scan.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { violations } from "./support/axe";
import { expect, test } from "./support/pacta";

async function openSettings(page: Page, url: string) {
  await page.goto(url);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Paramètres" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();
}

test("the pipeline is edited: add, rename, move up and retire a stage", async ({ page, pacta }) => {
  await openSettings(page, pacta.url);
  const pipeline = page.getByRole("table", { name: "Étapes du cycle de vie, dans l'ordre" });
  const names = pipeline.getByRole("rowheader");
  await expect(names.first()).toHaveText("Brouillon");

  await pipeline.getByRole("button", { name: "Ajouter une étape après Revue juridique" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Nom (français)").fill("Due diligence");
  await dialog.getByLabel("Nom (anglais)").fill("Due diligence");
  await dialog.getByLabel("Délai par défaut (jours)").fill("10");
  await dialog.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(dialog).toBeHidden();
  await expect(names.nth(2)).toHaveText("Due diligence");
  await expect(names.nth(1)).toHaveText("Revue juridique");

  await pipeline.getByRole("button", { name: "Modifier Due diligence" }).click();
  await dialog.getByLabel("Nom (français)").fill("Audit préalable");
  await dialog.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(dialog).toBeHidden();
  await expect(names.nth(2)).toHaveText("Audit préalable");

  await pipeline.getByRole("button", { name: "Monter Audit préalable" }).click();
  await expect(names.nth(1)).toHaveText("Audit préalable");
  await expect(names.nth(2)).toHaveText("Revue juridique");

  await pipeline.getByRole("button", { name: "Retirer Audit préalable" }).click();
  const row = pipeline
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Audit préalable" }) });
  await expect(row.getByText("Retirée")).toBeVisible();
  await expect(pipeline.getByRole("button", { name: "Rétablir Audit préalable" })).toBeVisible();

  // The draft stage cannot be retired; main says why.
  await pipeline.getByRole("button", { name: "Retirer Brouillon" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Erreur" }).first()).toBeVisible();
});

test("a person is added after the email is checked", async ({ page, pacta }) => {
  await openSettings(page, pacta.url);
  await page.getByRole("button", { name: "Ajouter une personne" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: /^Nom/ }).fill("Camille Martin");
  await dialog.getByLabel("Adresse e-mail").fill("camille.martin");
  await dialog.getByLabel("Rôle").fill("juriste");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog.getByText("Saisissez une adresse e-mail valide.")).toBeVisible();
  await dialog.getByLabel("Adresse e-mail").fill("camille.martin@example.fr");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  const people = page.getByRole("table", {
    name: "Personnes pouvant être responsables d'une étape",
  });
  const row = people.getByRole("row").filter({ hasText: "Camille Martin" });
  await expect(row).toContainText("camille.martin@example.fr");
  await expect(row).toContainText("juriste");
});

test("reminder lead times are kept, the calendar downloads, and axe finds nothing", async ({
  page,
  pacta,
}) => {
  await openSettings(page, pacta.url);
  const reminders = page.getByRole("region", { name: "Rappels" });
  const leadDays = reminders.getByLabel("Délais de rappel (jours avant l'échéance)");
  await expect(reminders.getByText("90", { exact: true })).toBeVisible();
  await leadDays.click();
  for (let i = 0; i < 4; i += 1) await leadDays.press("Backspace");
  await expect(reminders.getByText("90", { exact: true })).toBeHidden();
  for (const days of ["60", "15", "1"]) {
    await leadDays.fill(days);
    await leadDays.press("Enter");
  }
  await reminders.getByRole("button", { name: "Enregistrer les rappels" }).click();
  await expect(page.getByText("Réglages des rappels enregistrés.")).toBeVisible();

  await page.reload();
  const kept = page.getByRole("region", { name: "Rappels" });
  for (const days of ["60", "15", "1"]) {
    await expect(kept.getByText(days, { exact: true })).toBeVisible();
  }
  await expect(kept.getByText("90", { exact: true })).toBeHidden();

  const download = page.waitForEvent("download");
  await kept.getByRole("button", { name: "Exporter le calendrier (.ics)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const text = fs.readFileSync(await file.path(), "utf8");
  expect(text).toContain("BEGIN:VCALENDAR");

  expect(await violations(page)).toEqual([]);
});
