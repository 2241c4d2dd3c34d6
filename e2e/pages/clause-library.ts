/** The clause library: search, tag filter, the table, and the clause dialog. */
import { expect, type Locator, type Page } from "@playwright/test";

export interface ClauseEntry {
  name: string;
  text: string;
  tags?: string[];
  fallback?: boolean;
}

export class ClauseLibrary {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyTitle: Locator;
  readonly add: Locator;
  readonly search: Locator;
  readonly tag: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Bibliothèque de clauses" });
    this.table = main.getByRole("table", { name: "Clauses de la bibliothèque" });
    this.emptyTitle = main.getByRole("heading", { name: "La bibliothèque est vide" });
    this.add = main.getByRole("button", { name: /Nouvelle clause|Rédiger une première clause/ });
    this.search = main.getByRole("textbox", { name: "Rechercher une clause" });
    this.tag = main.getByRole("combobox", { name: "Étiquette", exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Clauses" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** The dialog that adds or edits a clause. */
  dialog(): Locator {
    return this.page.getByRole("dialog", { name: /Nouvelle clause|Modifier la clause/ });
  }

  /** Fills the open dialog and saves. */
  async fillAndSave(entry: ClauseEntry): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole("textbox", { name: "Nom", exact: true }).fill(entry.name);
    if (entry.fallback) await dialog.getByText("De repli", { exact: true }).click();
    const tags = dialog.getByRole("combobox", { name: "Étiquettes" });
    for (const tag of entry.tags ?? []) {
      await tags.fill(tag);
      await tags.press("Enter");
    }
    const body = dialog.getByRole("textbox", { name: "Texte de la clause" });
    await body.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.type(entry.text);
    await dialog.getByRole("button", { name: "Enregistrer la clause" }).click();
    await expect(dialog).toBeHidden();
  }

  row(name: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }
}
