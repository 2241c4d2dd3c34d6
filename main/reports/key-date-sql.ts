/**
 * The contract's key dates as an SQL function, so that the report's
 * queries count term ends and notice deadlines with the same rules the
 * register and the reminders use (`shared/domain/key-dates.ts`):
 *
 *   pacta_key_date(which, end_date, kind, term, notice, working_days, today)
 *
 * `which` is `'term_end'` (the current term end) or `'notice'` (the notice
 * deadline of an automatic renewal, or the decision date of an optional
 * one while it has not lapsed). Answers a `YYYY-MM-DD` date or NULL. The
 * two are asked one after the other for a row: the second reuses the
 * first's computation.
 */
import type { RenewalKind } from "../../shared/domain/contract";
import { parseIsoDuration } from "../../shared/domain/duration";
import { computeKeyDates, type KeyDates } from "../../shared/domain/key-dates";
import type { Db } from "../db/open";

export const KEY_DATE_FUNCTION = "pacta_key_date";

type SqlValue = string | number | bigint | null | Buffer;

let last: { key: string; dates: KeyDates | null } = { key: "", dates: null };
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
  const key = [endDate, renewal, term, notice, workingDays, day].join("|");
  let dates = key === last.key ? last.dates : null;
  if (dates === null) {
    dates = computeKeyDates(
      {
        endDate: text(endDate),
        renewal: { kind: renewal as RenewalKind, term: text(term), notice: text(notice) },
      },
      day,
      { workingDays: Number(workingDays) === 1 },
    );
    last = { key, dates };
  }
  if (which === "term_end") return dates.currentTermEnd;
  if (which !== "notice") return null;
  if (dates.noticeDeadline) return dates.noticeDeadline.date;
  if (dates.decisionDate && !dates.optionLapsed) return dates.decisionDate.date;
  return null;
}

/** Registers the function on this connection (again is harmless). */
export function registerKeyDateFunction(db: Db): void {
  db.function(KEY_DATE_FUNCTION, { deterministic: true, varargs: false }, keyDate);
}
