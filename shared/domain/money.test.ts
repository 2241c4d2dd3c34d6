import { describe, expect, it } from "vitest";
import {
  formatMoney,
  isCurrencyCode,
  majorToMinor,
  minorDigits,
  minorToMajor,
  parseMajorAmount,
  readMajorAmount,
} from "./money";

describe("parseMajorAmount", () => {
  it.each([
    ["1234.5", "EUR", 123450],
    ["1 234,50", "EUR", 123450],
    ["1\u202f234,50", "EUR", 123450],
    ["1,234.50", "USD", 123450],
    ["1.234.567,89", "EUR", 123456789],
    ["€ 12 000", "EUR", 1200000],
    ["12000 EUR", "EUR", 1200000],
    ["$1,000", "USD", 100000],
    ["1,5", "EUR", 150],
    ["1,234", "EUR", 123400],
    ["1.234", "BHD", 1234],
    ["12.345", "JPY", 12345],
    ["-3,5", "EUR", -350],
  ] as const)("reads %j in %s as %i minor units", (text, currency, minor) => {
    expect(parseMajorAmount(text, currency)).toBe(minor);
  });

  it.each([
    ["", "EUR"],
    ["abc", "EUR"],
    ["12,5", "JPY"],
    ["1.0005", "BHD"],
    ["1,2345", "EUR"],
    ["1.2.3", "EUR"],
    ["12.34.56", "EUR"],
    ["5/1/2024", "EUR"],
    ["99999999999999999999", "EUR"],
    ["0.050", "EUR"],
  ] as const)("refuses %j in %s", (text, currency) => {
    expect(parseMajorAmount(text, currency)).toBeNull();
  });

  it.each([
    ["abc", "EUR", "unreadable"],
    ["1,2345", "EUR", "decimals"],
    // A zero before a group of three is no thousands: 0.050 has three decimals.
    ["0.050", "EUR", "decimals"],
    ["-0,001", "EUR", "decimals"],
    ["0.5", "JPY", "decimals"],
    // Past 10^15 minor units a JSON number could not hold every cent.
    ["70368744177664.01", "EUR", "too_large"],
    ["9007199254740993", "JPY", "too_large"],
    ["9999999999999.99", "EUR", 999999999999999],
  ] as const)("reads %j in %s as %j", (text, currency, read) => {
    expect(readMajorAmount(text, currency)).toBe(read);
  });
});

describe("currencies and major units", () => {
  it("knows real ISO 4217 codes only", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("XOF")).toBe(true);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("BHD")).toBe(3);
  });

  it("converts between JSON numbers and exact minor units", () => {
    expect(majorToMinor(1234.56, "EUR")).toBe(123456);
    expect(majorToMinor(0.1 + 0.2, "EUR")).toBeNull();
    expect(majorToMinor(1.5, "JPY")).toBeNull();
    expect(majorToMinor("1 234,56", "EUR")).toBe(123456);
    expect(minorToMajor(123456, "EUR")).toBe(1234.56);
    expect(minorToMajor(-5, "EUR")).toBe(-0.05);
    expect(minorToMajor(1234, "BHD")).toBe(1.234);
  });

  it("reads every amount as its decimal text says, however it is computed", () => {
    // The shortest decimal text of a number, read digit by digit.
    const byText = (value: number, digits: number): number | null => {
      const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value));
      if (!m) return null;
      const fraction = (m[3] ?? "").replace(/0+$/, "");
      if (fraction.length > digits) return null;
      const minor = Number((m[2] ?? "") + fraction.padEnd(digits, "0"));
      if (!(minor < 10 ** 15)) return null;
      return m[1] === "-" && minor !== 0 ? -minor : minor;
    };
    const values: number[] = [0, -0, 0.07, 0.29, 4.35, 1.005, 1.015, 123456789.12, -98765.43];
    for (let k = -2000; k <= 2000; k += 1) values.push(k / 100, k / 1000, k * 0.01, k * 1.1);
    for (let k = 0; k < 2000; k += 1) values.push(Number((Math.sin(k) * 1e6).toFixed(k % 5)));
    // Where one step of a double is worth a minor unit or more (from about 7e13 for
    // cents), a neighbouring whole number also scales back to the same value.
    values.push(90071992547409.9, 8815836910538.3, 70727384123358.6, 1e-13, -2.5e-9);
    for (let k = 0; k < 3000; k += 1) {
      const big = Math.abs(Math.sin(k)) * 10 ** (10 + (k % 6));
      values.push(Number(big.toFixed(k % 4)), big);
    }
    for (const value of values) {
      expect(majorToMinor(value, "EUR"), String(value)).toBe(byText(value, 2));
      expect(majorToMinor(value, "BHD"), String(value)).toBe(byText(value, 3));
      expect(majorToMinor(value, "JPY"), String(value)).toBe(byText(value, 0));
    }
  });

  it("formats for a person in a locale", () => {
    expect(formatMoney(123456, "EUR", "fr-FR")).toBe("1\u202f234,56\u00a0€");
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
  });
});
