/**
 * Triggers as a lawyer sets them up: a rule made in Settings → Triggers,
 * a stage change made while the portal is out of reach, the firing that
 * waits, and the comment and notifications that reach the portal (the
 * Bitrix24 double on 127.0.0.1) once it is back, exactly once.
 */
import path from "node:path";
import { seedWorkflowTemplates } from "./bitrix24-double/bizproc-seed";
import { messagesOf } from "./bitrix24-double/methods/timeline-notify";
import { Bitrix24Double } from "./bitrix24-double/server";
import { SyncControl, SyncSettings } from "./pages/sync";
import { connectToDouble } from "./pages/tasks";
import { TriggersPage } from "./pages/triggers";
import { violations } from "./support/axe";
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

test("a rule picks its portal stage and workflow template from the portal's lists", async ({
  page,
  pacta,
}) => {
  const templates = seedWorkflowTemplates(double.state);
  const approval = `Validation juridique (${templates.approval.id})`;
  // Connected, set to the contracts' smart process, and synced (the portal's users come along).
  await connectToDouble(page, pacta.url, double);

  const triggers = new TriggersPage(page);
  await page.getByRole("link", { name: "Gérer les déclencheurs" }).click();
  await expect(triggers.heading).toBeVisible();
  await triggers.name.fill("Validation en négociation");
  await triggers.check("Étape");
  await triggers.check("Déplacer l'élément du portail vers l'étape");
  await triggers.pick("Étape du portail", "Négociation (DT1220_30:CLIENT)");
  await triggers.check("Démarrer le processus d'entreprise");
  // The deals' template is not offered: it does not apply to contracts.
  await triggers.form.getByRole("combobox", { name: "Modèle de processus" }).click();
  await expect(page.getByRole("option", { name: approval })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("option", { name: /Revue de l'affaire/ })).toHaveCount(0);
  await triggers.pick("Modèle de processus", approval);
  const params = triggers.form.getByRole("group", {
    name: "Paramètres de « Validation juridique »",
  });
  await expect(params.getByRole("combobox", { name: "Priorité" })).toHaveValue("Basse");
  expect(await violations(page)).toEqual([]);
  await triggers.save.click();
  // The lawyer is required: the form is not sent without one.
  const lawyer = params.getByRole("combobox", { name: "Juriste" });
  expect(await lawyer.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(triggers.rule("Validation en négociation")).toHaveCount(0);
  await lawyer.click();
  await page.getByRole("option", { name: "Camille Lefèvre" }).click();
  await triggers.save.click();
  await expect(page.getByText("Règle enregistrée.")).toBeVisible();
  // The rules table names them too.
  const row = page.getByRole("row", { name: "Validation en négociation" });
  await expect(row).toContainText("vers l'étape « Négociation (DT1220_30:CLIENT) »");
  await expect(row).toContainText("Démarrer le processus d'entreprise « Validation juridique »");

  const stored = JSON.parse(pacta.cli("triggers", "--json").stdout) as {
    rules: { name: string; actions: unknown[] }[];
  };
  expect(stored.rules[0]?.actions).toEqual([
    { kind: "moveStage", stageId: "DT1220_30:CLIENT" },
    {
      kind: "startWorkflow",
      templateId: templates.approval.id,
      parameters: { Lawyer: "user_1", Priority: "low", Urgent: "N" },
    },
  ]);

  // Editing shows the picks by name, parameters included.
  await triggers.edit("Validation en négociation");
  const stage = triggers.form.getByRole("combobox", { name: "Étape du portail", exact: true });
  await expect(stage).toHaveValue("Négociation (DT1220_30:CLIENT)");
  await expect(triggers.form.getByRole("combobox", { name: "Modèle de processus" })).toHaveValue(
    approval,
  );
  await expect(params.getByRole("combobox", { name: "Juriste" })).toHaveValue("Camille Lefèvre");

  // Portal away: the ids are typed, and a stage the portal does not know is kept and shown.
  double.offline = true;
  await page.reload();
  await triggers.edit("Validation en négociation");
  await expect(triggers.form.getByText("Le portail Bitrix24 ne répond pas").first()).toBeVisible({
    timeout: 30_000,
  });
  const typed = triggers.form.getByLabel("Étape du portail (identifiant)");
  await expect(typed).toHaveValue("DT1220_30:CLIENT");
  await expect(triggers.form.getByLabel("N° du modèle de processus")).toHaveValue(
    String(templates.approval.id),
  );
  await typed.fill("DT1220_30:GONE");
  await triggers.save.click();
  await expect(page.getByText("Règle enregistrée.")).toBeVisible();
  double.offline = false;
  await page.reload();
  await triggers.edit("Validation en négociation");
  await expect(stage).toHaveValue("DT1220_30:GONE (introuvable sur le portail)", {
    timeout: 30_000,
  });
  const again = JSON.parse(pacta.cli("triggers", "--json").stdout) as typeof stored;
  expect(again.rules[0]?.actions[1]).toMatchObject({ parameters: { Lawyer: "user_1" } });
});
