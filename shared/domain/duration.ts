/**
 * Durations of contract terms and notice periods, as ISO 8601 strings
 * (`P1Y`, `P6M`, `P30D`, `P2W`, `P1Y6M`), and a reader for the free text
 * people write in contracts ("successive 1 year", "thirty (30) days",
 * "6 mois", "90 jours").
 */

export type IsoDuration = string;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export function parseIsoDuration(text: string): DurationParts | null {
  const m = ISO.exec(text.trim().toUpperCase());
  if (!m || (!m[1] && !m[2] && !m[3] && !m[4])) return null;
  return {
    years: Number(m[1] ?? 0),
    months: Number(m[2] ?? 0),
    weeks: Number(m[3] ?? 0),
    days: Number(m[4] ?? 0),
  };
}

export function isIsoDuration(text: string): boolean {
  return parseIsoDuration(text) !== null;
}

/** Writes parts back as the shortest ISO form; null when every part is zero. */
export function formatIsoDuration(parts: DurationParts): IsoDuration | null {
  let out = "P";
  if (parts.years) out += `${parts.years}Y`;
  if (parts.months) out += `${parts.months}M`;
  if (parts.weeks) out += `${parts.weeks}W`;
  if (parts.days) out += `${parts.days}D`;
  return out === "P" ? null : out;
}

/** Normalises an ISO duration (`p12m` → `P12M`); null when it is not one. */
export function normalizeIsoDuration(text: string): IsoDuration | null {
  const parts = parseIsoDuration(text);
  return parts ? formatIsoDuration(parts) : null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  sixty: 60,
  ninety: 90,
  a: 1,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  soixante: 60,
  "quatre-vingt-dix": 90,
  half: 0.5,
  demi: 0.5,
};

type Unit = keyof DurationParts;

const UNIT_WORDS: Record<string, Unit> = {
  year: "years",
  years: "years",
  yr: "years",
  yrs: "years",
  an: "years",
  ans: "years",
  année: "years",
  années: "years",
  annee: "years",
  annees: "years",
  month: "months",
  months: "months",
  mois: "months",
  week: "weeks",
  weeks: "weeks",
  semaine: "weeks",
  semaines: "weeks",
  day: "days",
  days: "days",
  jour: "days",
  jours: "days",
};

const NUMBER = "\\d+(?:[.,]\\d+)?|[a-zàâçéèêëîïôûùüÿœ-]+";
const UNIT = "years?|yrs?|ans?|ann[ée]es?|months?|mois|weeks?|semaines?|days?|jours?";

/** A number in digits or words, maybe repeated in parentheses, then a unit. */
const AMOUNT_UNIT = new RegExp(
  `(?:(${NUMBER})\\s*)?(?:\\(\\s*(\\d+(?:[.,]\\d+)?)\\s*\\)\\s*)?(${UNIT})\\b`,
  "giu",
);

const SUCCESSIVE = "succ?e?s+i[vn]e?s?|renouvelables?|successifs?";

/** Words that may surround a duration without changing it. */
const FILLER = new RegExp(
  `\\b(${SUCCESSIVE}|renewals?|periods?|terms?|of|for|a|and|et|de|par|p[ée]riodes?)\\b`,
  "gu",
);

function readAmount(word: string, digits: string | undefined): number | null {
  if (digits !== undefined) return Number(digits.replace(",", "."));
  if (/^\d/.test(word)) return Number(word.replace(",", "."));
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

function toParts(amount: number, unit: Unit): DurationParts | null {
  const parts: DurationParts = { years: 0, months: 0, weeks: 0, days: 0 };
  if (Number.isInteger(amount)) {
    parts[unit] = amount;
    return amount > 0 ? parts : null;
  }
  // Half years and half months are common in contracts ("0.5 year").
  if (unit === "years" && Number.isInteger(amount * 12)) {
    parts.months = amount * 12;
    return parts;
  }
  return null;
}

function addParts(a: DurationParts, b: DurationParts): DurationParts {
  return {
    years: a.years + b.years,
    months: a.months + b.months,
    weeks: a.weeks + b.weeks,
    days: a.days + b.days,
  };
}

/**
 * Reads a duration written in English or French free text, or in ISO form.
 * "4 years, 6 months" adds up; two alternatives ("60 days; 180 days") are
 * ambiguous and give null, as does anything it cannot read for sure.
 */
export function parseFreeDuration(text: string): IsoDuration | null {
  const raw = text.trim();
  if (raw === "") return null;
  const iso = normalizeIsoDuration(raw);
  if (iso) return iso;
  const lowered = raw
    .toLowerCase()
    // "(6) months" and "60) days": drop a parenthesis that has no partner.
    .replace(/(?<!\(\s*\d+(?:[.,]\d+)?\s*)\)/g, " ")
    .replace(/\((?!\s*\d+(?:[.,]\d+)?\s*\))/g, " ")
    // "2 successive 10 years": the count of renewals is not the term.
    .replace(new RegExp(`^\\s*(?:${NUMBER})\\s+(${SUCCESSIVE})\\b`, "u"), "$1");
  if (/[;/]|\bor\b|\bou\b/.test(lowered)) return null;
  let total: DurationParts | null = null;
  for (const m of lowered.matchAll(AMOUNT_UNIT)) {
    const unit = UNIT_WORDS[(m[3] ?? "").toLowerCase()];
    if (m[1] === undefined && m[2] === undefined) return null;
    const amount = readAmount(m[1] ?? "", m[2]);
    if (!unit || amount === null) return null;
    const parts = toParts(amount, unit);
    if (!parts) return null;
    total = total ? addParts(total, parts) : parts;
  }
  if (!total) return null;
  // Anything left besides filler words means we did not understand it all.
  const rest = lowered
    .replace(AMOUNT_UNIT, " ")
    .replace(FILLER, " ")
    .replace(/[\s,.()]+/g, "");
  if (rest !== "") return null;
  return formatIsoDuration(total);
}

/** Adds a duration to a calendar date, clamping to the month's last day. */
export function addDuration(date: string, duration: IsoDuration, times = 1): string | null {
  const parts = parseIsoDuration(duration);
  if (!parts) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const totalMonths = m - 1 + (parts.years * 12 + parts.months) * times;
  const year = y + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const base = Date.UTC(year, month, Math.min(d, last));
  const extraDays = (parts.weeks * 7 + parts.days) * times;
  const out = new Date(base + extraDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${out.getUTCFullYear()}-${pad(out.getUTCMonth() + 1)}-${pad(out.getUTCDate())}`;
}
