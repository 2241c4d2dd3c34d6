/**
 * The report as the screen shows it: one section per figure, each with its
 * table (the accessible form, always there) and, where a person would
 * rather look than read, a bar chart of the same numbers. Amounts are
 * charted one currency at a time: currencies never share an axis.
 */
import { RENEWAL_OUTCOMES, type Report, WINDOWS } from "../../../shared/domain/reports";

export interface ChartSpec {
  /** The chart's rows: the category under `dataKey`, one number per series. */
  data: Record<string, string | number>[];
  dataKey: string;
  series: { name: string; label: string; color: string }[];
  /** Counts: the value axis shows whole numbers only. */
  integers: boolean;
  /** The value axis's and tooltip's numbers, in the UI's language. */
  format: (n: number) => string;
}

export interface ReportSection {
  id: string;
  title: string;
  headers: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric: number[];
  charts: { title: string; spec: ChartSpec }[];
}

/** What the sections need to speak: messages and number formats. */
export interface SectionWords {
  t: (key: string, options?: Record<string, unknown>) => string;
  number: (n: number) => string;
  money: (n: number, currency: string) => string;
  stage: (key: string) => string;
}

const COLORS = ["blue.6", "orange.6", "teal.6"];

export function reportSections(r: Report, w: SectionWords): ReportSection[] {
  const { t, number } = w;
  const currencies = [...new Set(r.valueByStage.map((v) => v.currency))];
  return [
    {
      id: "summary",
      title: t("reports.summary"),
      headers: [t("reports.figure"), t("reports.value")],
      rows: [
        [t("reports.contracts"), number(r.contracts)],
        [t("reports.active"), number(r.active)],
      ],
      numeric: [1],
      charts: [],
    },
    {
      id: "windows",
      title: t("reports.windows"),
      headers: [t("reports.days"), t("reports.ending"), t("reports.notice")],
      rows: WINDOWS.map((d) => {
        const key = String(d) as "30" | "60" | "90";
        return [number(d), number(r.endingWithin[key]), number(r.noticeDueWithin[key])];
      }),
      numeric: [0, 1, 2],
      charts: [
        {
          title: t("reports.windows"),
          spec: {
            dataKey: "window",
            data: WINDOWS.map((d) => {
              const key = String(d) as "30" | "60" | "90";
              return {
                window: t("reports.window", { days: d }),
                ending: r.endingWithin[key],
                notice: r.noticeDueWithin[key],
              };
            }),
            series: [
              { name: "ending", label: t("reports.ending"), color: COLORS[0] ?? "blue.6" },
              { name: "notice", label: t("reports.notice"), color: COLORS[1] ?? "orange.6" },
            ],
            integers: true,
            format: number,
          },
        },
      ],
    },
    {
      id: "valueByStage",
      title: t("reports.byStage"),
      headers: [t("reports.stage"), t("reports.currency"), t("reports.total"), t("reports.count")],
      rows: r.valueByStage.map((v) => [
        w.stage(v.stage),
        v.currency,
        w.money(v.total, v.currency),
        number(v.count),
      ]),
      numeric: [2, 3],
      charts: currencies.map((currency) => ({
        title: t("reports.byStageIn", { currency }),
        spec: {
          dataKey: "stage",
          data: r.valueByStage
            .filter((v) => v.currency === currency)
            .map((v) => ({ stage: w.stage(v.stage), total: v.total })),
          series: [{ name: "total", label: currency, color: "blue.6" }],
          integers: false,
          format: number,
        },
      })),
    },
    {
      id: "valueByCurrency",
      title: t("reports.byCurrency"),
      headers: [t("reports.currency"), t("reports.total"), t("reports.count")],
      rows: r.valueByCurrency.map((v) => [
        v.currency,
        w.money(v.total, v.currency),
        number(v.count),
      ]),
      numeric: [1, 2],
      charts: [],
    },
    {
      id: "lateStages",
      title: t("reports.late"),
      headers: [t("reports.person"), t("reports.lateCount")],
      rows: r.lateStages.map((l) => [l.responsible ?? t("reports.nobody"), number(l.count)]),
      numeric: [1],
      charts: single(
        number,
        true,
        t("reports.late"),
        "person",
        r.lateStages.length > 0,
        [
          ...r.lateStages.map((l) => ({
            person: l.responsible ?? t("reports.nobody"),
            count: l.count,
          })),
        ],
        [{ name: "count", label: t("reports.lateCount"), color: "red.6" }],
      ),
    },
    {
      id: "stageTimes",
      title: t("reports.times"),
      headers: [t("reports.stage"), t("reports.visits"), t("reports.median"), t("reports.p90")],
      rows: r.stageTimes.map((s) => [
        w.stage(s.stage),
        number(s.visits),
        number(s.medianDays),
        number(s.p90Days),
      ]),
      numeric: [1, 2, 3],
      charts: single(
        number,
        false,
        t("reports.times"),
        "stage",
        r.stageTimes.length > 0,
        r.stageTimes.map((s) => ({
          stage: w.stage(s.stage),
          median: s.medianDays,
          p90: s.p90Days,
        })),
        [
          { name: "median", label: t("reports.median"), color: "teal.6" },
          { name: "p90", label: t("reports.p90"), color: "grape.6" },
        ],
      ),
    },
    {
      id: "renewalOutcomes",
      title: t("reports.outcomes"),
      headers: [t("reports.outcome"), t("reports.count")],
      rows: RENEWAL_OUTCOMES.map((o) => [
        t(`reports.outcomeNames.${o}`),
        number(r.renewalOutcomes[o]),
      ]),
      numeric: [1],
      charts: single(
        number,
        true,
        t("reports.outcomes"),
        "outcome",
        RENEWAL_OUTCOMES.some((o) => r.renewalOutcomes[o] > 0),
        RENEWAL_OUTCOMES.map((o) => ({
          outcome: t(`reports.outcomeNames.${o}`),
          count: r.renewalOutcomes[o],
        })),
        [{ name: "count", label: t("reports.count"), color: "blue.6" }],
      ),
    },
  ];
}

function single(
  format: (n: number) => string,
  integers: boolean,
  title: string,
  dataKey: string,
  show: boolean,
  data: ChartSpec["data"],
  series: ChartSpec["series"],
): ReportSection["charts"] {
  return show ? [{ title, spec: { dataKey, data, series, integers, format } }] : [];
}
