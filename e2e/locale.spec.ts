/**
 * Dates, numbers and money in the UI language: the same contract read in
 * French, then in English after the language switch, with `<html lang>`
 * following the choice (screen readers pick their voice from it).
 */
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { RegisterPage } from "./pages/register-page";
import { test } from "./support/pacta";

const CONTRACTS = path.join(__dirname, "fixtures/import/contracts.json");

/** The value shown next to a key fact's label, on a contract's page. */
function fact(page: Page, label: string) {
  return page
    .getByRole("main")
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

test("a contract's dates, amount and counts in French, then in English", async ({
  page,
  pacta,
}) => {
  const run = pacta.cli("import", CONTRACTS);
  expect(run.status, run.stderr).toBe(0);
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const row = register.row("Master services agreement");
  // Thousands and the euro sign as French writes them: narrow no-break spaces.
  await expect(row).toContainText("25\u202f000,50\u00a0€");
  await expect(row).toContainText("31 mai 2027");
  await expect(register.resultCount).toHaveText(/^\d+ contrats$/);

  await register.openContract("Master services agreement");
  await expect(fact(page, "Montant")).toHaveText("25\u202f000,50\u00a0€");
  await expect(fact(page, "Date de signature")).toHaveText("2 mai 2024");
  await expect(fact(page, "Date d'effet")).toHaveText("1 juin 2024");
  await expect(fact(page, "Préavis")).toHaveText("3\u00a0mois");

  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(fact(page, "Value")).toHaveText("€25,000.50");
  await expect(fact(page, "Signature date")).toHaveText("2 May 2024");
  await expect(fact(page, "Effective date")).toHaveText("1 June 2024");
  await expect(fact(page, "End date")).toHaveText("31 May 2027");
  await expect(fact(page, "Notice period")).toHaveText("3 months");

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").first().click();
  await expect(register.resultCount).toHaveText(/^\d+ contracts$/);
  const table = page.getByRole("table", { name: "Contracts in the register" });
  const rowEn = table.getByRole("row").filter({ hasText: "Master services agreement" });
  await expect(rowEn).toContainText("€25,000.50");
  await expect(rowEn).toContainText("31 May 2027");
});

test("an import's review flags are read in the UI language", async ({ page, pacta }) => {
  const run = pacta.cli("import", path.join(__dirname, "fixtures/import/bad-values.csv"));
  expect(run.status, run.stderr).toBe(0);
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.openContract("Distribution agreement");
  const flags = page.getByTestId("review-flags");
  await expect(flags).toBeVisible();
  // main stores its English sentence; the table shows the French one.
  await expect(flags).toContainText("n'est pas");
  await expect(flags).not.toContainText("cannot read");

  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(flags).toContainText("is not");
  await expect(flags).not.toContainText("n'est pas");
});
