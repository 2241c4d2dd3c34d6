/**
 * Bitrix24 workflow tasks as a lawyer meets them, against the test double on
 * 127.0.0.1: start a workflow on a contract from its page, answer the task
 * it gives while the portal is out of reach, then sync: the portal sees the
 * answer once, and the workflow goes on.
 */
import path from "node:path";
import { type SeededTemplates, seedWorkflowTemplates } from "./bitrix24-double/bizproc-seed";
import { CONTRACT_TYPE_ID } from "./bitrix24-double/catalog";
import { Bitrix24Double } from "./bitrix24-double/server";
import { ContractPage } from "./pages/contract-page";
import { SyncControl } from "./pages/sync";
import { connectToDouble, TasksInbox, WorkflowsPanel } from "./pages/tasks";
import { violations } from "./support/axe";
import { expect, test } from "./support/pacta";

let double: Bitrix24Double;
let templates: SeededTemplates;

test.beforeEach(async () => {
  double = await Bitrix24Double.start();
  templates = seedWorkflowTemplates(double.state);
});

test.afterEach(async () => {
  await double.close();
});

test("a task answered offline reaches the portal once the app is back online", async ({
  page,
  pacta,
}) => {
  const imported = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(imported.status, imported.stderr).toBe(0);
  await connectToDouble(page, pacta.url, double);

  await page.getByRole("link", { name: "Registre" }).click();
  await page.getByRole("link", { name: "Master services agreement" }).click();
  const contract = new ContractPage(page);
  await contract.expectTitle("Master services agreement");
  const panel = new WorkflowsPanel(page);
  await expect(panel.section).toContainText("Aucun processus en cours sur ce contrat.");
  await panel.startButton("Validation juridique").click();
  const dialog = panel.dialog;
  await dialog.getByRole("button", { name: "Lancer le processus" }).click();
  await expect(dialog.getByText("Ce champ est obligatoire.")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Juriste" }).click();
  await page.getByRole("option", { name: "Camille Lefèvre" }).click();
  await dialog.getByRole("textbox", { name: "Montant plafond" }).fill("12500,5");
  await dialog.getByRole("checkbox", { name: "Urgent" }).check();
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Lancer le processus" }).click();
  await expect(page.getByText("Processus lancé.")).toBeVisible();
  await expect(panel.section).toContainText("Validation juridique — En validation");
  await expect(panel.section.getByRole("article", { name: "Valider le contrat" })).toBeVisible();
  const [instance] = [...double.state.bizproc.instances.values()];
  expect(instance?.templateId).toBe(templates.approval.id);
  expect(instance?.parameters).toMatchObject({ Lawyer: "user_1", Amount: 12500.5, Urgent: "Y" });

  const inbox = new TasksInbox(page);
  await inbox.open();
  const card = inbox.task("Valider le contrat");
  await expect(card).toContainText("Master services agreement");
  await expect(card).toContainText("Approbation");
  expect(await violations(page)).toEqual([]);

  double.offline = true;
  await card.getByRole("button", { name: "Refuser" }).click();
  await expect(card.getByText("Un commentaire est obligatoire pour cette réponse.")).toBeVisible();
  await card.getByRole("textbox", { name: "Commentaire (obligatoire)" }).fill("Clause 7 à revoir");
  await card.getByRole("button", { name: "Refuser" }).click();
  await expect(
    page.getByText("Réponse enregistrée : elle partira à la prochaine synchronisation."),
  ).toBeVisible();
  await expect(card.getByText("En attente d'envoi")).toBeVisible();
  const header = new SyncControl(page).group;
  await expect(header).toContainText("1 réponse à une tâche en attente d'envoi");
  expect(double.state.bizproc.answers).toEqual([]);
  expect(await violations(page)).toEqual([]);

  double.offline = false;
  await new SyncControl(page).sync();
  await expect(inbox.empty).toBeVisible();
  await expect(header).not.toContainText("en attente d'envoi");
  const task = [...double.state.bizproc.tasks.values()][0];
  expect(double.state.bizproc.answers).toEqual([
    { taskId: task?.id, userId: 1, status: 2, via: "rest" },
  ]);
  expect(task?.answer?.comment).toBe("Clause 7 à revoir");
  expect(instance?.status).toBe("completed");
  const item = [...double.state.type(CONTRACT_TYPE_ID).items.values()].find(
    (i) => i.values.title === "Master services agreement",
  );
  expect(item?.values.stageId).toBe("DT1220_30:FAIL");
});

test("a task the app cannot answer links to the portal", async ({ page, pacta }) => {
  const imported = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(imported.status, imported.stderr).toBe(0);
  await connectToDouble(page, pacta.url, double);
  const item = [...double.state.type(CONTRACT_TYPE_ID).items.values()][0];
  double.state.bizproc.start(
    templates.manual,
    ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", `DYNAMIC_1220_${item?.id}`],
    { Lawyer: "user_1" },
    1,
  );
  await new SyncControl(page).sync();
  const inbox = new TasksInbox(page);
  await inbox.open();
  const card = inbox.task("Signer dans Bitrix24");
  await expect(card).toContainText("Cette tâche ne peut pas recevoir de réponse depuis Pacta.");
  const link = card.getByRole("link", { name: "Ouvrir dans Bitrix24" });
  const task = [...double.state.bizproc.tasks.values()][0];
  await expect(link).toHaveAttribute(
    "href",
    `${double.origin}/company/personal/bizproc/${task?.id}/`,
  );
  await expect(card.getByRole("button")).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test("a request is answered with its fields and the contract's PDF", async ({ page, pacta }) => {
  const imported = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(imported.status, imported.stderr).toBe(0);
  await connectToDouble(page, pacta.url, double);
  const item = [...double.state.type(CONTRACT_TYPE_ID).items.values()].find(
    (i) => i.values.title === "Master services agreement",
  );
  double.state.bizproc.start(
    templates.request,
    ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", `DYNAMIC_1220_${item?.id}`],
    { Lawyer: "user_1" },
    1,
  );
  await new SyncControl(page).sync();
  const inbox = new TasksInbox(page);
  await inbox.open();
  const card = inbox.task("Fournir le contrat signé");
  await expect(card).toContainText("Demande d'informations");
  await card.getByRole("textbox", { name: "Numéro du contrat" }).fill("MSA-2026-01");
  await card.getByRole("checkbox", { name: /Joindre le PDF de ce contrat/ }).check();
  await card.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.getByText("Réponse envoyée au portail.")).toBeVisible({ timeout: 30_000 });
  const task = [...double.state.bizproc.tasks.values()][0];
  expect(task?.answer?.fields.ContractNumber).toBe("MSA-2026-01");
  const [name, data] = (task?.answer?.fields.SignedPdf ?? ["", ""]) as [string, string];
  expect(name).toBe("JSON-1 Master services agreement.pdf");
  expect(Buffer.from(data, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  expect(double.state.bizproc.instance(task?.workflowId ?? "")?.state).toBe("Archivage");
});
