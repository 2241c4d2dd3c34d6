/**
 * The template editor: the section list (select, move, add), the selected
 * section's title, condition and rich-text body with its toolbar and field
 * picker, the preview, the save bar and the versions drawer.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class TemplateEditor {
  readonly heading: Locator;
  readonly versionBadge: Locator;
  readonly sectionList: Locator;
  readonly sectionTitle: Locator;
  /** The selected section's rich-text body (a contenteditable with the role textbox) */
  readonly body: Locator;
  readonly toolbar: Locator;
  readonly fieldPicker: Locator;
  readonly problems: Locator;
  readonly preview: Locator;
  readonly note: Locator;
  readonly save: Locator;
  readonly unsaved: Locator;
  readonly versions: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1 });
    this.versionBadge = this.heading.locator("xpath=..").getByText(/^Version \d+$/);
    this.sectionList = main.getByRole("list", { name: "Sections du modèle, dans l'ordre" });
    this.sectionTitle = main.getByRole("textbox", { name: "Titre de la section" });
    this.body = main.getByRole("textbox", { name: "Texte de la section" });
    this.toolbar = main.getByRole("toolbar", { name: "Mise en forme" });
    this.fieldPicker = main.getByRole("combobox", { name: "Insérer un champ" });
    this.problems = main.getByTestId("section-problems");
    this.preview = main.getByTestId("template-preview");
    this.note = main.getByRole("textbox", { name: "Note de version (facultative)" });
    this.save = main.getByRole("button", { name: "Enregistrer une version" });
    this.unsaved = main.getByText("Modifications non enregistrées");
    this.versions = main.getByRole("button", { name: "Versions", exact: true });
    this.drawer = page.getByRole("dialog", { name: "Versions du modèle" });
  }

  async expectVersion(version: number): Promise<void> {
    await expect(this.versionBadge).toHaveText(`Version ${version}`);
  }

  /** The section titles as the list shows them ("1. Parties", …). */
  sectionItems(): Locator {
    return this.sectionList.getByRole("listitem");
  }

  /** Opens a section for editing by its title. */
  async selectSection(title: string): Promise<void> {
    await this.sectionList.getByRole("button", { name: new RegExp(`^\\d+\\. ${title}$`) }).click();
    await expect(this.sectionTitle).toHaveValue(title);
  }

  /** Puts the cursor at the end of the body's text. */
  async cursorAtEnd(): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press("ControlOrMeta+End");
  }

  /** Picks a merge field in the picker by typing part of its name, as a person would. */
  async insertField(search: string, option: RegExp): Promise<void> {
    await this.fieldPicker.click();
    await this.fieldPicker.fill(search);
    await this.page.getByRole("option", { name: option }).click();
  }

  /** Saves a new version with a note and waits for its number. */
  async saveVersion(note: string, expected: number): Promise<void> {
    await this.note.fill(note);
    await this.save.click();
    await this.expectVersion(expected);
    await expect(this.unsaved).toBeHidden();
  }
}
