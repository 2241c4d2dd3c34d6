import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatDate,
  formatDuration,
  formatList,
  formatNumber,
  formatTyped,
  splitList,
} from "./format";

/** Intl separates thousands and currency with no-break spaces: compare with plain ones. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatting in the template's language", () => {
  it("writes dates in French (1er for the first) and in English", () => {
    expect(formatDate("2026-03-01", "fr")).toBe("1er mars 2026");
    expect(formatDate("2026-12-31", "fr")).toBe("31 décembre 2026");
    expect(formatDate("2026-03-01", "en")).toBe("1 March 2026");
    expect(formatDate("15/07/2026", "fr")).toBe("15 juillet 2026");
    expect(formatDate("7/15/2026", "en")).toBe("15 July 2026");
    expect(formatDate("next week", "en")).toBe("next week");
  });

  it("writes amounts in major units with the currency", () => {
    expect(spaced(formatAmount("12500", "fr", "EUR"))).toBe("12 500,00 €");
    expect(formatAmount("12500", "en", "EUR")).toBe("€12,500.00");
    expect(spaced(formatAmount("12 500,5", "fr", "EUR"))).toBe("12 500,50 €");
    expect(formatAmount("1,234.56 USD", "en", "EUR")).toBe("US$1,234.56");
    expect(formatAmount("300", "en", null)).toBe("€300.00");
    expect(formatAmount("a lot", "fr", "EUR")).toBe("a lot");
  });

  it("writes numbers with the decimals typed", () => {
    expect(spaced(formatNumber("1234.5", "fr"))).toBe("1 234,5");
    expect(formatNumber("1234.5", "en")).toBe("1,234.5");
    expect(formatNumber("3", "fr")).toBe("3");
    expect(formatNumber("trois", "fr")).toBe("trois");
  });

  it("joins lists with et / and, without a serial comma", () => {
    expect(formatList(["A", "B", "C"], "fr")).toBe("A, B et C");
    expect(formatList(["A", "B", "C"], "en")).toBe("A, B and C");
    expect(formatList(["A", "B"], "en")).toBe("A and B");
    expect(splitList("Dupont, SARL; Martin SA")).toEqual(["Dupont, SARL", "Martin SA"]);
    expect(splitList("A\nB, C\n\n")).toEqual(["A", "B, C"]);
    expect(formatTyped("A, B, C", "list", "fr", null)).toBe("A, B et C");
  });

  it("writes ISO durations in words", () => {
    expect(formatDuration("P3M", "fr")).toBe("3 mois");
    expect(formatDuration("P1Y6M", "fr")).toBe("1 an et 6 mois");
    expect(formatDuration("P2Y", "en")).toBe("2 years");
    expect(formatDuration("P30D", "en")).toBe("30 days");
  });
});
