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
