/** How the contract form reads and shows calendar dates typed by a person. */
import { isCalendarDate, parseCalendarDate } from "../../../shared/domain/calendar-date";
import type { Language } from "../i18n/i18n";

/**
 * `2026-12-31`, or day first: `31/12/2026`, `1/2/2026` (in both UI
 * languages; the English message says so). Null when it is no real date.
 */
export function readDate(text: string): string | null {
  const t = text.trim();
  return parseCalendarDate(t, "YYYY-MM-DD") ?? parseCalendarDate(t, "DD/MM/YYYY");
}

/**
 * `2026-12-31` → `31/12/2026` in French, kept as is in English, with no
 * Date object and so no time zone in between. Text that is no date is shown as typed.
 */
export function showDate(value: string, language: Language): string {
  if (!isCalendarDate(value) || language !== "fr") return value;
  const [y, m, d] = value.split("-");
  return `${d}/${m}/${y}`;
}
