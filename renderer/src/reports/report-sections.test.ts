import { describe, expect, it } from "vitest";
import type { Report } from "../../../shared/domain/reports";
import { reportSections } from "./report-sections";

const report: Report = {
  today: "2027-01-04",
  filters: {},
  contracts: 4,
  active: 2,
  endingWithin: { "30": 1, "60": 2, "90": 2 },
  noticeDueWithin: { "30": 0, "60": 1, "90": 1 },
  valueByStage: [
    { stage: "active", currency: "EUR", total: 10.5, totalMinor: "1050", count: 1 },
    { stage: "active", currency: "USD", total: 3, totalMinor: "300", count: 1 },
    { stage: "draft", currency: "EUR", total: 1, totalMinor: "100", count: 1 },
  ],
  valueByCurrency: [],
  lateStages: [{ responsible: null, responsibleId: null, count: 2 }],
  stageTimes: [],
  renewalOutcomes: { renewed: 0, terminated: 0, lapsed: 0 },
  stages: [],
};

const words = {
  t: (key: string, o?: Record<string, unknown>) => (o ? `${key}:${JSON.stringify(o)}` : key),
  number: (n: number) => String(n),
  money: (n: number, c: string) => `${n} ${c}`,
  stage: (k: string) => k.toUpperCase(),
};

describe("report sections", () => {
  const sections = reportSections(report, words);
  const byId = (id: string) => sections.find((s) => s.id === id);

  it("charts amounts one currency at a time, never mixed", () => {
    const charts = byId("valueByStage")?.charts ?? [];
    expect(charts.map((c) => c.spec.series[0]?.label)).toEqual(["EUR", "USD"]);
    expect(charts[0]?.spec.data).toEqual([
      { stage: "ACTIVE", total: 10.5 },
      { stage: "DRAFT", total: 1 },
    ]);
  });

  it("gives every figure a table, and charts only what has numbers", () => {
    expect(byId("windows")?.rows).toEqual([
      ["30", "1", "0"],
      ["60", "2", "1"],
      ["90", "2", "1"],
    ]);
    expect(byId("lateStages")?.rows).toEqual([["reports.nobody", "2"]]);
    expect(byId("stageTimes")?.charts).toEqual([]);
    expect(byId("renewalOutcomes")?.charts).toEqual([]);
    expect(byId("renewalOutcomes")?.rows).toHaveLength(3);
  });

  it("charts counts on a whole-number axis, in the UI's number format", () => {
    const fr = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
    const renewed = { ...report, renewalOutcomes: { renewed: 1, terminated: 0, lapsed: 0 } };
    const all = reportSections(renewed, { ...words, number: fr });
    const chart = (id: string) => all.find((s) => s.id === id)?.charts[0]?.spec;
    for (const id of ["renewalOutcomes", "windows", "lateStages"]) {
      expect(chart(id)?.integers, id).toBe(true);
    }
    expect(chart("valueByStage")?.integers).toBe(false);
    expect(chart("renewalOutcomes")?.format(1500.5)).toBe(fr(1500.5));
    expect(chart("renewalOutcomes")?.format(1500.5)).toMatch(/^1\s500,5$/);
  });
});
