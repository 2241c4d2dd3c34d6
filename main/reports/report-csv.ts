/**
 * The report as one CSV file: a block per figure (its title, its headings,
 * its rows), blocks apart by an empty line. With `,` numbers keep a decimal
 * point; with `;` (what Excel expects on French Windows) they take a
 * decimal comma. UTF-8 with a byte-order mark, CRLF lines; a text cell
 * that a spreadsheet would run as a formula gets a leading `'`.
 */
import type { CsvSeparator, Report } from "../../shared/domain/reports";
import { looksLikeFormula } from "../register/export";
import {
  type Cell,
  describeFilters,
  plainCell,
  type ReportLanguage,
  reportTables,
  reportWords,
} from "./tables";

export interface ReportCsvOptions {
  separator: CsvSeparator;
  language: ReportLanguage;
  personName: (id: number) => string;
}

function numberCell(n: Cell, separator: CsvSeparator): string {
  const text = plainCell(n);
  return separator === ";" ? text.replace(".", ",") : text;
}

function textCell(text: string, separator: CsvSeparator): string {
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: Cell, separator: CsvSeparator): string {
  return typeof value === "string" ? textCell(value, separator) : numberCell(value, separator);
}

export function reportCsv(report: Report, o: ReportCsvOptions): string {
  const w = reportWords(o.language);
  const line = (cells: Cell[]) => cells.map((c) => cell(c, o.separator)).join(o.separator);
  const lines = [
    line([w.report]),
    line([w.asOf, report.today]),
    line([w.filters, describeFilters(report, o.language, o.personName)]),
  ];
  for (const t of reportTables(report, o.language)) {
    lines.push("", line([t.title]), line(t.headers));
    for (const row of t.rows) lines.push(line(row));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
