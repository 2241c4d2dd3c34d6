/**
 * The figures of the reports screen, `pacta report` and the exports: their
 * shape, the filters that select them, and the definitions behind each one
 * (computed in SQL by `main/reports/figures.ts`).
 *
 * Definitions, as of `today`:
 * - a contract counts when it is live (not deleted, not archived) and the
 *   filters select it: its type, one of its tags, the person holding its
 *   current stage, and the period (its dates overlap [from, to]: it starts
 *   on its effective date, else its signature date, else the day it was
 *   entered; kinds none and optional end on their end date, automatic and
 *   evergreen contracts stay open);
 * - active: at a non-terminal stage placed at or after the `active` stage
 *   of the pipeline, and not ended (kinds none and optional: no end date
 *   or an end date on or after today);
 * - ending within N days: the current term end (automatic renewals roll
 *   over from the end date) falls between today and today + N;
 * - notice due within N days: the notice deadline (automatic renewals) or
 *   the decision date (optional renewals) falls between today and today + N;
 * - value by stage and by currency: exact sums of minor units, one row per
 *   currency, never mixed; contracts without a value are left out;
 * - late stages: open stage visits whose due date is before today, by the
 *   person holding them (null: nobody);
 * - time per stage: the visits that ended (left within the period, when
 *   one is set), in days from entering to leaving, median and 90th
 *   percentile (linear interpolation between ranks);
 * - renewal outcomes, one per contract whose renewal question is settled,
 *   dated and counted within the period: `terminated` (at a terminal stage
 *   other than `expired`), `lapsed` (at the `expired` stage, or kinds none
 *   and optional past their end date without a renewal), `renewed` (moved
 *   from the `renewal` stage to a non-terminal one, or an automatic renewal
 *   past its original end date, which has rolled over at least once).
 */
import { z } from "zod";
import { calendarDateSchema } from "./contract";

export const WINDOWS = [30, 60, 90] as const;
export type WindowKey = "30" | "60" | "90";
export type WindowCounts = Record<WindowKey, number>;

export const reportFiltersSchema = z
  .object({
    type: z.string().trim().min(1).max(120).nullish(),
    tag: z.string().trim().min(1).max(60).nullish(),
    /** A person's id: contracts whose current stage they hold, visits they held. */
    responsible: z.number().int().positive().nullish(),
    from: calendarDateSchema.nullish(),
    to: calendarDateSchema.nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "the period ends before it starts",
    path: ["to"],
  });
export type ReportFilters = z.input<typeof reportFiltersSchema>;
export type ParsedReportFilters = z.output<typeof reportFiltersSchema>;

export interface StageValue {
  stage: string;
  currency: string;
  /** Major units (1234.56). */
  total: number;
  /** Exact minor units, as a decimal string (123456). */
  totalMinor: string;
  count: number;
}

export interface CurrencyValue {
  currency: string;
  total: number;
  totalMinor: string;
  count: number;
}

export interface LateStages {
  /** The person's name; null when nobody holds the stage. */
  responsible: string | null;
  responsibleId: number | null;
  count: number;
}

export interface StageTime {
  stage: string;
  /** Visits that ended. */
  visits: number;
  medianDays: number;
  p90Days: number;
}

export type RenewalOutcome = "renewed" | "terminated" | "lapsed";
export const RENEWAL_OUTCOMES: readonly RenewalOutcome[] = ["renewed", "terminated", "lapsed"];

export interface Report {
  /** The day the figures are judged on. */
  today: string;
  filters: ParsedReportFilters;
  /** Live contracts the filters select. */
  contracts: number;
  active: number;
  endingWithin: WindowCounts;
  noticeDueWithin: WindowCounts;
  valueByStage: StageValue[];
  valueByCurrency: CurrencyValue[];
  lateStages: LateStages[];
  stageTimes: StageTime[];
  renewalOutcomes: Record<RenewalOutcome, number>;
  /** The pipeline's stages in order, with their names, for labels. */
  stages: { key: string; names: { fr: string; en: string } }[];
}

/** `;` is what Excel expects in French; it goes with a decimal comma. */
export const CSV_SEPARATORS = [",", ";"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** Rounds days to one decimal, the precision the reports show. */
export function roundDays(days: number): number {
  return Math.round(days * 10) / 10;
}
