/**
 * How the contract form reads and shows amounts: read with the importer's
 * parser into exact minor units, shown with the UI language's separators.
 */
import { majorToMinor, minorDigits } from "../../../shared/domain/money";

/** Minor units as the form shows them, without the currency: `1 500,50` or `1,500.50`. */
export function showAmount(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const plain = `${minor < 0 ? "-" : ""}${whole}${digits === 0 ? "" : `.${abs.slice(-digits)}`}`;
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  // A numeric string keeps every digit (a float would not past 2^53).
  return new Intl.NumberFormat(locale, options).format(plain as `${number}`);
}

/** A stored major-unit value as the form shows it; "" when there is none. */
export function amountText(value: number | null, currency: string, locale: string): string {
  if (value === null) return "";
  const minor = majorToMinor(value, currency);
  return minor === null ? String(value) : showAmount(minor, currency, locale);
}
