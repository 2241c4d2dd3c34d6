/**
 * The contract's key dates as an SQL function, so that the report's
 * queries count term ends and notice deadlines with the same rules the
 * register and the reminders use (`shared/domain/key-dates.ts`):
 *
 *   pacta_key_date(which, end_date, kind, term, notice, working_days, today)
 *
 * `which` is `'term_end'` (the current term end) or `'notice'` (the notice
 * deadline of an automatic renewal, or the decision date of an optional
 * one while it has not lapsed). Answers a `YYYY-MM-DD` date or NULL.
 */
import type { RenewalKind } from "../../shared/domain/contract";
import { parseIsoDuration } from "../../shared/domain/duration";
import { computeKeyDates, type KeyDates } from "../../shared/domain/key-dates";
import type { Db } from "../db/open";

export const KEY_DATE_FUNCTION = "pacta_key_date";

type SqlValue = string | number | bigint | null | Buffer;

const durationDays = new Map<string, number>();

/** A duration's longest length in days (months of 31 days, years of 366); 0 if unreadable. */
export function longestDays(duration: SqlValue): number {
  if (typeof duration !== "string") return 0;
  let days = durationDays.get(duration);
  if (days === undefined) {
    const p = parseIsoDuration(duration);
    days = p ? p.years * 366 + p.months * 31 + p.weeks * 7 + p.days : 0;
    if (durationDays.size > 10_000) durationDays.clear();
    durationDays.set(duration, days);
  }
  return days;
}

const KINDS = new Set<string>(["none", "automatic", "optional", "evergreen"]);

function text(value: SqlValue): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * Key dates already worked out, by their inputs: a register holds far fewer
 * combinations of end date, renewal and day than contracts, and a query
 * asks for thousands of rows ("ending within N days" reads every automatic
 * renewal whose end date has passed). A term end depends on neither the
 * notice nor working days, so its key leaves them out.
 */
const known = new Map<string, KeyDates>();

function datesOf(
  endDate: SqlValue,
  kind: RenewalKind,
  term: SqlValue,
  notice: SqlValue,
  workingDays: boolean,
  day: string,
): KeyDates {
  const key = `${String(endDate)}|${kind}|${String(term)}|${String(notice)}|${workingDays}|${day}`;
  let dates = known.get(key);
  if (dates === undefined) {
    const renewal = { kind, term: text(term), notice: text(notice) };
    dates = computeKeyDates({ endDate: text(endDate), renewal }, day, { workingDays });
    if (known.size >= 20_000) known.clear();
    known.set(key, dates);
  }
  return dates;
}

export function keyDate(
  which: SqlValue,
  endDate: SqlValue,
  kind: SqlValue,
  term: SqlValue,
  notice: SqlValue,
  workingDays: SqlValue,
  today: SqlValue,
): string | null {
  const day = text(today);
  const renewal = text(kind);
  if (day === null || renewal === null || !KINDS.has(renewal)) return null;
  const k = renewal as RenewalKind;
  if (which === "term_end") return datesOf(endDate, k, term, null, false, day).currentTermEnd;
  if (which !== "notice") return null;
  const dates = datesOf(endDate, k, term, notice, Number(workingDays) === 1, day);
  if (dates.noticeDeadline) return dates.noticeDeadline.date;
  if (dates.decisionDate && !dates.optionLapsed) return dates.decisionDate.date;
  return null;
}

/** Registers the function on this connection (again is harmless). */
export function registerKeyDateFunction(db: Db): void {
  db.function(KEY_DATE_FUNCTION, { deterministic: true, varargs: false }, keyDate);
}
