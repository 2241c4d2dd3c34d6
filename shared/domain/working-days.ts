/**
 * Working days in metropolitan France: Monday to Friday, except the public
 * holidays that date-holidays lists for the country as a whole. The extra
 * days of Alsace-Moselle (Good Friday, 26 December) and of the overseas
 * departments are not counted. Holidays are computed once per year and kept.
 *
 * TODO(key-dates): date-holidays ships the rules of every country (about
 * 800 KB of source) into whatever bundle imports this file; a France-only
 * table generated at build time would spare the renderer that weight.
 */
import Holidays from "date-holidays";
import { addDays, type CalendarDate, daysBetween } from "./calendar-date";

export type HolidayLanguage = "fr" | "en";

type HolidayNames = Readonly<Record<HolidayLanguage, string>>;

/** A deadline as plain arithmetic gives it, and the day it really falls on. */
export interface ShiftedDate {
  /** The day to act by: `calendarDate`, or the last working day before it. */
  date: CalendarDate;
  /** The day plain calendar arithmetic gives. */
  calendarDate: CalendarDate;
  /** Why `date` is earlier than `calendarDate`; null when it is the same day. */
  movedBecause: "weekend" | "holiday" | null;
  /** French name of the holiday on `calendarDate`, when `movedBecause` is "holiday". */
  holidayName: string | null;
}

/** A Monday, to count weekdays from. */
const A_MONDAY = "2024-01-01";

let source: Holidays | null = null;
const cache = new Map<number, ReadonlyMap<CalendarDate, HolidayNames>>();

function holidaysIn(year: number): ReadonlyMap<CalendarDate, HolidayNames> {
  const cached = cache.get(year);
  if (cached) return cached;
  source ??= new Holidays("FR", { types: ["public"] });
  const days = new Map<CalendarDate, { fr: string[]; en: string[] }>();
  for (const language of ["fr", "en"] as const) {
    for (const holiday of source.getHolidays(year, language)) {
      if (holiday.type !== "public") continue;
      // `date` is written in the country's own calendar: "2027-05-01 00:00:00".
      const day = holiday.date.slice(0, 10);
      const names = days.get(day) ?? { fr: [], en: [] };
      names[language].push(holiday.name);
      days.set(day, names);
    }
  }
  const result = new Map<CalendarDate, HolidayNames>();
  for (const [day, names] of days) {
    // Two holidays can share a day (Ascension fell on 1 May in 2008).
    result.set(day, { fr: names.fr.join(" / "), en: names.en.join(" / ") });
  }
  cache.set(year, result);
  return result;
}

/** The name of the French public holiday on `date`, or null on an ordinary day. */
export function isFrenchHoliday(
  date: CalendarDate,
  language: HolidayLanguage = "fr",
): string | null {
  const names = holidaysIn(Number(date.slice(0, 4))).get(date);
  return names ? names[language] : null;
}

/** 0 for Monday through 6 for Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return ((daysBetween(A_MONDAY, date) % 7) + 7) % 7;
}

export function isWeekend(date: CalendarDate): boolean {
  return weekdayOf(date) >= 5;
}

export function isWorkingDay(date: CalendarDate): boolean {
  return !isWeekend(date) && isFrenchHoliday(date) === null;
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: CalendarDate): CalendarDate {
  let day = addDays(date, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** `date` itself when it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  return isWorkingDay(date) ? date : previousWorkingDay(date);
}

/** A deadline kept on its calendar day. */
export function unshifted(date: CalendarDate): ShiftedDate {
  return { date, calendarDate: date, movedBecause: null, holidayName: null };
}

/**
 * A deadline moved back to the previous working day when it falls on a
 * weekend or a public holiday. A holiday on a weekend (1 May 2027 is a
 * Saturday) is reported as a holiday, its name being the more useful reason.
 */
export function shiftToWorkingDay(date: CalendarDate): ShiftedDate {
  const holidayName = isFrenchHoliday(date);
  if (holidayName !== null) {
    return {
      date: previousWorkingDay(date),
      calendarDate: date,
      movedBecause: "holiday",
      holidayName,
    };
  }
  if (isWeekend(date)) {
    return {
      date: previousWorkingDay(date),
      calendarDate: date,
      movedBecause: "weekend",
      holidayName,
    };
  }
  return unshifted(date);
}
