/**
 * The contract page's lifecycle part: the stage timeline, the move control
 * and its confirmation dialog, and the key dates below.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class LifecycleSection {
  readonly section: Locator;
  readonly passed: Locator;
  readonly upcoming: Locator;
  readonly current: Locator;
  readonly moveTo: Locator;
  readonly comment: Locator;
  readonly move: Locator;
  readonly confirmDialog: Locator;
  readonly keyDates: Locator;
  readonly responsible: Locator;
  readonly dueDate: Locator;
  readonly assign: Locator;

  constructor(readonly page: Page) {
    this.section = this.part("Cycle de vie");
    this.passed = this.section.getByRole("list", { name: "Étapes passées" });
    this.upcoming = this.section.getByRole("list", { name: "Étapes à venir" });
    this.current = this.section.getByTestId("current-stage");
    this.moveTo = this.section.getByRole("combobox", { name: "Nouvelle étape" });
    this.comment = this.section.getByRole("textbox", { name: "Commentaire (facultatif)" });
    this.move = this.section.getByRole("button", { name: "Changer d'étape" });
    this.confirmDialog = page.getByRole("dialog", { name: "Sauter des étapes obligatoires ?" });
    this.keyDates = this.part("Dates clés");
    this.responsible = this.section.getByRole("combobox", { name: "Responsable de l'étape" });
    this.dueDate = this.section.getByRole("textbox", { name: "Échéance de l'étape" });
    this.assign = this.section.getByRole("button", {
      name: "Enregistrer responsable et échéance",
    });
  }

  /** Sets the current stage's responsible person and due date (DD/MM/YYYY), then saves. */
  async assignStage(person: string, ddmmyyyy: string): Promise<void> {
    await this.responsible.click();
    await this.page.getByRole("option", { name: person, exact: true }).click();
    await expect(this.responsible).toHaveValue(person);
    await this.dueDate.fill(ddmmyyyy);
    await this.dueDate.press("Tab");
    await expect(this.dueDate).toHaveValue(ddmmyyyy);
    await this.assign.click();
  }

  part(title: string): Locator {
    return this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: title, exact: true }) });
  }

  /** Picks the new stage and presses the move button. */
  async choose(stage: string, comment?: string): Promise<void> {
    await this.moveTo.click();
    await this.page.getByRole("option", { name: stage, exact: true }).click();
    await expect(this.moveTo).toHaveValue(stage);
    if (comment) await this.comment.fill(comment);
    await this.move.click();
  }

  /** Moves, and waits for the timeline to show the new stage as current. */
  async moveAndWait(stage: string, comment?: string): Promise<void> {
    await this.choose(stage, comment);
    await expect(this.current).toContainText(stage);
  }
}

/** The contract page's "Reminders for this contract" panel, under the key dates. */
export class ContractReminders {
  readonly panel: Locator;
  readonly workingDays: Locator;
  readonly save: Locator;
  readonly customDates: Locator;
  readonly customDate: Locator;
  readonly customLabel: Locator;
  readonly addCustomDate: Locator;
  readonly exportIcs: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("group", { name: "Rappels pour ce contrat" });
    this.workingDays = this.panel.getByRole("combobox", {
      name: "Reporter les échéances au jour ouvré précédent",
    });
    this.save = this.panel.getByRole("button", { name: "Enregistrer les rappels" });
    this.customDates = this.panel.getByRole("list", { name: "Dates personnalisées" });
    this.customDate = this.panel.getByRole("textbox", { name: "Date personnalisée" });
    this.customLabel = this.panel.getByRole("textbox", { name: "Libellé de la date" });
    this.addCustomDate = this.panel.getByRole("button", { name: "Ajouter la date" });
    this.exportIcs = this.panel.getByRole("button", { name: "Exporter les dates (.ics)" });
  }

  /** Picks "Oui pour ce contrat", "Non pour ce contrat" or the global setting, and saves. */
  async setWorkingDays(choice: string): Promise<void> {
    await this.workingDays.click();
    await this.page.getByRole("option", { name: choice, exact: true }).click();
    await expect(this.workingDays).toHaveValue(choice);
    await this.save.click();
  }

  async addDate(ddmmyyyy: string, label: string): Promise<void> {
    await this.customDate.fill(ddmmyyyy);
    await this.customDate.press("Tab");
    await this.customLabel.fill(label);
    await this.addCustomDate.click();
  }
}

/** The reminders page, one table per group. */
export class RemindersView {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Rappels" });
  }

  async openFromNavigation(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Rappels" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** A group's table: "En retard", "À traiter", "À venir", "Reportés". */
  group(name: string): Locator {
    return this.page.getByRole("table", { name, exact: true });
  }

  row(group: string, contract: string, kind: string): Locator {
    return this.group(group).getByRole("row").filter({ hasText: contract }).filter({
      hasText: kind,
    });
  }
}
