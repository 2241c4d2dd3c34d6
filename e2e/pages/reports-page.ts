/**
 * The reports screen as a person sees it: its filters, one section per
 * figure with its chart and its table, and the export menu.
 */
import type { Locator, Page } from "@playwright/test";

export class ReportsPage {
  readonly heading: Locator;
  readonly type: Locator;
  readonly tag: Locator;
  readonly responsible: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Rapports" });
    this.type = page.getByRole("combobox", { name: "Type" });
    this.tag = page.getByRole("combobox", { name: "Étiquette" });
    this.responsible = page.getByRole("combobox", { name: "Responsable" });
    this.from = page.getByRole("textbox", { name: "Du" });
    this.to = page.getByRole("textbox", { name: "Au" });
    this.exportButton = page.getByRole("button", { name: "Exporter" });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Rapports" })
      .click();
    await this.heading.waitFor();
  }

  /** The table of one figure, by its caption. */
  table(title: string): Locator {
    return this.page.getByRole("table", { name: title, exact: true });
  }

  /** The rows of a table as their cells' texts. */
  async rows(title: string): Promise<string[][]> {
    // The figures load after the page: wait for their table, not an empty page.
    await this.table(title).waitFor();
    const rows = this.table(title).locator("tbody tr");
    const out: string[][] = [];
    for (const row of await rows.all()) {
      out.push((await row.locator("td").allInnerTexts()).map((c) => c.replace(/\s/g, " ").trim()));
    }
    return out;
  }

  /** The bars one figure's charts draw. */
  bars(sectionId: string): Locator {
    return this.page.getByTestId(`chart-${sectionId}`).locator(".recharts-bar-rectangle");
  }

  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole("option", { name: option, exact: true }).click();
  }
}
