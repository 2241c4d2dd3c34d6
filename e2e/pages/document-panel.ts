/**
 * A contract's "Document" panel: generate its text from a template (the
 * fields form), edit its sections, save, and export the PDF.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class DocumentPanel {
  readonly panel: Locator;
  readonly generateFirst: Locator;
  readonly regenerate: Locator;
  readonly dialog: Locator;
  readonly missing: Locator;
  readonly save: Locator;
  readonly exportPdf: Locator;
  /** The generate dialog's submit button; enabled once the template's fields are loaded */
  readonly generate: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("document-panel");
    this.generateFirst = this.panel.getByRole("button", { name: "Générer depuis un modèle" });
    this.regenerate = this.panel.getByRole("button", { name: "Regénérer depuis un modèle" });
    this.dialog = page.getByRole("dialog", { name: "Générer le texte du contrat" });
    this.missing = this.panel.getByTestId("missing-fields");
    this.save = this.panel.getByRole("button", { name: "Enregistrer le texte" });
    this.exportPdf = this.panel.getByRole("button", { name: "Exporter en PDF" });
    this.generate = this.dialog.getByRole("button", { name: "Générer le texte" });
  }

  /** Chooses a template in the generate dialog and waits for its fields (if it has any). */
  async chooseTemplate(name: RegExp): Promise<void> {
    const select = this.dialog.getByRole("combobox", { name: "Modèle" });
    await select.click();
    await this.page.getByRole("option", { name }).click();
    await expect(this.generate).toBeEnabled();
  }

  /** A field of the generate dialog, by the start of its label. */
  field(label: string): Locator {
    return this.dialog.getByRole("textbox", { name: new RegExp(`^${label}`) });
  }

  /** The title and body of section N (from 1). */
  section(number: number) {
    const group = this.panel.getByRole("group", { name: `Section ${number}`, exact: true });
    return {
      group,
      title: group.getByRole("textbox", { name: `Titre de la section ${number}` }),
      body: group.getByRole("textbox", { name: `Texte de la section ${number}` }),
    };
  }
}
