/**
 * One sentence per key date, in French or English, saying how it was
 * computed: "Ends 2027-06-21 after 27 automatic one-year renewals." Dates
 * stay in ISO form. The words of each language live in one table below.
 */
import type { CalendarDate } from "./calendar-date";
import { type IsoDuration, parseIsoDuration } from "./duration";
import type { Deadline, KeyDates, KeyDatesInput } from "./key-dates";
import { isFrenchHoliday } from "./working-days";

export type ExplainLocale = "fr" | "en";

export type KeyDateField = "currentTermEnd" | "noticeDeadline" | "decisionDate" | "earliestEnd";

export interface KeyDateExplanation {
  field: KeyDateField;
  /** A sentence, capitalised and ending with a full stop. */
  text: string;
}

type Unit = "years" | "months" | "weeks" | "days";

const UNITS: readonly Unit[] = ["years", "months", "weeks", "days"];

const NUMBERS: Record<ExplainLocale, readonly string[]> = {
  en: "zero one two three four five six seven eight nine ten eleven twelve".split(" "),
  fr: "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split(" "),
};

/** Singular and plural of each unit. */
const UNIT_WORDS: Record<ExplainLocale, Record<Unit, readonly string[]>> = {
  en: {
    years: ["year", "years"],
    months: ["month", "months"],
    weeks: ["week", "weeks"],
    days: ["day", "days"],
  },
  fr: {
    years: ["an", "ans"],
    months: ["mois", "mois"],
    weeks: ["semaine", "semaines"],
    days: ["jour", "jours"],
  },
};

/** A count in words up to twelve, in digits above; "une" for feminine French words. */
function count(n: number, locale: ExplainLocale, feminine = false): string {
  if (locale === "fr" && feminine && n === 1) return "une";
  return NUMBERS[locale][n] ?? String(n);
}

function nonZeroUnits(duration: IsoDuration): [Unit, number][] {
  const parts = parseIsoDuration(duration);
  if (!parts) return [];
  return UNITS.filter((u) => parts[u] > 0).map((u) => [u, parts[u]]);
}

/** "one year and six months", "30 jours", "une semaine"; "" for a zero duration. */
export function durationInWords(duration: IsoDuration, locale: ExplainLocale): string {
  const words = nonZeroUnits(duration).map(([unit, n]) => {
    const noun = UNIT_WORDS[locale][unit][n === 1 ? 0 : 1];
    return `${count(n, locale, unit === "weeks")} ${noun}`;
  });
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${locale === "fr" ? "et" : "and"} ${words.at(-1)}`;
}

/** French "de"/"d'" before a duration: "d'un an", "de six mois". */
function ofDuration(duration: IsoDuration): string {
  const words = durationInWords(duration, "fr");
  return /^une?\b/.test(words) ? `d'${words}` : `de ${words}`;
}

/** "automatic one-year renewal(s)", or "automatic renewal(s) of one year and six months". */
function englishRenewals(term: IsoDuration, plural: boolean): string {
  const units = nonZeroUnits(term);
  const noun = plural ? "renewals" : "renewal";
  const [unit, n] = units.length === 1 && units[0] ? units[0] : [null, 0];
  if (unit === null) return `automatic ${noun} of ${durationInWords(term, "en")}`;
  return `automatic ${count(n, "en")}-${UNIT_WORDS.en[unit][0]} ${noun}`;
}

/** The sentences of one language. Each starts lowercase; `sentence` capitalises it. */
interface Words {
  evergreen: string;
  noEnd: string;
  noComputableEnd: string;
  termUnknownPast: string;
  termUnknown: (end: CalendarDate) => string;
  initialTerm: (end: CalendarDate, term: IsoDuration) => string;
  afterRenewals: (end: CalendarDate, k: number, term: IsoDuration) => string;
  optionalEnds: (end: CalendarDate, term: IsoDuration | null) => string;
  optionalEnded: (end: CalendarDate) => string;
  noRenewal: (end: CalendarDate, ended: boolean) => string;
  before: (notice: string, laterEnd: CalendarDate | null) => string;
  onTermEnd: string;
  onEndDate: string;
  moved: (date: CalendarDate, calendar: CalendarDate, before: string, why: string) => string;
  weekend: string;
  holiday: (name: string) => string;
  noticeDue: (when: string) => string;
  noNotice: string;
  optionDue: (when: string, lapsed: boolean) => string;
  earliestEnd: (end: CalendarDate, notice: string) => string;
}

const WORDS: Record<ExplainLocale, Words> = {
  en: {
    evergreen: "has no end date and runs until terminated",
    noEnd: "has no end date on record",
    noComputableEnd: "has no computable term end",
    termUnknownPast:
      "renews automatically, but without the renewal term the current term end cannot be computed",
    termUnknown: (end) => `ends ${end} and renews automatically, but the renewal term is not known`,
    initialTerm: (end, term) =>
      `ends ${end} at the end of its initial term, before any ${englishRenewals(term, false)}`,
    afterRenewals: (end, k, term) =>
      `ends ${end} after ${count(k, "en")} ${englishRenewals(term, k !== 1)}`,
    optionalEnds: (end, term) =>
      `ends ${end} unless the option to renew${term ? ` for ${durationInWords(term, "en")}` : ""}` +
      " is exercised",
    optionalEnded: (end) => `ended ${end}, with no exercise of the option to renew on record`,
    noRenewal: (end, ended) => `${ended ? "ended" : "ends"} ${end}, with no renewal`,
    before: (notice, later) => `${notice} before${later ? ` the term end of ${later}` : ""}`,
    onTermEnd: "the day the term ends",
    onEndDate: "the end date",
    moved: (date, calendar, before, why) =>
      `${date}, the last working day before ${calendar}, which is ${before} but ${why}`,
    weekend: "falls on a weekend",
    holiday: (name) => `is a public holiday (${name})`,
    noticeDue: (when) => `notice of non-renewal is due by ${when}`,
    noNotice: "no notice period is on record, so no notice deadline is computed",
    optionDue: (when, lapsed) =>
      `the option to renew ${lapsed ? "had to" : "must"} be exercised by ${when}`,
    earliestEnd: (end, notice) =>
      `if notice is given today, it ends ${end} at the earliest, ${notice} later`,
  },
  fr: {
    evergreen: "n'a pas de date de fin et court jusqu'à sa résiliation",
    noEnd: "n'a pas de date de fin renseignée",
    noComputableEnd: "n'a pas de fin de période calculable",
    termUnknownPast:
      "se renouvelle automatiquement, mais sans la durée du renouvellement la fin de la " +
      "période en cours ne peut être calculée",
    termUnknown: (end) =>
      `prend fin le ${end} et se renouvelle automatiquement, mais la durée du ` +
      "renouvellement n'est pas connue",
    initialTerm: (end, term) =>
      `prend fin le ${end} au terme de la période initiale, avant tout renouvellement ` +
      `automatique ${ofDuration(term)}`,
    afterRenewals: (end, k, term) =>
      `prend fin le ${end} après ${count(k, "fr")} ` +
      `${k === 1 ? "renouvellement automatique" : "renouvellements automatiques"} ` +
      ofDuration(term),
    optionalEnds: (end, term) =>
      `prend fin le ${end} sauf si l'option de renouvellement` +
      `${term ? ` ${ofDuration(term)}` : ""} est levée`,
    optionalEnded: (end) =>
      `a pris fin le ${end}, aucune levée de l'option de renouvellement n'étant enregistrée`,
    noRenewal: (end, ended) => `${ended ? "a pris" : "prend"} fin le ${end}, sans renouvellement`,
    before: (notice, later) => `${notice} avant${later ? ` la fin de période du ${later}` : ""}`,
    onTermEnd: "le jour de la fin de période",
    onEndDate: "date de fin du contrat",
    moved: (date, calendar, before, why) =>
      `${date}, dernier jour ouvré avant le ${calendar}, qui est ${before} mais ${why}`,
    weekend: "tombe un week-end",
    holiday: (name) => `est un jour férié (${name})`,
    noticeDue: (when) =>
      "le préavis de non-renouvellement doit être donné " + `au plus tard le ${when}`,
    noNotice:
      "aucun préavis n'est renseigné, " + "donc aucune date limite de préavis n'est calculée",
    optionDue: (when, lapsed) =>
      `l'option de renouvellement ${lapsed ? "devait" : "doit"} être levée ` +
      `au plus tard le ${when}`,
    earliestEnd: (end, notice) =>
      `si le préavis est donné aujourd'hui, il prend fin au plus tôt le ${end}, ` +
      `${notice} plus tard`,
  },
};

function termEndClause(input: KeyDatesInput, dates: KeyDates, w: Words): string {
  const end = dates.currentTermEnd;
  const term = input.renewal.term;
  if (dates.kind === "evergreen") return w.evergreen;
  if (dates.missing.includes("endDate")) return w.noEnd;
  if (dates.kind === "automatic" && (term === null || dates.missing.includes("term"))) {
    return end === null ? w.termUnknownPast : w.termUnknown(end);
  }
  if (end === null) return w.noComputableEnd;
  if (dates.kind === "automatic" && term !== null) {
    const k = dates.renewalsSoFar;
    return k === 0 ? w.initialTerm(end, term) : w.afterRenewals(end, k, term);
  }
  if (dates.kind === "optional") {
    return dates.ended ? w.optionalEnded(end) : w.optionalEnds(end, term);
  }
  return w.noRenewal(end, dates.ended);
}

function deadlinePhrase(deadline: Deadline, before: string, locale: ExplainLocale): string {
  const w = WORDS[locale];
  const { date, calendarDate, movedBecause } = deadline;
  if (movedBecause === null) return `${date}, ${before}`;
  const name = isFrenchHoliday(calendarDate, locale) ?? deadline.holidayName ?? "";
  const why = movedBecause === "weekend" ? w.weekend : w.holiday(name);
  return w.moved(date, calendarDate, before, why);
}

function clauses(input: KeyDatesInput, dates: KeyDates, locale: ExplainLocale) {
  const w = WORDS[locale];
  const notice = input.renewal.notice;
  const noticeWords = notice ? durationInWords(notice, locale) : "";
  const out: { field: KeyDateField; clause: string }[] = [
    { field: "currentTermEnd", clause: termEndClause(input, dates, w) },
  ];
  if (dates.noticeDeadline) {
    const later = dates.noticeTermEnd !== dates.currentTermEnd ? dates.noticeTermEnd : null;
    const before = noticeWords ? w.before(noticeWords, later) : w.onTermEnd;
    const when = deadlinePhrase(dates.noticeDeadline, before, locale);
    out.push({ field: "noticeDeadline", clause: w.noticeDue(when) });
  } else if (dates.kind === "automatic" && dates.currentTermEnd !== null && !notice) {
    out.push({ field: "noticeDeadline", clause: w.noNotice });
  }
  if (dates.decisionDate) {
    const before = noticeWords ? w.before(noticeWords, null) : w.onEndDate;
    const when = deadlinePhrase(dates.decisionDate, before, locale);
    out.push({ field: "decisionDate", clause: w.optionDue(when, dates.optionLapsed) });
  }
  if (dates.earliestEnd && noticeWords) {
    out.push({ field: "earliestEnd", clause: w.earliestEnd(dates.earliestEnd, noticeWords) });
  }
  return out;
}

function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

/** One sentence per key date, in the order the contract page shows them. */
export function explainKeyDates(
  input: KeyDatesInput,
  dates: KeyDates,
  locale: ExplainLocale,
): KeyDateExplanation[] {
  return clauses(input, dates, locale).map(({ field, clause }) => ({
    field,
    text: sentence(clause),
  }));
}

/** All key dates in one sentence, the clauses joined by semicolons. */
export function summarizeKeyDates(
  input: KeyDatesInput,
  dates: KeyDates,
  locale: ExplainLocale,
): string {
  const joiner = locale === "fr" ? " ; " : "; ";
  return sentence(
    clauses(input, dates, locale)
      .map((c) => c.clause)
      .join(joiner),
  );
}
