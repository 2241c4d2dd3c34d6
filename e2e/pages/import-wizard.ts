/**
 * The import wizard: pick a file, map its columns (or load a saved mapping),
 * start, follow the progress, read the report.
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** One look at the progress step: its text and the bar's value (0–100). */
export interface ProgressReading {
  text: string;
  percent: number;
}

export type ReportCount = "rows" | "created" | "updated" | "unchanged" | "skipped" | "flagged";

export class ImportWizard {
  readonly heading: Locator;
  readonly file: Locator;
  readonly fileSummary: Locator;
  readonly mappingFile: Locator;
  readonly sample: Locator;
  readonly start: Locator;
  readonly reportHeading: Locator;
  readonly problems: Locator;
  readonly showNeedsReview: Locator;
  readonly showRegister: Locator;
  readonly another: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Importer des contrats" });
    this.file = main.getByLabel("Fichier à importer (CSV ou JSON)");
    this.fileSummary = main.getByTestId("import-file-summary");
    this.mappingFile = main.getByLabel("Charger une correspondance enregistrée (JSON)");
    this.sample = main.getByRole("region", { name: "Aperçu des premières lignes" });
    this.start = main.getByRole("button", { name: "Lancer l'import" });
    this.reportHeading = main.getByRole("heading", { name: "Rapport d'import" });
    this.problems = main.getByRole("region", { name: "Problèmes" });
    this.showNeedsReview = main.getByRole("link", { name: "Voir les contrats à vérifier" });
    this.showRegister = main.getByRole("link", { name: "Voir le registre" });
    this.another = main.getByRole("button", { name: "Importer un autre fichier" });
  }

  async openFromNavigation(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Import" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** Picks the file to import, from disk or made in the test. */
  async pickFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.file.setInputFiles(file);
  }

  /** The select that maps a contract field ("Titre", "Préavis", …) to a column. */
  column(field: string): Locator {
    return this.page.getByRole("main").getByRole("combobox", { name: field, exact: true });
  }

  /** A sample row of the preview, by its row number in the file. */
  sampleRow(row: number): Locator {
    return this.sample
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: String(row), exact: true }) });
  }

  async loadMapping(file: string): Promise<void> {
    await this.mappingFile.setInputFiles(file);
  }

  /** A count of the report, by its key, as the person reads it. */
  report(key: ReportCount): Locator {
    return this.page.getByTestId(`report-${key}`);
  }

  async expectReport(key: ReportCount, count: number): Promise<void> {
    const formatted = new Intl.NumberFormat("fr-FR").format(count);
    await expect(this.report(key).getByText(formatted, { exact: true })).toBeVisible();
  }

  /** The number a report count shows. */
  async reportCount(key: ReportCount): Promise<number> {
    await expect(this.report(key)).toBeVisible();
    const text = await this.report(key)
      .getByText(/^[\d\s]+$/)
      .textContent();
    return Number((text ?? "").replace(/\s/g, ""));
  }

  /** A row of the report's problems, by the file's row number and column. */
  problem(row: number, column: string): Locator {
    return this.problems
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: String(row), exact: true }) })
      .filter({ has: this.page.getByRole("cell", { name: column, exact: true }) });
  }

  /** A step of the wizard's stepper, by its label ("Fichier", "Import", …). */
  step(label: string): Locator {
    const name = new RegExp(`^(\\d+ )?${label} `);
    return this.page.getByRole("main").getByRole("button", { name });
  }

  /**
   * Checks what the progress step showed while the import ran: at least one
   * reading; the file's row count as the total from the start (never
   * "0 / 0"); the bar and the text never going back; and the full bar last,
   * kept above the report.
   */
  async expectProgressShown(seen: ProgressReading[], total: number): Promise<void> {
    expect(seen.length, "the progress step was shown").toBeGreaterThan(0);
    let lastDone = 0;
    let lastPercent = 0;
    for (const { text, percent } of seen) {
      const m = /^([\d\s]+) \/ ([\d\s]+) lignes$/.exec(text);
      expect(m, text).not.toBeNull();
      const done = Number(m?.[1]?.replace(/\s/g, ""));
      const of = Number(m?.[2]?.replace(/\s/g, ""));
      expect(of, text).toBe(total);
      expect(done).toBeGreaterThanOrEqual(lastDone);
      expect(done).toBeLessThanOrEqual(of);
      expect(percent).toBeGreaterThanOrEqual(lastPercent);
      expect(percent).toBeLessThanOrEqual(100);
      lastDone = done;
      lastPercent = percent;
    }
    expect([lastDone, lastPercent], "the import ends with a full bar").toEqual([total, 100]);
  }

  /**
   * Records what the progress step shows each time it changes: its text
   * (`120 / 510 lignes`) and the bar's value. An import of a second or less
   * can pass its progress step between two looks, so the page notes each
   * change as it renders; call before starting, read after the report.
   */
  async recordProgress(): Promise<() => Promise<ProgressReading[]>> {
    await this.page.evaluate(() => {
      const seen: { text: string; percent: number }[] = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      const note = () => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        const bar = document.querySelector('main [role="progressbar"]');
        const percent = Number(bar?.getAttribute("aria-valuenow") ?? Number.NaN);
        const last = seen[seen.length - 1];
        if (text && (last?.text !== text || last.percent !== percent)) seen.push({ text, percent });
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["aria-valuenow"],
      });
    });
    return () =>
      this.page.evaluate(() => (window as unknown as { __progress: ProgressReading[] }).__progress);
  }
}
