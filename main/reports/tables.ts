/**
 * The report as tables, one per figure, with their titles and headings in
 * French or English: what the CLI prints, the CSV holds and the PDF shows.
 * Cells stay typed (numbers are numbers) so each output formats them its
 * own way.
 */
import { minorDigits } from "../../shared/domain/money";
import { REPORT_HEADINGS } from "../../shared/domain/report-headings";
import { RENEWAL_OUTCOMES, type Report, WINDOWS } from "../../shared/domain/reports";

export type ReportLanguage = "fr" | "en";
/** An amount of money: shown with its currency's minor digits (60000.50, not 60000.5). */
export interface MoneyCell {
  amount: number;
  digits: number;
}
export type Cell = string | number | MoneyCell;

function money(amount: number, currency: string): MoneyCell {
  return { amount, digits: minorDigits(currency) };
}

/** A cell as plain text with a decimal point (the CLI's tables). */
export function plainCell(value: Cell): string {
  if (typeof value === "object") return value.amount.toFixed(value.digits);
  return String(value);
}

export interface ReportTable {
  /** A stable id (`active`, `valueByStage`...), for tests and file names. */
  id: string;
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Said instead of an empty table. */
  empty: string;
}

const WORDS = {
  fr: {
    ...REPORT_HEADINGS.fr,
    report: "Rapport Pacta",
    asOf: "Au",
    filters: "Filtres",
    noFilter: "aucun",
    type: "type",
    tag: "étiquette",
    responsible: "responsable",
    period: "période",
    none: "Rien à montrer.",
  },
  en: {
    ...REPORT_HEADINGS.en,
    report: "Pacta report",
    asOf: "As of",
    filters: "Filters",
    noFilter: "none",
    type: "type",
    tag: "tag",
    responsible: "responsible",
    period: "period",
    none: "Nothing to show.",
  },
} as const;

export function reportWords(language: ReportLanguage) {
  return WORDS[language];
}

/** "type Services, period 2026-01-01 – 2026-03-31", or "none". */
export function describeFilters(
  report: Report,
  language: ReportLanguage,
  personName: (id: number) => string,
): string {
  const w = WORDS[language];
  const f = report.filters;
  const parts: string[] = [];
  if (f.type) parts.push(`${w.type} ${f.type}`);
  if (f.tag) parts.push(`${w.tag} ${f.tag}`);
  if (f.responsible) parts.push(`${w.responsible} ${personName(f.responsible)}`);
  if (f.from || f.to) parts.push(`${w.period} ${f.from ?? "…"} – ${f.to ?? "…"}`);
  return parts.length > 0 ? parts.join(", ") : w.noFilter;
}

export function reportTables(report: Report, language: ReportLanguage): ReportTable[] {
  const w = WORDS[language];
  const stageName = (key: string) =>
    report.stages.find((s) => s.key === key)?.names[language] ?? key;
  return [
    {
      id: "summary",
      title: w.summary,
      headers: [w.figure, w.value],
      rows: [
        [w.contracts, report.contracts],
        [w.active, report.active],
      ],
      empty: w.none,
    },
    {
      id: "windows",
      title: w.windows,
      headers: [w.days, w.ending, w.notice],
      rows: WINDOWS.map((d) => {
        const key = String(d) as "30" | "60" | "90";
        return [d, report.endingWithin[key], report.noticeDueWithin[key]];
      }),
      empty: w.none,
    },
    {
      id: "valueByStage",
      title: w.byStage,
      headers: [w.stage, w.currency, w.total, w.count],
      rows: report.valueByStage.map((r) => [
        stageName(r.stage),
        r.currency,
        money(r.total, r.currency),
        r.count,
      ]),
      empty: w.none,
    },
    {
      id: "valueByCurrency",
      title: w.byCurrency,
      headers: [w.currency, w.total, w.count],
      rows: report.valueByCurrency.map((r) => [r.currency, money(r.total, r.currency), r.count]),
      empty: w.none,
    },
    {
      id: "lateStages",
      title: w.late,
      headers: [w.person, w.lateCount],
      rows: report.lateStages.map((r) => [r.responsible ?? w.nobody, r.count]),
      empty: w.none,
    },
    {
      id: "stageTimes",
      title: w.times,
      headers: [w.stage, w.visits, w.median, w.p90],
      rows: report.stageTimes.map((r) => [stageName(r.stage), r.visits, r.medianDays, r.p90Days]),
      empty: w.none,
    },
    {
      id: "renewalOutcomes",
      title: w.outcomes,
      headers: [w.outcome, w.count],
      rows: RENEWAL_OUTCOMES.map((o) => [w.outcomeNames[o], report.renewalOutcomes[o]]),
      empty: w.none,
    },
  ];
}
