/**
 * The headings of the reports (figures, columns, outcomes) in French and
 * English: one table for the reports screen and for what the CLI prints,
 * the CSV holds and the PDF shows.
 */
import type { RenewalOutcome } from "./reports";

export interface ReportHeadings {
  summary: string;
  figure: string;
  value: string;
  contracts: string;
  active: string;
  windows: string;
  days: string;
  ending: string;
  notice: string;
  byStage: string;
  byCurrency: string;
  stage: string;
  currency: string;
  total: string;
  count: string;
  late: string;
  person: string;
  nobody: string;
  lateCount: string;
  times: string;
  visits: string;
  median: string;
  p90: string;
  outcomes: string;
  outcome: string;
  outcomeNames: Record<RenewalOutcome, string>;
}

export const REPORT_HEADINGS: Record<"fr" | "en", ReportHeadings> = {
  fr: {
    summary: "Contrats",
    figure: "Indicateur",
    value: "Valeur",
    contracts: "Contrats retenus",
    active: "Contrats en vigueur",
    windows: "Échéances à venir",
    days: "Jours",
    ending: "Fins de contrat",
    notice: "Préavis à donner",
    byStage: "Valeur par étape",
    byCurrency: "Valeur par devise",
    stage: "Étape",
    currency: "Devise",
    total: "Total",
    count: "Contrats",
    late: "Étapes en retard par responsable",
    person: "Responsable",
    nobody: "(personne)",
    lateCount: "Étapes en retard",
    times: "Temps passé par étape (jours)",
    visits: "Passages",
    median: "Médiane",
    p90: "90e centile",
    outcomes: "Issues des renouvellements",
    outcome: "Issue",
    outcomeNames: { renewed: "Renouvelé", terminated: "Résilié", lapsed: "Échu" },
  },
  en: {
    summary: "Contracts",
    figure: "Figure",
    value: "Value",
    contracts: "Contracts selected",
    active: "Active contracts",
    windows: "Coming up",
    days: "Days",
    ending: "Contracts ending",
    notice: "Notices due",
    byStage: "Value by stage",
    byCurrency: "Value by currency",
    stage: "Stage",
    currency: "Currency",
    total: "Total",
    count: "Contracts",
    late: "Late stages by responsible person",
    person: "Responsible",
    nobody: "(nobody)",
    lateCount: "Late stages",
    times: "Time spent per stage (days)",
    visits: "Visits",
    median: "Median",
    p90: "90th percentile",
    outcomes: "Renewal outcomes",
    outcome: "Outcome",
    outcomeNames: { renewed: "Renewed", terminated: "Terminated", lapsed: "Lapsed" },
  },
};
