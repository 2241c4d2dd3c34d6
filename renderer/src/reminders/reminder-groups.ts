/** Sorting reminders into the groups the reminders page shows. */
import type { Reminder } from "../../../shared/api/reminders";

export const REMINDER_GROUPS = ["overdue", "due", "upcoming", "snoozed"] as const;
export type ReminderGroup = (typeof REMINDER_GROUPS)[number];

/**
 * Snoozed ones apart; then overdue when the date itself has passed, due when
 * the reminder has fired (or should have), upcoming when it fires later.
 */
export function groupOf(r: Reminder, today: string, now: Date): ReminderGroup {
  if (r.state === "snoozed") return "snoozed";
  if (r.dueDate < today) return "overdue";
  if (r.state === "fired" || Date.parse(r.fireAt) <= now.getTime()) return "due";
  return "upcoming";
}

export function groupReminders(
  reminders: readonly Reminder[],
  today: string,
  now: Date,
): Record<ReminderGroup, Reminder[]> {
  const out: Record<ReminderGroup, Reminder[]> = {
    overdue: [],
    due: [],
    upcoming: [],
    snoozed: [],
  };
  for (const r of reminders) out[groupOf(r, today, now)].push(r);
  return out;
}
