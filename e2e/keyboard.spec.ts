/**
 * Keyboard use, as a person who uses no mouse: a skip link first, every
 * action reached with Tab in a sensible order and shown with a focus ring,
 * register rows opened with Enter, dialogs closed with Escape (focus back
 * where it was), stages moved with buttons instead of dragging.
 */
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { ContractPage } from "./pages/contract-page";
import { RegisterPage } from "./pages/register-page";
import { type PactaHost, test } from "./support/pacta";

const FIXTURES = path.join(__dirname, "fixtures/import");
const TEMPLATE = path.join(__dirname, "fixtures/templates/prestation.fr.md");

function importWithCli(pacta: PactaHost, file: string): void {
  const run = pacta.cli("import", path.join(FIXTURES, file));
  expect(run.status, run.stderr).toBe(0);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, and fails if it
 * takes more than `max` presses: the target is reachable, in that order.
 * Returns how many presses it took.
 */
async function tabTo(page: Page, target: Locator, max = 40, back = false): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`not reached in ${max} presses of Tab; focus is on ${focused}`);
}

/**
 * The focused element shows it: an outline (buttons, links), or for a text
 * field the border in the theme's primary colour.
 */
async function expectFocusRing(target: Locator): Promise<void> {
  const ring = () =>
    target.evaluate((el) => {
      const style = getComputedStyle(el);
      const probe = document.createElement("span");
      probe.style.color = "var(--mantine-primary-color-filled)";
      document.body.append(probe);
      const primary = getComputedStyle(probe).color;
      probe.remove();
      const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 1;
      return { shown: outline || style.borderTopColor === primary, tag: el.tagName };
    });
  // A field's border eases into its focus colour: read it until the change is over.
  await expect
    .poll(async () => (await ring()).shown, { message: `focus not shown on ${target}` })
    .toBe(true);
}

test("the skip link comes first and moves focus to the page's content", async ({ page, pacta }) => {
  await new RegisterPage(page).open(pacta.url);
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next stop is in the page, not back in the header.
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate(
    () => document.getElementById("main-content")?.contains(document.activeElement) ?? false,
  );
  expect(inMain).toBe(true);
});

test("a contract is opened from the register, edited and saved with the keyboard", async ({
  page,
  pacta,
}) => {
  importWithCli(pacta, "contracts.json");
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const firstLink = register.table.getByRole("link").first();
  await expect(firstLink).toBeVisible();

  // Tab reaches the header, then the search box, then the table's first row.
  await tabTo(page, register.search);
  await expectFocusRing(register.search);
  await tabTo(page, firstLink);
  await expectFocusRing(firstLink);
  // Arrow keys move between rows; Enter opens the row's contract.
  await page.keyboard.press("ArrowDown");
  const second = register.table.getByRole("link").nth(1);
  await expect(second).toBeFocused();
  const title = (await second.textContent()) ?? "";
  await page.keyboard.press("Enter");
  const contract = new ContractPage(page);
  await contract.expectTitle(title);

  await tabTo(page, contract.edit, 60);
  await expectFocusRing(contract.edit);
  await page.keyboard.press("Enter");
  const titleField = page.getByRole("textbox", { name: "Titre", exact: true });
  await expect(titleField).toBeVisible();
  await tabTo(page, titleField);
  await page.keyboard.press("End");
  await page.keyboard.type(" (avenant 2)");
  const save = page.getByRole("button", { name: "Enregistrer", exact: true });
  await tabTo(page, save, 80);
  await expectFocusRing(save);
  await page.keyboard.press("Enter");
  await contract.expectTitle(`${title} (avenant 2)`);
});

test("a contract's stage is moved, and a dialog closed with Escape, by keyboard", async ({
  page,
  pacta,
}) => {
  importWithCli(pacta, "contracts.json");
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  await register.contractLink("Master services agreement").focus();
  await page.keyboard.press("Enter");
  const contract = new ContractPage(page);
  await contract.expectTitle("Master services agreement");

  // Escape closes the delete dialog and gives the focus back to its button.
  await tabTo(page, contract.delete, 60);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Supprimer ce contrat ?" });
  await expect(dialog).toBeVisible();
  const inDialog = await page.evaluate(
    () => document.querySelector("[role=dialog]")?.contains(document.activeElement) ?? false,
  );
  expect(inDialog).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(contract.delete).toBeFocused();

  // The stage select opens with the arrow keys; Enter picks; Tab goes on to the button.
  const select = page.getByRole("combobox", { name: "Nouvelle étape" });
  await tabTo(page, select, 40, true);
  await page.keyboard.press("ArrowDown");
  const option = page.getByRole("option", { name: "Approbation", exact: true });
  await expect(option).toBeVisible();
  while (!(await option.getAttribute("data-combobox-selected"))) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect(select).toHaveValue("Approbation");
  const move = page.getByRole("button", { name: "Changer d'étape" });
  await tabTo(page, move, 5);
  await page.keyboard.press("Enter");
  await expect(contract.badge("Approbation")).toBeVisible();
});

test("settings are reached from the header, a stage moved up, and back to the register", async ({
  page,
  pacta,
}) => {
  const register = new RegisterPage(page);
  await register.open(pacta.url);
  const settings = register.navigation.getByRole("link", { name: "Paramètres" });
  await tabTo(page, settings);
  await expectFocusRing(settings);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();

  // The pipeline's order changes with buttons: the keyboard's way to drag a stage.
  const pipeline = page.getByRole("table", { name: "Étapes du cycle de vie, dans l'ordre" });
  const names = pipeline.getByRole("rowheader");
  await expect(names.nth(2)).toHaveText("Négociation");
  const up = pipeline.getByRole("button", { name: "Monter Négociation" });
  await tabTo(page, up, 60);
  await expectFocusRing(up);
  await page.keyboard.press("Enter");
  await expect(names.nth(1)).toHaveText("Négociation");
  await expect(names.nth(2)).toHaveText("Revue juridique");

  // Escape closes the stage dialog and the focus comes back to the button that opened it.
  const add = pipeline.getByRole("button", { name: "Ajouter une étape après Brouillon" });
  await tabTo(page, add, 40, true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(add).toBeFocused();

  const back = register.navigation.getByRole("link", { name: "Registre" });
  await tabTo(page, back, 80, true);
  await page.keyboard.press("Enter");
  await expect(register.heading).toBeVisible();
});

test("a template's sections are reordered with buttons instead of dragging", async ({
  page,
  pacta,
}) => {
  const run = pacta.cli("template", "import", TEMPLATE);
  expect(run.status, run.stderr).toBe(0);
  await page.goto(pacta.url);
  await page.evaluate(() => {
    window.location.hash = "#/templates/1";
  });
  const down = page.getByRole("button", { name: /^Descendre la section/ }).first();
  await expect(down).toBeVisible();
  const label = (await down.getAttribute("aria-label")) ?? "";
  const moved = label.replace(/^Descendre la section /, "");
  const upOfMoved = page.getByRole("button", { name: `Monter la section ${moved}` });
  await expect(upOfMoved).toBeDisabled();
  await tabTo(page, down, 60);
  await expectFocusRing(down);
  await page.keyboard.press("Enter");
  // First no more, the moved section can go back up.
  await expect(upOfMoved).toBeEnabled();
});
