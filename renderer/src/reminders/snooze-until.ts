/** The local date and time a person picked for a snooze, as the API takes it. */
import { isCalendarDate } from "../../../shared/domain/calendar-date";

/**
 * `2026-12-31` and `14:30` → `2026-12-31T14:30:00`, a local time (no offset,
 * so main reads it in the user's own zone). Null when either part is no
 * real date or time.
 */
export function snoozeUntil(date: string, time: string): string | null {
  if (!isCalendarDate(date)) return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return null;
  return `${date}T${m[1]}:${m[2]}:00`;
}
