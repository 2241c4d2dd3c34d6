/**
 * Triggers as a lawyer sets them up: a rule made in Settings → Triggers,
 * a stage change made while the portal is out of reach, the firing that
 * waits, and the comment and notifications that reach the portal (the
 * Bitrix24 double on 127.0.0.1) once it is back, exactly once.
 */
import path from "node:path";
import { messagesOf } from "./bitrix24-double/methods/timeline-notify";
import { Bitrix24Double } from "./bitrix24-double/server";
import { SyncControl, SyncSettings } from "./pages/sync";
import { TriggersPage } from "./pages/triggers";
import { expect, test } from "./support/pacta";

let double: Bitrix24Double;

test.beforeEach(async () => {
  double = await Bitrix24Double.start();
});

test.afterEach(async () => {
  await double.close();
});

test("a rule fires once for a stage change made offline", async ({ page, pacta }) => {
  const imported = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(imported.status, imported.stderr).toBe(0);

  const settings = new SyncSettings(page);
  await settings.open(pacta.url);
  await settings.webhook.fill(double.webhookUrl());
  await settings.connect.click();
  await expect(settings.section).toContainText("Connecté à");
  await settings.choose("Les contrats sont", "le processus intelligent « Contrats »");
  await settings.choose("Pipeline", "Contrats clients");
  await settings.save.click();
  await expect(page.getByText("Réglages Bitrix24 enregistrés.")).toBeVisible();
  await new SyncControl(page).sync();

  const triggers = new TriggersPage(page);
  await page.getByRole("link", { name: "Gérer les déclencheurs" }).click();
  await expect(triggers.heading).toBeVisible();
  await triggers.name.fill("Signature en vue");
  await triggers.check("Étape");
  await triggers.check("Ajouter un commentaire au fil du portail");
  await triggers.check("Notifier des utilisateurs du portail");
  const users = triggers.form.getByLabel("N° des utilisateurs (séparés par des virgules)");
  await users.fill("2, trois");
  await triggers.save.click();
  await expect(triggers.form.getByText("Indiquez des numéros d'utilisateur")).toBeVisible();
  await users.fill("2, 3");
  await triggers.save.click();
  await expect(page.getByText("Règle enregistrée.")).toBeVisible();
  await expect(triggers.rule("Signature en vue")).toContainText("Étape");

  // The portal goes away; the lawyer moves a contract from the command line.
  double.offline = true;
  const list = JSON.parse(pacta.cli("list", "--json").stdout) as { id: number; title: string }[];
  const msa = list.find((c) => c.title === "Master services agreement");
  const move = pacta.cli("move", String(msa?.id), "signature", "--yes");
  expect(move.status, move.stderr).toBe(0);

  await page.reload();
  await expect(triggers.heading).toBeVisible();
  await triggers.runNow.click();
  const row = triggers.firings.getByRole("row", { name: /Master services agreement/ });
  await expect(row).toContainText("en attente");
  expect(messagesOf(double.state).comments).toEqual([]);

  // Back online: one run carries it out, a second sends nothing more.
  double.offline = false;
  await triggers.runNow.click();
  await expect(row).toContainText("fait");
  await triggers.runNow.click();
  await expect(page.getByText("1 faits, 0 en attente, 0 refusés.").last()).toBeVisible();
  const { comments, notifications, sent } = messagesOf(double.state);
  expect(comments).toHaveLength(1);
  expect(comments[0]?.comment).toContain("Master services agreement");
  expect(notifications.map((n) => n.toUserId).sort()).toEqual([2, 3]);
  expect(sent).toBe(2);
});
