/**
 * The templates list and the Markdown import, as a person uses them: the
 * main navigation, the empty state, the table, the file picker.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class TemplatesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyTitle: Locator;
  readonly newTemplate: Locator;
  readonly importMarkdown: Locator;
  readonly showArchived: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Modèles de contrat" });
    this.table = main.getByRole("table", { name: "Modèles de contrat" });
    this.emptyTitle = main.getByRole("heading", { name: "Aucun modèle pour l'instant" });
    this.newTemplate = main.getByRole("button", { name: "Nouveau modèle" });
    this.importMarkdown = main.getByRole("button", { name: "Importer un modèle Markdown" });
    this.showArchived = main.getByRole("switch", { name: "Afficher les modèles archivés" });
  }

  /** Opens the app, then the templates through the main navigation. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Modèles" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** Picks a Markdown file in the file chooser the import button opens. */
  async importFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent("filechooser");
    await this.importMarkdown.click();
    await (await chooser).setFiles(file);
  }

  /** The row of a template, by its name. */
  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("link", { name }) });
  }

  /** Creates a template with the modal's name field, landing in its editor. */
  async create(name: string): Promise<void> {
    await this.newTemplate.click();
    const dialog = this.page.getByRole("dialog", { name: "Nouveau modèle" });
    await dialog.getByRole("textbox", { name: "Nom du modèle" }).fill(name);
    await dialog.getByRole("button", { name: "Créer le modèle" }).click();
    await expect(dialog).toBeHidden();
  }
}
