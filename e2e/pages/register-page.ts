/**
 * The contract register as a person sees it: the header's navigation, the
 * search box and filters, the result count, the table and its empty states.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class RegisterPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly resultCount: Locator;
  readonly table: Locator;
  readonly empty: Locator;
  readonly allArchived: Locator;
  readonly noMatch: Locator;
  readonly needsReview: Locator;
  readonly archived: Locator;
  readonly navigation: Locator;
  readonly newContract: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Registre des contrats" });
    this.search = page.getByRole("searchbox", { name: "Rechercher" });
    this.resultCount = page.getByTestId("result-count");
    this.table = page.getByRole("table", { name: "Contrats du registre" });
    this.empty = page.getByTestId("register-empty");
    this.allArchived = page.getByTestId("register-archived");
    this.noMatch = page.getByTestId("register-no-match");
    this.needsReview = page.getByRole("switch", { name: "À vérifier seulement" });
    this.archived = page.getByRole("combobox", { name: "Contrats archivés" });
    this.navigation = page.getByRole("navigation", { name: "Navigation principale" });
    this.newContract = page.getByRole("banner").getByRole("link", { name: "Nouveau contrat" });
  }

  /** Opens the app at its address (token included) and waits for the register. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  /** Goes back to the register through the main navigation. */
  async showFromNavigation(): Promise<void> {
    await this.navigation.getByRole("link", { name: "Registre" }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The link that opens a contract, by its title as the table shows it. */
  contractLink(title: string | RegExp): Locator {
    return this.table.getByRole("link", { name: title });
  }

  /** A row of the table, by the title it shows. */
  row(title: string | RegExp): Locator {
    const link = this.page.getByRole("link", { name: title });
    return this.table.getByRole("row").filter({ has: link });
  }

  /** Types into the search box; the register follows as the person types. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openContract(title: string | RegExp): Promise<void> {
    await this.contractLink(title).click();
  }

  /** Picks "Masqués", "Inclus" or "Seuls" in the archived contracts filter. */
  async showArchived(choice: "Masqués" | "Inclus" | "Seuls"): Promise<void> {
    await this.archived.click();
    await this.page.getByRole("option", { name: choice, exact: true }).click();
    await expect(this.archived).toHaveValue(choice);
  }

  /** Expects the count above the table, e.g. `1 contrat` or `73 contrats`. */
  async expectCount(count: number): Promise<void> {
    const formatted = new Intl.NumberFormat("fr-FR").format(count);
    const noun = count === 1 ? "contrat" : "contrats";
    await expect(this.resultCount).toHaveText(`${formatted} ${noun}`);
  }
}
