import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatCount,
  formatDecimal,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatValue,
} from "./format";

/** U+202F, the narrow no-break space French uses between thousands. */
const NNBSP = "\u202f";
/** U+00A0, the no-break space French uses before a currency sign, `%` or a unit. */
const NBSP = "\u00a0";

describe("formatCalendarDate", () => {
  it("writes the day, the month in words and the year in each language", () => {
    expect(formatCalendarDate("2026-03-01", "fr")).toBe("1 mars 2026");
    expect(formatCalendarDate("2026-03-01", "en")).toBe("1 March 2026");
    expect(formatCalendarDate("2026-01-15", "fr")).toBe("15 janv. 2026");
    expect(formatCalendarDate("2026-12-31", "en")).toBe("31 December 2026");
  });

  it("never moves a date by a time zone, and leaves what is no date alone", () => {
    expect(formatCalendarDate("2024-02-29", "fr")).toBe("29 févr. 2024");
    expect(formatCalendarDate(null, "en")).toBeNull();
    expect(formatCalendarDate("next week", "fr")).toBe("next week");
  });
});

describe("formatTimestamp", () => {
  it("gives the date and the time of day", () => {
    const fr = formatTimestamp("2026-03-01T12:00:00Z", "fr");
    const en = formatTimestamp("2026-03-01T12:00:00Z", "en");
    expect(fr).toMatch(/^1 mars 2026.* \d\d:\d\d$/);
    expect(en).toMatch(/^1 March 2026.* \d\d:\d\d$/);
    expect(formatTimestamp("not a time", "fr")).toBe("not a time");
  });
});

describe("formatValue", () => {
  it("writes money the way each language does", () => {
    expect(formatValue(12500, "EUR", "fr")).toBe(`12${NNBSP}500,00${NBSP}€`);
    expect(formatValue(12500, "EUR", "en")).toBe("€12,500.00");
    expect(formatValue(1234.5, "USD", "en")).toBe("US$1,234.50");
    expect(formatValue(1500, "JPY", "fr")).toBe(`1${NNBSP}500${NBSP}JPY`);
  });

  it("keeps the cents of large amounts exact", () => {
    expect(formatValue(98765432.1, "EUR", "en")).toBe("€98,765,432.10");
  });

  it("writes a plain number without a currency, and nothing without a value", () => {
    expect(formatValue(12500.5, null, "fr")).toBe(`12${NNBSP}500,5`);
    expect(formatValue(12500.5, null, "en")).toBe("12,500.5");
    expect(formatValue(null, "EUR", "fr")).toBeNull();
  });
});

describe("formatCount and formatPercent", () => {
  it("group thousands in the language's way", () => {
    expect(formatCount(1234567, "fr")).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatCount(1234567, "en")).toBe("1,234,567");
  });

  it("write shares as percentages", () => {
    expect(formatPercent(0.125, "fr")).toBe(`12,5${NBSP}%`);
    expect(formatPercent(0.125, "en")).toBe("12.5%");
    expect(formatPercent(1, "en")).toBe("100%");
  });

  it("write an average with the language's decimal mark", () => {
    expect(formatDecimal(8 / 3, 2, "fr")).toBe("2,67");
    expect(formatDecimal(8 / 3, 2, "en")).toBe("2.67");
    expect(formatDecimal(5, 2, "fr")).toBe("5");
  });
});

describe("formatDuration", () => {
  it("spells out an ISO 8601 duration", () => {
    expect(formatDuration("P1Y6M", "fr")).toBe(`1${NBSP}an et 6${NBSP}mois`);
    expect(formatDuration("P1Y6M", "en")).toBe("1 year and 6 months");
    expect(formatDuration("P3M", "en")).toBe("3 months");
    expect(formatDuration(null, "fr")).toBeNull();
  });
});
