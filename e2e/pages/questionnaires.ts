/**
 * The questionnaires screens: the list and its editor, a contract's
 * questionnaires panel, and a questionnaire's results.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export interface QuestionSpec {
  kind?: "Texte libre" | "Choix (une option)" | "Échelle de 1 à 5" | "Date" | "Oui / non";
  text: string;
  required?: boolean;
  options?: string[];
}

export class QuestionnairesPage {
  readonly heading: Locator;
  readonly create: Locator;
  readonly table: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Questionnaires" });
    this.create = main.getByRole("button", { name: "Nouveau questionnaire" });
    this.table = main.getByRole("table");
    this.editor = page.getByRole("dialog");
  }

  async showFromNavigation(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Questionnaires" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** Defines a questionnaire in the editor and saves it. */
  async define(title: string, questions: QuestionSpec[], triggerStage?: string): Promise<void> {
    await this.create.click();
    await expect(this.editor).toBeVisible();
    await this.editor.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
    if (triggerStage) {
      await this.editor
        .getByRole("combobox", { name: "Joindre automatiquement à l'étape" })
        .click();
      await this.page.getByRole("option", { name: triggerStage, exact: true }).click();
    }
    for (const [i, q] of questions.entries()) {
      if (i > 0) await this.editor.getByRole("button", { name: "Ajouter une question" }).click();
      const group = this.editor.getByRole("group", { name: `Question ${i + 1}`, exact: true });
      await group.getByRole("textbox", { name: "Intitulé" }).fill(q.text);
      if (q.kind) {
        await group.getByRole("combobox", { name: "Type de réponse" }).click();
        await this.page.getByRole("option", { name: q.kind, exact: true }).click();
      }
      if (q.options) {
        await group
          .getByRole("textbox", { name: "Options (une par ligne)" })
          .fill(q.options.join("\n"));
      }
      if (q.required) await group.getByRole("checkbox", { name: "Réponse obligatoire" }).check();
    }
    await this.editor.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(this.editor).toBeHidden();
    await expect(this.table.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
}

export class QuestionnairesPanel {
  readonly panel: Locator;
  readonly attach: Locator;
  readonly importFile: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("questionnaires-panel");
    this.attach = this.panel.getByRole("button", { name: "Remettre", exact: true });
    this.importFile = this.panel.locator("input[type=file]");
    this.problems = this.panel.getByTestId("questionnaire-problems");
  }

  async handOut(questionnaire: string, party: string): Promise<void> {
    await this.panel.getByRole("combobox", { name: "Questionnaire" }).click();
    await this.page.getByRole("option", { name: questionnaire }).click();
    await this.panel.getByRole("combobox", { name: "Partie" }).click();
    await this.page.getByRole("option", { name: party }).click();
    await this.attach.click();
  }

  /** The card of the questionnaire handed to `party`. */
  card(title: string, party: string): Locator {
    return this.panel.getByRole("article", { name: `${title} — ${party}` });
  }
}
