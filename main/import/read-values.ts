/**
 * Readers for the values people write in import files: dates, durations,
 * amounts, currencies, parties, renewal kinds, stages and tags. Each one
 * says what it read, or in plain words why it could not.
 */
import { type DateFormat, parseCalendarDate } from "../../shared/domain/calendar-date";
import type { PartyInput, RenewalKind } from "../../shared/domain/contract";
import { parseFreeDuration } from "../../shared/domain/duration";
import { isCurrencyCode, minorToMajor, readMajorAmount } from "../../shared/domain/money";
import type { StageDefinition } from "../../shared/domain/stages";

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (message: string): Read<never> => ({ ok: false, message });

/** Lower case, no accents, words separated by one space. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A date in the mapping's format; `YYYY-MM-DD` is always understood too. */
export function readDate(raw: string, format: DateFormat): Read<string> {
  const date = parseCalendarDate(raw, "YYYY-MM-DD") ?? parseCalendarDate(raw, format);
  return date ? ok(date) : no(`cannot read "${raw}" as a date written ${format}`);
}

export function readDuration(raw: string): Read<string> {
  const duration = parseFreeDuration(raw);
  return duration
    ? ok(duration)
    : no(`cannot read "${raw}" as one duration (such as "1 year", "30 days" or "6 mois")`);
}

const CURRENCY_WORDS: Record<string, string> = {
  "€": "EUR",
  euro: "EUR",
  euros: "EUR",
  $: "USD",
  us$: "USD",
  "£": "GBP",
  "¥": "JPY",
  "₽": "RUB",
};

export function readCurrency(raw: string): Read<string> {
  const t = raw.trim();
  const code = CURRENCY_WORDS[t.toLowerCase()] ?? t.toUpperCase();
  return isCurrencyCode(code) ? ok(code) : no(`"${raw}" is not a known currency code`);
}

/** An amount in major units, exact to the currency's minor unit. */
export function readAmount(raw: string, currency: string): Read<number> {
  const minor = readMajorAmount(raw, currency);
  if (typeof minor === "number") return ok(minorToMajor(minor, currency));
  if (minor === "decimals") return no(`more decimals than ${currency} has: "${raw}"`);
  if (minor === "too_large") return no(`too large to be kept exactly in ${currency}: "${raw}"`);
  return no(`cannot read "${raw}" as an amount in ${currency}`);
}

const RENEWAL_WORDS: Record<string, RenewalKind> = {
  none: "none",
  no: "none",
  non: "none",
  aucun: "none",
  aucune: "none",
  sans: "none",
  "no renewal": "none",
  "pas de renouvellement": "none",
  automatic: "automatic",
  auto: "automatic",
  automatique: "automatic",
  "auto renew": "automatic",
  "automatic renewal": "automatic",
  tacite: "automatic",
  "tacite reconduction": "automatic",
  "reconduction tacite": "automatic",
  optional: "optional",
  option: "optional",
  optionnel: "optional",
  optionnelle: "optional",
  "on request": "optional",
  "sur demande": "optional",
  evergreen: "evergreen",
  indefinite: "evergreen",
  perpetual: "evergreen",
  perpetuel: "evergreen",
  perpetuelle: "evergreen",
  indeterminee: "evergreen",
  "duree indeterminee": "evergreen",
};

export function readRenewalKind(raw: string): Read<RenewalKind> {
  const kind = RENEWAL_WORDS[fold(raw)];
  return kind
    ? ok(kind)
    : no(`"${raw}" is not a renewal kind (none, automatic, optional or evergreen)`);
}

/** A stage by its key or its French or English name. */
export function readStage(raw: string, stages: readonly StageDefinition[]): Read<string> {
  const wanted = fold(raw);
  const found = stages.find(
    (s) => fold(s.key) === wanted || fold(s.names.fr) === wanted || fold(s.names.en) === wanted,
  );
  return found ? ok(found.key) : no(`"${raw}" is not a stage of this register`);
}

/** True when one of `words` appears in `raw` as a whole word, ignoring case and accents. */
export function hasWord(raw: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const text = ` ${fold(raw)} `;
  return words.some((w) => fold(w) !== "" && text.includes(` ${fold(w)} `));
}

/** What is left of `raw` once the words are taken out (punctuation dropped). */
export function withoutWords(raw: string, words: readonly string[]): string {
  let text = ` ${fold(raw)} `;
  for (const w of words) text = text.split(` ${fold(w)} `).join(" ");
  return text.trim();
}

const QUOTED_ROLE = /["“”]\s*([^"“”]+?)\s*["“”]/;

/**
 * One party as contracts name them: `ACME SA ("Supplier")` or
 * `Widget Inc. (the "Client")`. Null when the text names nobody.
 */
export function readParty(text: string): PartyInput | null {
  const t = text.trim().replace(/^[\s,;]+|[\s,;]+$/g, "");
  // The role is the first quoted word in the first parenthesis that has quotes.
  let cut = -1;
  let role: string | null = null;
  for (let open = t.indexOf("("); open >= 0; open = t.indexOf("(", open + 1)) {
    const close = t.indexOf(")", open);
    const group = t.slice(open + 1, close < 0 ? undefined : close);
    const quoted = QUOTED_ROLE.exec(group);
    if (quoted) {
      cut = open;
      role = quoted[1]?.trim() || null;
      break;
    }
  }
  const name = (cut < 0 ? t : t.slice(0, cut)).trim().replace(/[\s,]+$/, "");
  if (name === "" || /^[[\]\s*]*$/.test(name)) return null;
  return { name, role };
}

export function readParties(raw: string, separator: string): PartyInput[] {
  return raw
    .split(separator)
    .map(readParty)
    .filter((p): p is PartyInput => p !== null);
}

/** Tags split, trimmed, without repeats, in the order the register keeps them. */
export function readTags(raw: string, separator: string): string[] {
  const tags = raw
    .split(separator)
    .map((t) => t.trim())
    .filter((t) => t !== "");
  return [...new Set(tags)].sort();
}
