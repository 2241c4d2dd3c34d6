/**
 * One contract's page: its title and stage, the key facts, the parties, the
 * review flags, the history, and the edit / archive / delete actions.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class ContractPage {
  readonly heading: Locator;
  /** The title with, under it, the reference and the stage and archived badges. */
  readonly titleBlock: Locator;
  readonly reference: Locator;
  readonly keyFacts: Locator;
  readonly parties: Locator;
  readonly history: Locator;
  readonly reviewFlags: Locator;
  readonly archivedNotice: Locator;
  readonly edit: Locator;
  readonly archive: Locator;
  readonly restore: Locator;
  readonly delete: Locator;
  readonly markReviewed: Locator;
  readonly backToRegister: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1 });
    this.titleBlock = this.heading.locator("xpath=..");
    this.reference = this.titleBlock.getByLabel("Référence", { exact: true });
    this.keyFacts = this.section("Informations clés");
    this.parties = this.section("Parties");
    this.history = this.section("Historique");
    this.reviewFlags = page.getByTestId("review-flags");
    this.archivedNotice = main.getByText("Ce contrat est archivé.");
    this.edit = main.getByRole("link", { name: "Modifier", exact: true });
    this.archive = main.getByRole("button", { name: "Archiver", exact: true });
    this.restore = main.getByRole("button", { name: "Restaurer", exact: true });
    this.delete = main.getByRole("button", { name: "Supprimer", exact: true });
    this.markReviewed = this.reviewFlags.getByRole("button", { name: "Marquer comme vérifié" });
    this.backToRegister = main.getByRole("link", { name: /Retour au registre/ });
  }

  /** A part of the page, found by its heading (an unnamed section has no role to use). */
  section(title: string): Locator {
    return this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: title, exact: true }) });
  }

  async expectTitle(title: string): Promise<void> {
    await expect(this.heading).toHaveText(title);
  }

  /** A badge under the title: the stage's name, or "Archivé". */
  badge(text: string): Locator {
    return this.titleBlock.getByText(text, { exact: true });
  }

  /**
   * The history's entries, newest first; each names the action, when and who.
   * Timeline items have no role; Mantine's stable class names them.
   */
  historyEntries(action?: string): Locator {
    const entries = this.history.locator(".mantine-Timeline-item");
    return action ? entries.filter({ hasText: action }) : entries;
  }

  /** The value shown next to a key fact's label ("Montant", "Préavis", …). */
  fact(label: string): Locator {
    return this.keyFacts
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .locator("xpath=following-sibling::dd[1]");
  }

  /** The parties table's row that names this party. */
  party(name: string): Locator {
    return this.parties.getByRole("row").filter({ hasText: name });
  }

  /** The review flag rows: field, problem, original value, row, column. */
  reviewFlag(field: string): Locator {
    return this.reviewFlags
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: field, exact: true }) });
  }

  /** Deletes the contract, answering the confirmation. */
  async deleteConfirmed(): Promise<void> {
    await this.delete.click();
    const dialog = this.page.getByRole("dialog", { name: "Supprimer ce contrat ?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Supprimer définitivement" }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
