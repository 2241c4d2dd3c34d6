import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isCalendarDate,
  localToday,
  parseCalendarDate,
} from "./calendar-date";

describe("parseCalendarDate", () => {
  it("reads the three formats a mapping can name", () => {
    expect(parseCalendarDate("2024-02-29", "YYYY-MM-DD")).toBe("2024-02-29");
    expect(parseCalendarDate("29/02/2024", "DD/MM/YYYY")).toBe("2024-02-29");
    expect(parseCalendarDate("21.06.2000", "DD/MM/YYYY")).toBe("2000-06-21");
    expect(parseCalendarDate("6/21/2000", "M/D/YYYY")).toBe("2000-06-21");
    expect(parseCalendarDate(" 06/01/2020 ", "M/D/YYYY")).toBe("2020-06-01");
  });

  it.each([
    ["31/02/2024", "DD/MM/YYYY"],
    ["29/02/2023", "DD/MM/YYYY"],
    ["[]/[]/2022", "M/D/YYYY"],
    ["03/[]/2018", "M/D/YYYY"],
    ["09/14/200[]", "M/D/YYYY"],
    ["31/01/2025", "M/D/YYYY"],
    ["2024-13-01", "YYYY-MM-DD"],
    ["2024-2-1", "YYYY-MM-DD"],
    ["6/21/2000", "YYYY-MM-DD"],
    ["June 21, 1999", "M/D/YYYY"],
    ["", "DD/MM/YYYY"],
  ] as const)("refuses %j written %s", (text, format) => {
    expect(parseCalendarDate(text, format)).toBeNull();
  });
});

describe("calendar arithmetic", () => {
  it("checks, adds and counts days without time zones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2024-03-31", "2024-03-30")).toBe(-1);
  });

  it("knows a real day from its four, two and two digits, as the UTC calendar does", () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const near = fc.tuple(
      fc.oneof(digits(4), fc.constantFrom("0999", "1000", "1900", "2000", "2024", "2100")),
      fc.oneof(digits(2), fc.constantFrom("00", "01", "02", "04", "12", "13")),
      fc.oneof(digits(2), fc.constantFrom("00", "01", "28", "29", "30", "31", "32")),
    );
    fc.assert(
      fc.property(near, ([y, m, d]) => {
        const text = `${y}-${m}-${d}`;
        const utc = new Date(`${text}T00:00:00Z`);
        const real =
          Number(y) >= 1000 && !Number.isNaN(utc.getTime()) && utc.toISOString().startsWith(text);
        expect(isCalendarDate(text)).toBe(real);
      }),
      { numRuns: 3000 },
    );
    expect(isCalendarDate(" 2024-02-29")).toBe(false);
  });

  it("gives today on the machine's local calendar", () => {
    expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05");
  });
});
