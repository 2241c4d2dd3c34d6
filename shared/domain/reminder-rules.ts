/**
 * Which reminders a contract gives, and when they fire: pure rules shared
 * by the engine in main, the CLI and the UI.
 *
 * - A contract gives occurrences (a kind and a due date) as seen on an
 *   "as of" day: the notice deadline (automatic renewals), the decision date
 *   (optional renewals), the current term end, the due date of the open
 *   stage, and custom dates. Only dates on or after that day count.
 * - Each occurrence gives one reminder per lead time (days before the due
 *   date), firing on that day at the configured local time.
 * - A reminder's key is `contractId:kind:[sourceId:]dueDate:leadDays`: when a
 *   date changes the key changes, which re-arms the reminder by construction.
 * - A reminder is late when it fires more than five minutes after its fire
 *   time (the app was closed, the machine asleep, or the date arrived late).
 * - When several lead times of one occurrence are due at once, only the
 *   shortest fires; the others are superseded.
 */
import { z } from "zod";
import { addDays, type CalendarDate } from "./calendar-date";
import type { Renewal } from "./contract";
import { computeKeyDates } from "./key-dates";

export const REMINDER_KINDS = [
  "notice_deadline",
  "decision_date",
  "term_end",
  "stage_due",
  "custom",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** `pending` has no stored state yet: armed, or due and not yet claimed. */
export const REMINDER_STATES = ["pending", "fired", "snoozed", "dismissed"] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export const DEFAULT_LEAD_DAYS: readonly number[] = [90, 30, 7, 0];
export const DEFAULT_FIRE_TIME = "09:00";
export const MAX_LEAD_DAYS = 3650;
/** A reminder firing later than this after its fire time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;
/** The reason recorded on lead times that a shorter one replaced. */
export const SUPERSEDED = "superseded";

/** Distinct lead times, longest first. */
export function normalizeLeadDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

export const leadDaysSchema = z
  .array(z.number().int().min(0).max(MAX_LEAD_DAYS))
  .min(1, "give at least one lead time")
  .max(12)
  .transform(normalizeLeadDays);

export const fireTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time of day written HH:MM");

export interface ReminderSettings {
  /** Days before a due date, longest first; 0 is the day itself. */
  leadDays: number[];
  /** Local time of day reminders fire at, `HH:MM`. */
  fireTime: string;
  /** Default for contracts without their own choice: move deadlines to working days. */
  workingDays: boolean;
  /** Electron only: open Pacta (in the tray) when the user logs in. */
  startAtLogin: boolean;
}

/** What the rules need to know about one contract. */
export interface ReminderSource {
  contractId: number;
  endDate: CalendarDate | null;
  effectiveDate: CalendarDate | null;
  renewal: Renewal;
  /** The working-day option as it applies to this contract. */
  workingDays: boolean;
  /** The contract's own lead times; null follows the global ones. */
  leadDays: number[] | null;
  /** The open stage, when it has a due date. */
  stage: { id: number; stage: string; dueDate: CalendarDate } | null;
  customDates: { id: number; date: CalendarDate; label: string }[];
}

export interface Occurrence {
  kind: ReminderKind;
  /** The day to act by (moved to a working day when the option says so). */
  dueDate: CalendarDate;
  /** The stage row or custom date it comes from. */
  sourceId: number | null;
  /** The stage key, or the custom date's label. */
  label: string | null;
}

export interface ScheduledReminder extends Occurrence {
  key: string;
  contractId: number;
  leadDays: number;
  /** ISO instant (UTC). */
  fireAt: string;
}

/** The contract's dates that still lie ahead on `asOf` (that day included). */
export function occurrencesOf(source: ReminderSource, asOf: CalendarDate): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (kind: ReminderKind, dueDate: CalendarDate) => {
    if (dueDate >= asOf) out.push({ kind, dueDate, sourceId: null, label: null });
  };
  const dates = computeKeyDates(
    { endDate: source.endDate, renewal: source.renewal, effectiveDate: source.effectiveDate },
    asOf,
    { workingDays: source.workingDays },
  );
  if (dates.noticeDeadline) add("notice_deadline", dates.noticeDeadline.date);
  if (dates.decisionDate) add("decision_date", dates.decisionDate.date);
  if (dates.currentTermEnd) add("term_end", dates.currentTermEnd);
  const { stage } = source;
  if (stage && stage.dueDate >= asOf) {
    out.push({ kind: "stage_due", dueDate: stage.dueDate, sourceId: stage.id, label: stage.stage });
  }
  for (const c of source.customDates) {
    if (c.date >= asOf)
      out.push({ kind: "custom", dueDate: c.date, sourceId: c.id, label: c.label });
  }
  return out;
}

export function reminderKey(contractId: number, o: Occurrence, leadDays: number): string {
  const source = o.sourceId === null ? "" : `${o.sourceId}:`;
  return `${contractId}:${o.kind}:${source}${o.dueDate}:${leadDays}`;
}

/** The key of the occurrence a reminder belongs to: its key without the lead time. */
export function occurrenceKeyOf(key: string): string {
  return key.slice(0, key.lastIndexOf(":"));
}

/** The local day and time, `daysBefore` days before `date`, as an ISO instant. */
export function fireInstant(date: CalendarDate, daysBefore: number, fireTime: string): string {
  const [y, m, d] = addDays(date, -daysBefore).split("-").map(Number) as [number, number, number];
  const [hh, mm] = fireTime.split(":").map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

/** Every reminder of one contract as of `asOf`; `instant` may be a memo of `fireInstant`. */
export function scheduleOf(
  source: ReminderSource,
  asOf: CalendarDate,
  settings: Pick<ReminderSettings, "leadDays" | "fireTime">,
  instant: (date: CalendarDate, daysBefore: number, fireTime: string) => string = fireInstant,
): ScheduledReminder[] {
  const leads = source.leadDays ?? settings.leadDays;
  const out: ScheduledReminder[] = [];
  for (const o of occurrencesOf(source, asOf)) {
    for (const lead of leads) {
      out.push({
        kind: o.kind,
        dueDate: o.dueDate,
        sourceId: o.sourceId,
        label: o.label,
        key: reminderKey(source.contractId, o, lead),
        contractId: source.contractId,
        leadDays: lead,
        fireAt: instant(o.dueDate, lead, settings.fireTime),
      });
    }
  }
  return out;
}

/**
 * Drops the lead times whose fire time has passed at `now` when a shorter
 * one of the same date has passed too: they could only be superseded. The
 * shortest passed one stays, so that a missed reminder still fires (late).
 */
export function withoutPassedLeads<T extends ScheduledReminder>(
  rows: readonly T[],
  now: string,
): T[] {
  const shortestPassed = new Map<string, number>();
  for (const r of rows) {
    if (r.fireAt > now) continue;
    const occurrence = occurrenceKeyOf(r.key);
    const known = shortestPassed.get(occurrence);
    if (known === undefined || r.leadDays < known) shortestPassed.set(occurrence, r.leadDays);
  }
  return rows.filter((r) => {
    const shortest = shortestPassed.get(occurrenceKeyOf(r.key));
    return r.fireAt > now || shortest === undefined || r.leadDays === shortest;
  });
}

/** `fireInstant` with a memory, for computing many contracts at once. */
export function memoFireInstant(): typeof fireInstant {
  const known = new Map<string, string>();
  return (date, daysBefore, fireTime) => {
    const key = `${date}|${daysBefore}|${fireTime}`;
    let at = known.get(key);
    if (at === undefined) {
      at = fireInstant(date, daysBefore, fireTime);
      known.set(key, at);
    }
    return at;
  };
}

/** True when firing at `at` is more than five minutes after `fireAt`. */
export function isLate(fireAt: string, at: Date): boolean {
  return at.getTime() - Date.parse(fireAt) > LATE_AFTER_MS;
}

/**
 * Splits reminders due at once: per occurrence, the shortest lead time
 * fires and the longer ones are superseded (a 90-day and a 30-day reminder
 * missed while the machine was off give one notification, not two).
 */
export function supersede<T extends { key: string; leadDays: number }>(
  due: readonly T[],
): { fire: T[]; superseded: T[] } {
  const best = new Map<string, T>();
  for (const r of due) {
    const occurrence = occurrenceKeyOf(r.key);
    const current = best.get(occurrence);
    if (!current || r.leadDays < current.leadDays) best.set(occurrence, r);
  }
  const chosen = new Set(best.values());
  return {
    fire: due.filter((r) => chosen.has(r)),
    superseded: due.filter((r) => !chosen.has(r)),
  };
}

export const SNOOZE_PRESETS = ["1d", "1w"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** One day or one week later, same local time of day (across clock changes too). */
export function snoozeUntil(preset: SnoozePreset, now: Date): Date {
  const until = new Date(now);
  until.setDate(until.getDate() + (preset === "1d" ? 1 : 7));
  return until;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads an ISO 8601 date-time; without an offset it is local time. A date
 * alone means the end of that day (local), so that "as of that day"
 * includes everything firing on it. Null when it is not a real moment.
 */
export function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text.trim());
  if (!m?.[1]) return null;
  const [y, mo, d] = m[1].split("-").map(Number) as [number, number, number];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  if (!m[2]) return new Date(y, mo - 1, d, 23, 59, 59, 999);
  const [hh, mm] = m[2].slice(1, 6).split(":").map(Number) as [number, number];
  if (hh > 23 || mm > 59 || (m[3] && Number(m[3].slice(1, 3)) > 59)) return null;
  const parsed = new Date(text.trim());
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
