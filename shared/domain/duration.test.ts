import { describe, expect, it } from "vitest";
import {
  addDuration,
  formatIsoDuration,
  normalizeIsoDuration,
  parseFreeDuration,
  parseIsoDuration,
} from "./duration";

describe("parseFreeDuration", () => {
  it.each([
    ["successive 1 year", "P1Y"],
    ["Successive 1 year", "P1Y"],
    ["succesive 1 year", "P1Y"],
    ["sucessive 1 year", "P1Y"],
    ["thirty (30) days", "P30D"],
    ["three (3) years", "P3Y"],
    ["12 months", "P12M"],
    ["12 Months", "P12M"],
    ["6 mois", "P6M"],
    ["90 jours", "P90D"],
    ["1 an", "P1Y"],
    ["deux ans renouvelables", "P2Y"],
    ["(6) months", "P6M"],
    ["60) days", "P60D"],
    ["2 successive 10 years", "P10Y"],
    ["four successive 10 years", "P10Y"],
    ["0.5 year", "P6M"],
    ["4 years, 6 months", "P4Y6M"],
    ["6 weeks", "P6W"],
    ["p12m", "P12M"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseFreeDuration(text)).toBe(expected);
  });

  it.each([
    "60 days; 180 days",
    "180 days / 6 months",
    "5 years or 2 years",
    "successive []",
    "successive [] years",
    "10 1 years",
    "perpetual",
    "[]",
    "",
    "7/22/2019; 7/22/2022",
    "0.3 days",
  ])("gives null for %j, which it cannot read for sure", (text) => {
    expect(parseFreeDuration(text)).toBeNull();
  });
});

describe("ISO durations", () => {
  it("parses, normalises and writes them back", () => {
    expect(parseIsoDuration("P1Y6M")).toEqual({ years: 1, months: 6, weeks: 0, days: 0 });
    expect(parseIsoDuration("P")).toBeNull();
    expect(normalizeIsoDuration(" p30d ")).toBe("P30D");
    expect(formatIsoDuration({ years: 0, months: 0, weeks: 0, days: 0 })).toBeNull();
  });

  it("adds a duration to a date, clamping to the month's last day", () => {
    expect(addDuration("2024-01-31", "P1M")).toBe("2024-02-29");
    expect(addDuration("2024-02-29", "P1Y")).toBe("2025-02-28");
    expect(addDuration("2024-12-15", "P30D")).toBe("2025-01-14");
    expect(addDuration("2024-03-31", "P1M", -1)).toBe("2024-02-29");
  });
});
