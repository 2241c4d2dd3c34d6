/** Pure checks of what the settings page lets people type. */

export const MAX_DAYS = 3650;

/** Whole days 0–3650 written as digits, or null. */
export function parseDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= MAX_DAYS ? n : null;
}

/** Lead times from the tags typed, longest first without repeats; null if one is not valid. */
export function parseLeadDays(tags: readonly string[]): number[] | null {
  const out = new Set<number>();
  for (const tag of tags) {
    const n = parseDays(tag);
    if (n === null) return null;
    out.add(n);
  }
  return [...out].sort((a, b) => b - a);
}

/** A time of day written HH:MM, 00:00 to 23:59. */
export function isFireTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim());
}

/** A plausible email address: something, @, a domain with a dot. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** The full key order with the stage at `index` swapped with its neighbour. */
export function movedKeys(keys: readonly string[], index: number, delta: -1 | 1): string[] | null {
  const other = index + delta;
  if (index < 0 || index >= keys.length || other < 0 || other >= keys.length) return null;
  const next = [...keys];
  [next[index], next[other]] = [next[other] as string, next[index] as string];
  return next;
}
