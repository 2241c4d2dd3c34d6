/**
 * The lifecycle as a person meets it: a contract moved through stages with
 * the timeline following, a jump over a required stage confirmed, and a
 * notice deadline coming up shown as a due reminder, then snoozed.
 */
import type { Page } from "@playwright/test";
import { type ContractEntry, ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { RegisterPage } from "./pages/register-page";
import { ContractReminders, LifecycleSection, RemindersView } from "./pages/timeline";
import { violations } from "./support/axe";
import { expect, type PactaHost, test } from "./support/pacta";

async function createThroughForm(page: Page, pacta: PactaHost, entry: ContractEntry) {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.newContract.click();
  const form = new ContractForm(page);
  await form.expectNew();
  await form.fill(entry);
  await form.create.click();
  await new ContractPage(page).expectTitle(entry.title);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date some days from today. */
function dayIn(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d;
}

/** A date as typed in the form: DD/MM/YYYY. */
function typed(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A date as the explanations write it: YYYY-MM-DD. */
function iso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A local date some days from today, as typed in the form: DD/MM/YYYY. */
function inDays(days: number): string {
  return typed(dayIn(days));
}

/** Calls the host's HTTP API with the run's token, as a portal would. */
async function callApi<T>(pacta: PactaHost, method: string, body: unknown): Promise<T> {
  const url = new URL(pacta.url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)?.[1] ?? "");
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
}

test("a contract moves through stages and a skip asks for confirmation", async ({
  page,
  pacta,
}) => {
  await createThroughForm(page, pacta, {
    title: "Accord de distribution Lumière",
    parties: [{ name: "Lumière SAS" }],
  });
  const lifecycle = new LifecycleSection(page);
  await expect(lifecycle.current).toContainText("Brouillon");
  await expect(lifecycle.upcoming.getByRole("listitem")).toContainText([
    "Revue juridique",
    "Négociation",
  ]);

  await lifecycle.moveAndWait("Revue juridique", "Envoyé au service juridique");
  await lifecycle.moveAndWait("Négociation");
  await expect(lifecycle.passed.getByRole("listitem")).toContainText([
    "Brouillon",
    "Revue juridique",
  ]);

  await lifecycle.choose("Signature");
  await expect(lifecycle.confirmDialog).toBeVisible();
  await expect(lifecycle.confirmDialog.getByRole("listitem")).toContainText(["Approbation"]);
  await lifecycle.confirmDialog.getByRole("button", { name: "Confirmer le changement" }).click();
  await expect(lifecycle.confirmDialog).toBeHidden();
  await expect(lifecycle.current).toContainText("Signature");
  await expect(lifecycle.passed.getByRole("listitem")).toContainText([
    "Brouillon",
    "Revue juridique",
    "Négociation",
  ]);
  await expect(lifecycle.keyDates).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("a notice deadline soon is due on the reminders page and can be snoozed", async ({
  page,
  pacta,
}) => {
  const title = "Bail commercial Rivoli";
  await createThroughForm(page, pacta, {
    title,
    parties: [{ name: "Foncière Rivoli" }],
    endDate: inDays(20),
    renewal: {
      kind: "Tacite reconduction",
      term: { amount: 1, unit: "Années" },
      notice: { amount: 10, unit: "Jours" },
    },
  });
  const lifecycle = new LifecycleSection(page);
  await expect(lifecycle.keyDates.getByRole("listitem").first()).toBeVisible();

  const reminders = new RemindersView(page);
  await reminders.openFromNavigation();
  const due = reminders.row("À traiter", title, "Date limite de préavis").first();
  await expect(due).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await due.getByRole("button", { name: "Reporter d'un jour" }).click();
  await expect(reminders.row("Reportés", title, "Date limite de préavis")).toBeVisible();
});

test("the current stage gets a responsible person and a due date", async ({ page, pacta }) => {
  await callApi(pacta, "lifecycle.savePerson", {
    name: "Maître Claire Dubois",
    email: "claire.dubois@example.org",
    role: "lawyer",
  });
  await createThroughForm(page, pacta, {
    title: "Contrat de licence Azur",
    parties: [{ name: "Azur SARL" }],
  });
  const lifecycle = new LifecycleSection(page);
  const due = dayIn(14);
  await lifecycle.assignStage("Maître Claire Dubois", typed(due));
  await expect(lifecycle.current).toContainText("Responsable : Maître Claire Dubois");
  const shown = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium" }).format(due);
  await expect(lifecycle.current).toContainText(`Échéance : ${shown}`);
  expect(await violations(page)).toEqual([]);
});

test("a contract's reminders: custom date, working days and calendar export", async ({
  page,
  pacta,
}) => {
  // A notice deadline on a Saturday at least a month away: end date 10 days later.
  let saturday = dayIn(40);
  while (saturday.getDay() !== 6) saturday = new Date(saturday.getTime() + 86_400_000);
  const end = new Date(saturday);
  end.setDate(end.getDate() + 10);
  await createThroughForm(page, pacta, {
    title: "Maintenance informatique Orion",
    parties: [{ name: "Orion Services" }],
    endDate: typed(end),
    renewal: {
      kind: "Tacite reconduction",
      term: { amount: 1, unit: "Années" },
      notice: { amount: 10, unit: "Jours" },
    },
  });
  const lifecycle = new LifecycleSection(page);
  const reminders = new ContractReminders(page);
  await expect(lifecycle.keyDates).toContainText(iso(saturday));
  await expect(lifecycle.keyDates).not.toContainText("dernier jour ouvré");

  await reminders.addDate(inDays(5), "Audit annuel");
  await expect(reminders.customDates.getByRole("listitem")).toContainText(["Audit annuel"]);

  await reminders.setWorkingDays("Oui pour ce contrat");
  await expect(lifecycle.keyDates).toContainText(`dernier jour ouvré avant le ${iso(saturday)}`);
  await expect(lifecycle.keyDates).toContainText("tombe un week-end");
  expect(await violations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await reminders.exportIcs.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toContain("BEGIN:VCALENDAR");
});

test("a reminder is snoozed until a chosen day and time", async ({ page, pacta }) => {
  const title = "Bail professionnel Vendôme";
  await createThroughForm(page, pacta, {
    title,
    parties: [{ name: "Foncière Vendôme" }],
    endDate: inDays(20),
    renewal: {
      kind: "Tacite reconduction",
      term: { amount: 1, unit: "Années" },
      notice: { amount: 10, unit: "Jours" },
    },
  });
  const reminders = new RemindersView(page);
  await reminders.openFromNavigation();
  const due = reminders.row("À traiter", title, "Date limite de préavis").first();
  await due.getByRole("button", { name: "Reporter jusqu'au…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reporter ce rappel jusqu'au…" });
  await dialog.getByRole("textbox", { name: "Date du rappel" }).fill(inDays(3));
  await dialog.getByRole("textbox", { name: "Date du rappel" }).press("Tab");
  await dialog.getByLabel("Heure du rappel").fill("14:30");
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Reporter", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(reminders.row("Reportés", title, "Date limite de préavis")).toContainText("14:30");
});
