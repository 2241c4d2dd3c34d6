/**
 * The key dates of a contract as seen on a given day: when the current term
 * ends, by when notice of non-renewal must be given, by when an option to
 * renew must be exercised. Plain calendar arithmetic on `YYYY-MM-DD` dates
 * between the years 1000 and 9999; optionally, deadlines that fall on a
 * weekend or a French public holiday move back to the previous working day.
 *
 * Decisions, per renewal kind:
 * - none: the term end is the end date, even when it has passed (`ended`).
 *   Nothing renews, so there is no notice deadline.
 * - automatic: the term end is `endDate + k × term` for the smallest k ≥ 0
 *   that is on or after today, always counted from the original end date so
 *   month-end clamping never accumulates. The notice deadline is the first
 *   `termEnd − notice` on or after today, for this term end or a later one.
 *   No notice period, no notice deadline.
 * - optional: the term end is the end date (an exercised option is recorded
 *   by moving the end date). Instead of a notice deadline there is a
 *   decision date, `endDate − notice` (the end date itself with no notice),
 *   given even when it has passed (`optionLapsed`).
 * - evergreen: no term end. With a notice period, `earliestEnd` says when
 *   the contract would end if notice were given today.
 * When the working-day option is on, "on or after today" is judged on the
 * moved date: a deadline moved back before today has passed.
 */
import {
  addDays,
  type CalendarDate,
  daysBetween,
  daysInMonth,
  isCalendarDate,
} from "./calendar-date";
import type { RenewalKind } from "./contract";
import { addDuration, type DurationParts, type IsoDuration, parseIsoDuration } from "./duration";
import { type ShiftedDate, shiftToWorkingDay, unshifted } from "./working-days";

/** A date to act by, with the calendar date it was moved from, if it was. */
export type Deadline = ShiftedDate;

export interface KeyDatesInput {
  endDate: CalendarDate | null;
  renewal: { kind: RenewalKind; term: IsoDuration | null; notice: IsoDuration | null };
  effectiveDate?: CalendarDate | null;
}

export interface KeyDatesOptions {
  /** Move deadlines off weekends and French public holidays to the working day before. */
  workingDays?: boolean;
}

/** Inputs the computation needed and did not get (or could not read). */
export type MissingField = "endDate" | "term";

export interface KeyDates {
  kind: RenewalKind;
  /** The first term end on or after today; the end date when it has passed; null if none. */
  currentTermEnd: CalendarDate | null;
  /** Automatic renewals between the original end date and `currentTermEnd`. */
  renewalsSoFar: number;
  /** True when the contract ended before today (kinds none and optional). */
  ended: boolean;
  /** True when today is before the effective date. */
  notYetEffective: boolean;
  /** Automatic renewals: the first notice deadline on or after today. */
  noticeDeadline: Deadline | null;
  /** The term end that `noticeDeadline` stops; later when the current one's passed. */
  noticeTermEnd: CalendarDate | null;
  /** Optional renewals: the date by which the option must be exercised. */
  decisionDate: Deadline | null;
  /** True when `decisionDate` is before today. */
  optionLapsed: boolean;
  /** Evergreen contracts with a notice period: the end if notice is given today. */
  earliestEnd: CalendarDate | null;
  missing: MissingField[];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Subtracts a duration `times` times: first the weeks and days, then the
 * years and months, clamping to the month's last day (2027-03-31 − P1M is
 * 2027-02-28). Doing it in the reverse order of `addDuration` makes it undo
 * an addition exactly whenever no clamping happened. Null for an invalid
 * date or duration.
 */
export function subtractDuration(
  date: CalendarDate,
  duration: IsoDuration,
  times = 1,
): CalendarDate | null {
  const parts = parseIsoDuration(duration);
  if (!parts || !isCalendarDate(date)) return null;
  const shifted = addDays(date, -(parts.weeks * 7 + parts.days) * times);
  const [y, m, d] = shifted.split("-").map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) - (parts.years * 12 + parts.months) * times;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isZero(parts: DurationParts): boolean {
  return parts.years + parts.months + parts.weeks + parts.days === 0;
}

/** Average length in days, only to guess where a search should start. */
function averageDays(parts: DurationParts): number {
  return parts.years * 365.2425 + parts.months * 30.436875 + parts.weeks * 7 + parts.days;
}

/** Past the year 9999 the dates stop being 10 characters and compare wrongly. */
function outOfRange(date: CalendarDate): boolean {
  return date.length !== 10;
}

/**
 * The smallest i ≥ `from` for which `ok(i)` holds, starting the walk at
 * `guess`. `ok` must be false up to some index and true from there on.
 */
function firstIndex(from: number, guess: number, ok: (i: number) => boolean): number {
  let i = Math.max(from, guess);
  while (i > from && ok(i - 1)) i--;
  while (!ok(i)) i++;
  return i;
}

function mustBeDate(date: CalendarDate | null): CalendarDate {
  if (date === null) throw new Error("a duration checked as valid was rejected");
  return date;
}

function mustParse(duration: IsoDuration): DurationParts {
  const parts = parseIsoDuration(duration);
  if (parts === null) throw new Error("a duration checked as valid was rejected");
  return parts;
}

function emptyKeyDates(kind: RenewalKind): KeyDates {
  return {
    kind,
    currentTermEnd: null,
    renewalsSoFar: 0,
    ended: false,
    notYetEffective: false,
    noticeDeadline: null,
    noticeTermEnd: null,
    decisionDate: null,
    optionLapsed: false,
    earliestEnd: null,
    missing: [],
  };
}

interface Context {
  today: CalendarDate;
  endDate: CalendarDate | null;
  term: IsoDuration | null;
  notice: IsoDuration | null;
  shift: (date: CalendarDate) => Deadline;
}

function automatic(c: Context, out: KeyDates): KeyDates {
  const { today, endDate, term, notice, shift } = c;
  if (endDate === null) return out;
  if (term === null) {
    // Without a term only the first end is known; past it we cannot say.
    if (endDate < today) return out;
    out.currentTermEnd = endDate;
    if (notice !== null) {
      const deadline = shift(mustBeDate(subtractDuration(endDate, notice)));
      if (deadline.date >= today) {
        out.noticeDeadline = deadline;
        out.noticeTermEnd = endDate;
      }
    }
    return out;
  }
  const termEnd = (k: number) => mustBeDate(addDuration(endDate, term, k));
  const termDays = averageDays(mustParse(term));
  const elapsed = daysBetween(endDate, today);
  const k = firstIndex(0, Math.ceil(elapsed / termDays), (i) => {
    const end = termEnd(i);
    return outOfRange(end) || end >= today;
  });
  if (outOfRange(termEnd(k))) return out;
  out.currentTermEnd = termEnd(k);
  out.renewalsSoFar = k;
  if (notice === null) return out;
  const deadlineFor = (i: number) => shift(mustBeDate(subtractDuration(termEnd(i), notice)));
  const noticeDays = averageDays(mustParse(notice));
  const j = firstIndex(k, Math.ceil((elapsed + noticeDays) / termDays), (i) => {
    return outOfRange(termEnd(i)) || deadlineFor(i).date >= today;
  });
  if (outOfRange(termEnd(j))) return out;
  out.noticeDeadline = deadlineFor(j);
  out.noticeTermEnd = termEnd(j);
  return out;
}

/**
 * The key dates of a contract on `today`. Throws a RangeError when `today`
 * is not a calendar date; an unreadable end date or term is reported in
 * `missing` instead. A term of zero length counts as no term; a notice
 * period of zero length means notice is due on the term end itself.
 */
export function computeKeyDates(
  input: KeyDatesInput,
  today: CalendarDate,
  options: KeyDatesOptions = {},
): KeyDates {
  if (!isCalendarDate(today)) throw new RangeError(`not a calendar date: ${today}`);
  const { kind } = input.renewal;
  const out = emptyKeyDates(kind);
  const effective = input.effectiveDate ?? null;
  out.notYetEffective = effective !== null && isCalendarDate(effective) && today < effective;
  const endDate = input.endDate !== null && isCalendarDate(input.endDate) ? input.endDate : null;
  const termParts = input.renewal.term ? parseIsoDuration(input.renewal.term) : null;
  const term = termParts && !isZero(termParts) ? input.renewal.term : null;
  const notice =
    input.renewal.notice && parseIsoDuration(input.renewal.notice) ? input.renewal.notice : null;
  const shift = options.workingDays ? shiftToWorkingDay : unshifted;
  if (kind === "evergreen") {
    out.earliestEnd = notice === null ? null : addDuration(today, notice);
    return out;
  }
  if (endDate === null) out.missing.push("endDate");
  if (kind === "automatic") {
    if (term === null) out.missing.push("term");
    return automatic({ today, endDate, term, notice, shift }, out);
  }
  if (endDate === null) return out;
  out.currentTermEnd = endDate;
  out.ended = endDate < today;
  if (kind === "optional") {
    out.decisionDate = shift(notice ? mustBeDate(subtractDuration(endDate, notice)) : endDate);
    out.optionLapsed = out.decisionDate.date < today;
  }
  return out;
}
