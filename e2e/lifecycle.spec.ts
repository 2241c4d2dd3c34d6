/**
 * The lifecycle as a person meets it: a contract moved through stages with
 * the timeline following, a jump over a required stage confirmed, and a
 * notice deadline coming up shown as a due reminder, then snoozed.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type ContractEntry, ContractForm } from "./pages/contract-form";
import { ContractPage } from "./pages/contract-page";
import { RegisterPage } from "./pages/register-page";
import { LifecycleSection, RemindersView } from "./pages/timeline";
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

/** WCAG 2 A/AA violations axe finds on the page as it is now. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map((v) => ({ rule: v.id, elements: v.nodes.map((n) => n.target) }));
}

/** A local date some days from today, as typed in the form: DD/MM/YYYY. */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
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
