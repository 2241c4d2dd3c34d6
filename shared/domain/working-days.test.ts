import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./calendar-date";
import {
  isFrenchHoliday,
  isWeekend,
  isWorkingDay,
  previousWorkingDay,
  shiftToWorkingDay,
  unshifted,
  weekdayOf,
  workingDayOnOrBefore,
} from "./working-days";

/** Any day from 1990 to about 2099, built from an integer. */
const anyDate = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));

describe("isFrenchHoliday", () => {
  it.each([
    ["2027-01-01", "Nouvel An", "New Year's Day"],
    ["2027-03-29", "Lundi de Pâques", "Easter Monday"],
    ["2027-05-01", "Fête du travail", "Labour Day"],
    ["2027-05-06", "Ascension", "Ascension Day"],
    ["2027-05-08", "Fête de la Victoire 1945", "Victory Day"],
    ["2027-05-17", "Lundi de Pentecôte", "Whit Monday"],
    ["2027-07-14", "Fête Nationale de la France", "Bastille Day"],
    ["2027-08-15", "Assomption", "Assumption"],
    ["2027-11-01", "Toussaint", "All Saints' Day"],
    ["2027-11-11", "Armistice 1918", "Armistice Day"],
    ["2027-12-25", "Noël", "Christmas Day"],
  ])("knows %s as %s", (date, fr, en) => {
    expect(isFrenchHoliday(date)).toBe(fr);
    expect(isFrenchHoliday(date, "en")).toBe(en);
  });

  it("counts the eleven metropolitan public holidays of a year", () => {
    let count = 0;
    for (let day = "2027-01-01"; day <= "2027-12-31"; day = addDays(day, 1)) {
      if (isFrenchHoliday(day) !== null) count++;
    }
    expect(count).toBe(11);
  });

  it.each([
    ["2027-03-26", "Good Friday, a holiday in Alsace-Moselle only"],
    ["2027-12-26", "St Stephen's Day, a holiday in Alsace-Moselle only"],
    ["2027-03-28", "Easter Sunday, an observance"],
    ["2027-05-16", "Whit Sunday, an observance"],
    ["2027-06-21", "an ordinary Monday"],
  ])("gives null for %s (%s)", (date) => {
    expect(isFrenchHoliday(date)).toBeNull();
  });

  it("names both holidays when two fall on one day", () => {
    expect(isFrenchHoliday("2008-05-01")).toBe("Fête du travail / Ascension");
  });

  it("follows Easter from year to year", () => {
    expect(isFrenchHoliday("2024-04-01")).toBe("Lundi de Pâques");
    expect(isFrenchHoliday("2025-04-21")).toBe("Lundi de Pâques");
    expect(isFrenchHoliday("2026-04-06")).toBe("Lundi de Pâques");
  });
});

describe("weekdays", () => {
  it("numbers days from Monday (0) to Sunday (6)", () => {
    expect(weekdayOf("2027-06-21")).toBe(0);
    expect(weekdayOf("2027-05-22")).toBe(5);
    expect(weekdayOf("2027-05-23")).toBe(6);
    expect(weekdayOf("1970-01-01")).toBe(3);
    expect(isWeekend("2027-05-22")).toBe(true);
    expect(isWeekend("2027-05-21")).toBe(false);
  });

  it("treats weekends and holidays as non-working days", () => {
    expect(isWorkingDay("2027-05-21")).toBe(true);
    expect(isWorkingDay("2027-05-22")).toBe(false);
    expect(isWorkingDay("2027-07-14")).toBe(false);
  });
});

describe("previousWorkingDay", () => {
  it.each([
    ["2027-06-22", "2027-06-21", "an ordinary Tuesday"],
    ["2027-06-21", "2027-06-18", "a Monday goes back over the weekend"],
    ["2027-03-30", "2027-03-26", "over Easter Monday and the weekend"],
    ["2027-05-03", "2027-04-30", "over a weekend holding 1 May"],
    ["2027-07-15", "2027-07-13", "over 14 July"],
    ["2025-12-26", "2025-12-24", "over Christmas"],
    ["2028-01-03", "2027-12-31", "over New Year's Day and the year end"],
  ])("before %s is %s (%s)", (date, expected) => {
    expect(previousWorkingDay(date)).toBe(expected);
  });

  it("is strictly before, even on a working day", () => {
    expect(previousWorkingDay("2027-05-21")).toBe("2027-05-20");
    expect(workingDayOnOrBefore("2027-05-21")).toBe("2027-05-21");
    expect(workingDayOnOrBefore("2027-05-23")).toBe("2027-05-21");
  });
});

describe("shiftToWorkingDay", () => {
  it.each([
    ["2027-03-29", "2027-03-26", "holiday", "Lundi de Pâques"],
    ["2027-05-01", "2027-04-30", "holiday", "Fête du travail"],
    ["2027-07-14", "2027-07-13", "holiday", "Fête Nationale de la France"],
    ["2027-08-15", "2027-08-13", "holiday", "Assomption"],
    ["2027-12-25", "2027-12-24", "holiday", "Noël"],
    ["2028-12-25", "2028-12-22", "holiday", "Noël"],
    ["2027-05-22", "2027-05-21", "weekend", null],
    ["2027-05-23", "2027-05-21", "weekend", null],
  ])("moves %s back to %s (%s)", (date, moved, because, name) => {
    expect(shiftToWorkingDay(date)).toEqual({
      date: moved,
      calendarDate: date,
      movedBecause: because,
      holidayName: name,
    });
  });

  it("keeps a working day", () => {
    expect(shiftToWorkingDay("2027-06-21")).toEqual(unshifted("2027-06-21"));
  });

  it("lands on the closest working day on or before the date", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const shifted = shiftToWorkingDay(date);
        expect(shifted.calendarDate).toBe(date);
        expect(shifted.date <= date).toBe(true);
        expect(isWorkingDay(shifted.date)).toBe(true);
        for (let d = addDays(shifted.date, 1); d < date; d = addDays(d, 1)) {
          expect(isWorkingDay(d)).toBe(false);
        }
        expect(shifted.movedBecause === null).toBe(shifted.date === date);
        expect(shifted.holidayName !== null).toBe(shifted.movedBecause === "holiday");
      }),
      { numRuns: 500 },
    );
  });

  it("never moves a date by more than a few days", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        // The longest run: a holiday on Monday or Friday next to a weekend,
        // or Christmas and New Year's Day both on Saturday.
        expect(daysBetween(shiftToWorkingDay(date).date, date)).toBeLessThanOrEqual(4);
      }),
    );
  });
});
