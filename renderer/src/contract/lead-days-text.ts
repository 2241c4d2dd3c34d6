/** How the per-contract reminder panel reads and shows lead times ("90, 30, 7, 0"). */

/** `[90, 30, 7, 0]` → `"90, 30, 7, 0"`. */
export function showLeadDays(days: readonly number[]): string {
  return days.join(", ");
}

/**
 * Whole days separated by commas, spaces or semicolons, each 0–3650,
 * one to twelve of them, largest first, no repeats. Null when the text
 * is something else (an empty text is null too: it means "no own list").
 */
export function readLeadDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  if (parts.length === 0 || parts.length > 12) return null;
  if (!parts.every((p) => /^\d{1,4}$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d > 3650)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}
