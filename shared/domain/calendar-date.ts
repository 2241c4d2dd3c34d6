/**
 * Calendar dates as `YYYY-MM-DD` strings: no time, no time zone.
 * Contract dates are days on a calendar, so we never route them through
 * `Date` objects in local time.
 */

export type CalendarDate = string;

/** How a person wrote dates in a file: ISO, French day-first or US month-first. */
export type DateFormat = "YYYY-MM-DD" | "DD/MM/YYYY" | "M/D/YYYY";

export const DATE_FORMATS: readonly DateFormat[] = ["YYYY-MM-DD", "DD/MM/YYYY", "M/D/YYYY"];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days in `month` (1-12) of `year`, without building a Date: imports check every date. */
function monthLength(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}

function fromParts(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** True when `text` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (m === null) return false;
  // Four, two and two digits: the text is the date's own spelling when each part is in range.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

/**
 * Reads a date written in `format`. Returns null when the text is not a
 * complete, real date in that format (for example `31/02/2024`, or CUAD's
 * partial `[]/[]/2022`).
 */
export function parseCalendarDate(text: string, format: DateFormat): CalendarDate | null {
  const t = text.trim();
  if (format === "YYYY-MM-DD") {
    return isCalendarDate(t) ? t : null;
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  return format === "DD/MM/YYYY" ? fromParts(year, b, a) : fromParts(year, a, b);
}

function toUtc(date: CalendarDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): CalendarDate {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Today's date on the local calendar of the machine. */
export function localToday(now: Date = new Date()): CalendarDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
