/**
 * The Bitrix24 parts of the app: the sync control in the header, the
 * Bitrix24 section of the settings, and the conflicts page.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { pickOption } from "./select";

export class SyncControl {
  readonly group: Locator;
  readonly button: Locator;
  readonly summary: Locator;
  readonly offline: Locator;
  readonly conflictsLink: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole("banner").getByRole("group", { name: "Bitrix24" });
    this.button = this.group.getByRole("button", { name: "Synchroniser" });
    this.summary = page.getByTestId("sync-summary");
    this.offline = this.group.getByText("Portail injoignable", { exact: true });
    this.conflictsLink = this.group.getByRole("link", { name: /conflits? à résoudre/ });
  }

  /** Clicks the button and waits until that sync has finished. */
  async sync(): Promise<void> {
    // A sync already under way (an automatic one) ends first: this one must start after it.
    await expect(this.summary).toHaveAttribute("data-run", /^\d+$/, { timeout: 30_000 });
    const before = (await this.summary.getAttribute("data-run")) ?? "0";
    await this.button.click();
    // The summary names the run it shows: a new number once this sync is over. One check,
    // not two, so the old number shown before the click is never mistaken for the end.
    const after = new RegExp(`^(?!${before}$)\\d+$`);
    await expect(this.summary).toHaveAttribute("data-run", after, { timeout: 30_000 });
  }
}

export class SyncSettings {
  readonly section: Locator;
  readonly webhook: Locator;
  readonly connect: Locator;
  readonly disconnect: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.section = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2, name: "Bitrix24", exact: true }) });
    this.webhook = this.section.getByLabel("URL du webhook entrant");
    this.connect = this.section.getByRole("button", { name: "Connecter", exact: true });
    this.disconnect = this.section.getByRole("button", { name: "Déconnecter" });
    this.save = this.section.getByRole("button", { name: "Enregistrer les réglages Bitrix24" });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Paramètres" })
      .click();
    await expect(this.section).toBeVisible();
  }

  /**
   * Opens a select by its label and picks an option, as a person does with the mouse:
   * once the portal's lists have loaded, and again if the list closed before the pick.
   */
  async choose(label: string, option: string): Promise<void> {
    await expect(this.section.getByText("Lecture du portail…")).toBeHidden({ timeout: 30_000 });
    const select = this.section.getByRole("combobox", { name: label, exact: true });
    await pickOption(this.page, select, option);
  }
}

export class ConflictsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Conflits de synchronisation" });
    this.table = main.getByRole("table", { name: "Champs en conflit" });
    this.empty = main.getByText("Aucun conflit : tout est en accord avec le portail.");
  }

  row(contract: string, field: string): Locator {
    return this.table.getByRole("row", { name: `${contract} — ${field}` });
  }
}
