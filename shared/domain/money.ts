/**
 * Money is kept exact, as an integer count of the currency's minor unit
 * (cents for EUR, yen for JPY, fils for BHD). Conversion never goes
 * through floating-point arithmetic.
 */

const CURRENCY = /^[A-Z]{3}$/;

/**
 * ISO 4217 codes the runtime knows. `Intl.NumberFormat` alone accepts any
 * three letters (`XYZ`), so it cannot tell a real currency from a typo.
 */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY.test(code) && KNOWN_CURRENCIES.has(code);
}

/**
 * Amounts are kept to the minor unit below 10^15 minor units (10 trillion
 * euros): amounts travel as JSON numbers in major units, and a double holds
 * every decimal of 15 digits exactly. A larger one is refused, not rounded.
 */
export const MAX_EXACT_MINOR = 10 ** 15;

/** Why a person's or a file's amount text cannot be kept. */
export type AmountProblem = "unreadable" | "decimals" | "too_large";

/** Building an `Intl.NumberFormat` is slow; imports ask for the same few currencies. */
const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  let digits = 2;
  try {
    const options = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions();
    digits = options.maximumFractionDigits ?? 2;
  } catch {
    // Not a currency Intl knows: two decimals, like most.
  }
  if (digitsByCurrency.size < 1000) digitsByCurrency.set(currency, digits);
  return digits;
}

/**
 * Reads an amount in major units written by a person or a file:
 * `1234.5`, `1 234,50`, `1,234.50`, `€ 12 000`, `12000 EUR`.
 * Returns the exact minor-unit integer, or null when it is not an amount,
 * has more decimals than the currency allows, or is too large to keep.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const read = readMajorAmount(text, currency);
  return typeof read === "number" ? read : null;
}

/** Like `parseMajorAmount`, saying why an amount cannot be kept. */
export function readMajorAmount(text: string, currency: string): number | AmountProblem {
  let t = text.replace(/[\s\u00a0\u202f']/g, "").replace(/^[A-Z]{3}|[A-Z]{3}$/g, "");
  t = t.replace(/^[€$£¥₽]|[€$£¥₽]$/g, "");
  const negative = t.startsWith("-");
  if (negative) t = t.slice(1);
  if (!/^\d[\d.,]*$/.test(t)) return "unreadable";
  const digits = minorDigits(currency);
  const decimalAt = decimalSeparatorIndex(t, digits);
  const grouped = decimalAt < 0 ? t : t.slice(0, decimalAt);
  // Thousands separators only between groups of three digits ("1.2.3" is no amount).
  if (/[.,]/.test(grouped) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(grouped)) return "unreadable";
  const whole = grouped.replace(/[.,]/g, "");
  const fraction = decimalAt < 0 ? "" : t.slice(decimalAt + 1);
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return "unreadable";
  if (fraction.length > digits) return "decimals";
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!(minor < MAX_EXACT_MINOR)) return "too_large";
  return negative && minor !== 0 ? -minor : minor;
}

/**
 * Where the decimal separator is, or -1. With both `.` and `,` the last one
 * is decimal. With one kind used once, three digits after it read as a
 * thousands group unless the currency has three decimals (`1,234` EUR is
 * 1234; `1,5` is 1.5). Used more than once, it is a thousands separator.
 */
function decimalSeparatorIndex(t: string, digits: number): number {
  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return Math.max(lastDot, lastComma);
  const at = Math.max(lastDot, lastComma);
  if (at < 0) return -1;
  const sep = t[at] ?? "";
  if (t.indexOf(sep) !== at) return -1;
  const after = t.length - at - 1;
  // "0.050" has no thousands: a group of three after a zero is decimals.
  return after === 3 && digits < 3 && !/^0+$/.test(t.slice(0, at)) ? -1 : at;
}

/** Minor units to a JSON number in major units (123456 EUR → 1234.56). */
export function minorToMajor(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number(formatMinorPlain(minor, digits));
}

function formatMinorPlain(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Major units from JSON to exact minor units. A JSON number is read as a
 * plain decimal (`1234.567` is never taken as thousands); a string is read
 * the way a person writes it.
 */
export function majorToMinor(value: number | string, currency: string): number | null {
  if (typeof value === "string") return parseMajorAmount(value, currency);
  if (!Number.isFinite(value)) return null;
  const digits = minorDigits(currency);
  // Most amounts: scaled, a whole number below MAX_EXACT_MINOR (< 2^50) that
  // scales back to the same value. There a double is finer than a quarter of
  // a minor unit, so that whole number is the one the value's shortest
  // decimal spells. Others (more decimals, or too large) read that text below.
  const scale = 10 ** digits;
  const scaled = value * scale;
  if (Math.abs(scaled) < MAX_EXACT_MINOR && Number.isInteger(scaled) && scaled / scale === value) {
    return scaled === 0 ? 0 : scaled;
  }
  const plain = String(value);
  // 1e-7 and smaller: more decimals than any currency has (never rounded to 0).
  if (/e-/i.test(plain)) return null;
  const text = /e/i.test(plain) ? value.toFixed(12) : plain;
  const m = /^(-?)(\d+)(?:\.(\d+?))?0*$/.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number((m[2] ?? "") + fraction.padEnd(digits, "0"));
  if (!(minor < MAX_EXACT_MINOR)) return null;
  return m[1] === "-" ? -minor : minor;
}

/** Formats minor units for a person in a locale (`1 234,56 €`). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const plain = formatMinorPlain(minor, digits);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(plain));
}
