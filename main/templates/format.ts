/**
 * How merge fields print, in the template's language: dates ("1er mars
 * 2026" / "1 March 2026"), amounts ("12 500,00 €" / "€12,500.00"), numbers,
 * lists ("A, B et C" / "A, B and C") and durations ("3 mois" / "3 months").
 *
 * English follows British usage (day first, no serial comma), as European
 * contracts in English do. A value that cannot be read as its type prints
 * as it was typed.
 */
import { isCalendarDate, parseCalendarDate } from "../../shared/domain/calendar-date";
import type { RenewalKind } from "../../shared/domain/contract";
import { parseIsoDuration } from "../../shared/domain/duration";
import { formatMoney, isCurrencyCode, parseMajorAmount } from "../../shared/domain/money";
import type { FieldType, TemplateLanguage } from "../../shared/domain/templates";

const LOCALES: Record<TemplateLanguage, string> = { fr: "fr-FR", en: "en-GB" };

const dateFormats = new Map<TemplateLanguage, Intl.DateTimeFormat>();
const listFormats = new Map<TemplateLanguage, Intl.ListFormat>();

function dateFormat(language: TemplateLanguage): Intl.DateTimeFormat {
  let f = dateFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(language, f);
  }
  return f;
}

/** Reads a date typed as YYYY-MM-DD, or day first in French, month first in English. */
export function readDate(text: string, language: TemplateLanguage): string | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  return parseCalendarDate(t, language === "fr" ? "DD/MM/YYYY" : "M/D/YYYY");
}

/** `2026-03-01` → "1er mars 2026" / "1 March 2026". */
export function formatDate(date: string, language: TemplateLanguage): string {
  const day = readDate(date, language);
  if (day === null) return date.trim();
  const text = dateFormat(language).format(new Date(`${day}T00:00:00Z`));
  // French writes the first day of a month as an ordinal: « le 1er mars ».
  return language === "fr" ? text.replace(/^1 /, "1er ") : text;
}

const SYMBOLS: Record<string, string> = {
  "€": "EUR",
  $: "USD",
  "£": "GBP",
  "¥": "JPY",
  "₽": "RUB",
};

/** The currency a typed amount names (`12 000 USD`, `£300`), if any. */
export function currencyIn(text: string): string | null {
  const code = /(?:^|[\s\d])([A-Z]{3})(?:$|[\s\d])/.exec(text.trim())?.[1];
  if (code && isCurrencyCode(code)) return code;
  for (const [symbol, currency] of Object.entries(SYMBOLS)) {
    if (text.includes(symbol)) return currency;
  }
  return null;
}

/**
 * An amount typed in major units (`12500`, `12 500,50 €`, `USD 300`) in the
 * currency it names, else `fallbackCurrency`.
 */
export function formatAmount(
  text: string,
  language: TemplateLanguage,
  fallbackCurrency: string | null,
): string {
  const currency = currencyIn(text) ?? fallbackCurrency ?? "EUR";
  const minor = parseMajorAmount(text.trim(), currency);
  if (minor === null) return text.trim();
  return formatMoney(minor, currency, LOCALES[language]);
}

/** Reads `1234.5`, `1 234,5`, `1,234.5` with its count of decimals; null when not a number. */
export function readNumber(text: string): { value: number; decimals: number } | null {
  const t = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!/^[-+]?\d[\d.,]*$/.test(t)) return null;
  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  // With both separators the last is decimal; one separator used once is decimal.
  const decimalAt =
    lastDot >= 0 && lastComma >= 0
      ? Math.max(lastDot, lastComma)
      : t.split(/[.,]/).length === 2
        ? Math.max(lastDot, lastComma)
        : -1;
  const whole = (decimalAt < 0 ? t : t.slice(0, decimalAt)).replace(/[.,]/g, "");
  const fraction = decimalAt < 0 ? "" : t.slice(decimalAt + 1);
  if (/[.,]/.test(fraction)) return null;
  const value = Number(fraction ? `${whole}.${fraction}` : whole);
  return Number.isFinite(value) ? { value, decimals: Math.min(fraction.length, 20) } : null;
}

export function formatNumber(text: string, language: TemplateLanguage): string {
  const n = readNumber(text);
  if (n === null) return text.trim();
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: n.decimals,
    maximumFractionDigits: n.decimals,
  }).format(n.value);
}

/**
 * Splits a typed list: one item per line, else separated by `;`, else by
 * `,`. Empty items are dropped.
 */
export function splitList(text: string): string[] {
  const separator = /\n/.test(text) ? /\r?\n/ : text.includes(";") ? ";" : ",";
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function formatList(items: readonly string[], language: TemplateLanguage): string {
  let f = listFormats.get(language);
  if (!f) {
    f = new Intl.ListFormat(LOCALES[language], { type: "conjunction", style: "long" });
    listFormats.set(language, f);
  }
  return f.format(items);
}

const UNITS: Record<TemplateLanguage, Record<string, [string, string]>> = {
  fr: {
    years: ["an", "ans"],
    months: ["mois", "mois"],
    weeks: ["semaine", "semaines"],
    days: ["jour", "jours"],
  },
  en: {
    years: ["year", "years"],
    months: ["month", "months"],
    weeks: ["week", "weeks"],
    days: ["day", "days"],
  },
};

/** `P1Y6M` → "1 an et 6 mois" / "1 year and 6 months"; other text as it is. */
export function formatDuration(text: string, language: TemplateLanguage): string {
  const parts = parseIsoDuration(text);
  if (!parts) return text.trim();
  const words: string[] = [];
  for (const unit of ["years", "months", "weeks", "days"] as const) {
    const n = parts[unit];
    const [one, many] = UNITS[language][unit] ?? ["", ""];
    if (n) words.push(`${n} ${n === 1 ? one : many}`);
  }
  return formatList(words, language);
}

const RENEWAL_WORDS: Record<TemplateLanguage, Record<RenewalKind, string>> = {
  fr: {
    none: "sans renouvellement",
    automatic: "renouvellement par tacite reconduction",
    optional: "renouvellement sur option",
    evergreen: "durée indéterminée",
  },
  en: {
    none: "no renewal",
    automatic: "automatic renewal",
    optional: "optional renewal",
    evergreen: "indefinite term",
  },
};

export function formatRenewalKind(kind: string, language: TemplateLanguage): string {
  return RENEWAL_WORDS[language][kind as RenewalKind] ?? kind;
}

/**
 * When `text` cannot be read as a value of `type`, the form it should take
 * ("an amount such as …"); null when it reads, or when any text will do.
 */
export function expectedForm(
  text: string,
  type: FieldType,
  language: TemplateLanguage,
): string | null {
  const t = text.trim();
  if (t === "") return null;
  switch (type) {
    case "date":
      if (readDate(t, language) !== null) return null;
      return language === "fr"
        ? "a date such as 2026-03-01 or 01/03/2026"
        : "a date such as 2026-03-01 or 3/1/2026";
    case "amount":
      if (parseMajorAmount(t, currencyIn(t) ?? "EUR") !== null) return null;
      return "an amount such as 12500, 12 500,50 or 12 500 €";
    case "number":
      return readNumber(t) !== null ? null : "a number such as 3 or 2,5";
    default:
      return null;
  }
}

/** Prints a value typed as text for a field of `type`. */
export function formatTyped(
  text: string,
  type: FieldType,
  language: TemplateLanguage,
  currency: string | null,
): string {
  switch (type) {
    case "date":
      return formatDate(text, language);
    case "amount":
      return formatAmount(text, language, currency);
    case "number":
      return formatNumber(text, language);
    case "list":
      return formatList(splitList(text), language);
    default:
      return text.trim();
  }
}
