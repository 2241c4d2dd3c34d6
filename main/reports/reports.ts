/**
 * Reports over the register: the figures (SQL, `figures.ts`) and their
 * exports to CSV and PDF, for every door.
 */
import { localToday } from "../../shared/domain/calendar-date";
import {
  type CsvSeparator,
  type Report,
  type ReportFilters,
  reportFiltersSchema,
} from "../../shared/domain/reports";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import { ReportFigures } from "./figures";
import { reportCsv } from "./report-csv";
import { renderReportPdf } from "./report-pdf";
import type { ReportLanguage } from "./tables";

const log = createLogger("reports");

export interface ReportFile {
  fileName: string;
  content: string;
}

export class Reports {
  private readonly figures: ReportFigures;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.figures = new ReportFigures(db);
  }

  /** Every figure as of `today` (default: today here). */
  report(filters: ReportFilters = {}, today = localToday(this.now())): Report {
    const f = reportFiltersSchema.parse(filters);
    const started = performance.now();
    const report = { ...this.figures.report(f, today), filters: f };
    log.info(
      { ms: Math.round(performance.now() - started), contracts: report.contracts },
      "report",
    );
    return report;
  }

  /** A person's name for the filters line; `#id` when unknown. */
  personName = (id: number): string => {
    const row = this.db.prepare("SELECT name FROM people WHERE id = ?").get(id) as
      | { name: string }
      | undefined;
    return row?.name ?? `#${id}`;
  };

  csv(filters: ReportFilters, separator: CsvSeparator, language: ReportLanguage): ReportFile {
    const report = this.report(filters);
    return {
      fileName: `pacta-report-${report.today}.csv`,
      content: reportCsv(report, { separator, language, personName: this.personName }),
    };
  }

  async pdf(
    filters: ReportFilters,
    language: ReportLanguage,
  ): Promise<{ fileName: string; bytes: Buffer; pages: number }> {
    const report = this.report(filters);
    const pdf = await renderReportPdf(report, {
      language,
      personName: this.personName,
      now: this.now(),
    });
    return { fileName: `pacta-report-${report.today}.pdf`, ...pdf };
  }
}
