/**
 * Locale-aware display of dates, times, money and durations. Calendar dates
 * (`YYYY-MM-DD`) are formatted in UTC so no time zone can move them a day.
 */
import { parseIsoDuration } from "../../../shared/domain/duration";
import { formatMoney, majorToMinor } from "../../../shared/domain/money";
import type { Language } from "./i18n";

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * How a calendar date reads: `1 mars 2026` / `15 janv. 2026` in French (the
 * short month names French writers use), `1 March 2026` in English.
 */
const DATE_STYLES: Record<Language, "medium" | "long"> = { fr: "medium", en: "long" };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

export function formatCalendarDate(date: string | null, language: Language): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: DATE_STYLES[language],
    timeZone: "UTC",
  }).format(ms);
}

export function formatTimestamp(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: DATE_STYLES[language],
    timeStyle: "short",
  }).format(ms);
}

/** A value in major units (1234.5) with its currency, as a person reads it. */
export function formatValue(
  value: number | null,
  currency: string | null,
  language: Language,
): string | null {
  if (value === null) return null;
  const locale = localeOf(language);
  if (!currency) return new Intl.NumberFormat(locale).format(value);
  const minor = majorToMinor(value, currency);
  if (minor === null) {
    return `${new Intl.NumberFormat(locale).format(value)} ${currency}`;
  }
  return formatMoney(minor, currency, locale);
}

const UNITS = [
  ["years", "year"],
  ["months", "month"],
  ["weeks", "week"],
  ["days", "day"],
] as const;

/** `P1Y6M` → "1 an et 6 mois" / "1 year and 6 months". */
export function formatDuration(iso: string | null, language: Language): string | null {
  if (!iso) return null;
  const parts = parseIsoDuration(iso);
  if (!parts) return iso;
  const locale = localeOf(language);
  const words: string[] = [];
  for (const [key, unit] of UNITS) {
    const amount = parts[key];
    if (amount) {
      words.push(
        new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(amount),
      );
    }
  }
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(words);
}

export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(count);
}

/** A number with at most `digits` decimals: `2,67` / `2.67`. */
export function formatDecimal(n: number, digits: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits }).format(n);
}

/** A share from 0 to 1 as a percentage: `12,5 %` / `12.5%`. */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}
