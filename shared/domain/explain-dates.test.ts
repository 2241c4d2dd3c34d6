import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "./calendar-date";
import type { RenewalKind } from "./contract";
import type { IsoDuration } from "./duration";
import {
  durationInWords,
  type ExplainLocale,
  explainKeyDates,
  summarizeKeyDates,
} from "./explain-dates";
import { computeKeyDates, type KeyDatesInput } from "./key-dates";

function contract(
  kind: RenewalKind,
  endDate: CalendarDate | null,
  term: IsoDuration | null = null,
  notice: IsoDuration | null = null,
): KeyDatesInput {
  return { endDate, renewal: { kind, term, notice } };
}

function explain(
  input: KeyDatesInput,
  today: CalendarDate,
  locale: ExplainLocale,
  workingDays = false,
): string[] {
  const dates = computeKeyDates(input, today, { workingDays });
  return explainKeyDates(input, dates, locale).map((e) => e.text);
}

describe("durationInWords", () => {
  it.each([
    ["P1Y", "one year", "un an"],
    ["P2Y", "two years", "deux ans"],
    ["P6M", "six months", "six mois"],
    ["P30D", "30 days", "30 jours"],
    ["P1W", "one week", "une semaine"],
    ["P2W", "two weeks", "deux semaines"],
    ["P1Y6M", "one year and six months", "un an et six mois"],
    ["P1Y2M3D", "one year, two months and three days", "un an, deux mois et trois jours"],
    ["P0D", "", ""],
  ])("writes %s as %j / %j", (duration, en, fr) => {
    expect(durationInWords(duration, "en")).toBe(en);
    expect(durationInWords(duration, "fr")).toBe(fr);
  });
});

describe("summarizeKeyDates", () => {
  const example = contract("automatic", "2000-06-21", "P1Y", "P30D");
  const dates = computeKeyDates(example, "2027-01-10");

  it("reads the issue's example in English", () => {
    expect(summarizeKeyDates(example, dates, "en")).toBe(
      "Ends 2027-06-21 after 27 automatic one-year renewals; " +
        "notice of non-renewal is due by 2027-05-22, 30 days before.",
    );
  });

  it("reads the issue's example in French", () => {
    expect(summarizeKeyDates(example, dates, "fr")).toBe(
      "Prend fin le 2027-06-21 après 27 renouvellements automatiques d'un an ; " +
        "le préavis de non-renouvellement doit être donné au plus tard le 2027-05-22, " +
        "30 jours avant.",
    );
  });
});

describe("explainKeyDates", () => {
  it("gives one sentence per computed date, naming the field", () => {
    const input = contract("automatic", "2000-06-21", "P1Y", "P30D");
    const dates = computeKeyDates(input, "2027-01-10");
    expect(explainKeyDates(input, dates, "en")).toEqual([
      { field: "currentTermEnd", text: "Ends 2027-06-21 after 27 automatic one-year renewals." },
      {
        field: "noticeDeadline",
        text: "Notice of non-renewal is due by 2027-05-22, 30 days before.",
      },
    ]);
  });

  it("speaks of the initial term before any renewal, and of one renewal in the singular", () => {
    const input = contract("automatic", "2027-06-21", "P6M", "P2W");
    expect(explain(input, "2027-01-01", "en")[0]).toBe(
      "Ends 2027-06-21 at the end of its initial term, before any automatic six-month renewal.",
    );
    expect(explain(input, "2027-01-01", "fr")[0]).toBe(
      "Prend fin le 2027-06-21 au terme de la période initiale, " +
        "avant tout renouvellement automatique de six mois.",
    );
    expect(explain(input, "2027-07-01", "en")[0]).toBe(
      "Ends 2027-12-21 after one automatic six-month renewal.",
    );
    expect(explain(input, "2027-07-01", "fr")[0]).toBe(
      "Prend fin le 2027-12-21 après un renouvellement automatique de six mois.",
    );
  });

  it("writes mixed terms as a phrase", () => {
    const input = contract("automatic", "2020-01-31", "P1Y6M");
    expect(explain(input, "2026-01-01", "en")[0]).toBe(
      "Ends 2026-01-31 after four automatic renewals of one year and six months.",
    );
    expect(explain(input, "2026-01-01", "fr")[0]).toBe(
      "Prend fin le 2026-01-31 après quatre renouvellements automatiques d'un an et six mois.",
    );
  });

  it("names the later term end when the current notice deadline has passed", () => {
    const input = contract("automatic", "2000-06-21", "P1Y", "P30D");
    expect(explain(input, "2027-06-01", "en")[1]).toBe(
      "Notice of non-renewal is due by 2028-05-22, 30 days before the term end of 2028-06-21.",
    );
    expect(explain(input, "2027-06-01", "fr")[1]).toBe(
      "Le préavis de non-renouvellement doit être donné au plus tard le 2028-05-22, " +
        "30 jours avant la fin de période du 2028-06-21.",
    );
  });

  it("says why a deadline moved to a working day", () => {
    const weekend = contract("automatic", "2000-06-21", "P1Y", "P30D");
    expect(explain(weekend, "2027-01-10", "en", true)[1]).toBe(
      "Notice of non-renewal is due by 2027-05-21, the last working day before 2027-05-22, " +
        "which is 30 days before but falls on a weekend.",
    );
    const mayDay = contract("automatic", "2027-06-01", "P1Y", "P1M");
    expect(explain(mayDay, "2027-01-01", "en", true)[1]).toBe(
      "Notice of non-renewal is due by 2027-04-30, the last working day before 2027-05-01, " +
        "which is one month before but is a public holiday (Labour Day).",
    );
    expect(explain(mayDay, "2027-01-01", "fr", true)[1]).toBe(
      "Le préavis de non-renouvellement doit être donné au plus tard le 2027-04-30, " +
        "dernier jour ouvré avant le 2027-05-01, qui est un mois avant " +
        "mais est un jour férié (Fête du travail).",
    );
  });

  it("explains contracts without renewal", () => {
    const none = contract("none", "2027-06-30");
    expect(explain(none, "2027-01-01", "en")).toEqual(["Ends 2027-06-30, with no renewal."]);
    expect(explain(none, "2027-07-01", "en")).toEqual(["Ended 2027-06-30, with no renewal."]);
    expect(explain(none, "2027-07-01", "fr")).toEqual([
      "A pris fin le 2027-06-30, sans renouvellement.",
    ]);
  });

  it("explains an optional renewal's decision date", () => {
    const optional = contract("optional", "2027-06-30", "P1Y", "P3M");
    expect(explain(optional, "2027-01-01", "en")).toEqual([
      "Ends 2027-06-30 unless the option to renew for one year is exercised.",
      "The option to renew must be exercised by 2027-03-30, three months before.",
    ]);
    expect(explain(optional, "2027-01-01", "fr")).toEqual([
      "Prend fin le 2027-06-30 sauf si l'option de renouvellement d'un an est levée.",
      "L'option de renouvellement doit être levée au plus tard le 2027-03-30, trois mois avant.",
    ]);
    expect(explain(optional, "2027-04-01", "en")[1]).toBe(
      "The option to renew had to be exercised by 2027-03-30, three months before.",
    );
    expect(explain(optional, "2027-07-01", "en")[0]).toBe(
      "Ended 2027-06-30, with no exercise of the option to renew on record.",
    );
    const noNotice = contract("optional", "2027-06-30");
    expect(explain(noNotice, "2027-01-01", "fr")[1]).toBe(
      "L'option de renouvellement doit être levée au plus tard le 2027-06-30, " +
        "date de fin du contrat.",
    );
  });

  it("explains evergreen contracts", () => {
    const evergreen = contract("evergreen", null, null, "P3M");
    expect(explain(evergreen, "2027-01-31", "en")).toEqual([
      "Has no end date and runs until terminated.",
      "If notice is given today, it ends 2027-04-30 at the earliest, three months later.",
    ]);
    expect(explain(evergreen, "2027-01-31", "fr")).toEqual([
      "N'a pas de date de fin et court jusqu'à sa résiliation.",
      "Si le préavis est donné aujourd'hui, il prend fin au plus tôt le 2027-04-30, " +
        "trois mois plus tard.",
    ]);
  });

  it("says what is missing", () => {
    expect(explain(contract("none", null), "2027-01-01", "en")).toEqual([
      "Has no end date on record.",
    ]);
    const noTerm = contract("automatic", "2027-06-21");
    expect(explain(noTerm, "2027-01-01", "en")[0]).toBe(
      "Ends 2027-06-21 and renews automatically, but the renewal term is not known.",
    );
    expect(explain(noTerm, "2027-07-01", "fr")[0]).toBe(
      "Se renouvelle automatiquement, mais sans la durée du renouvellement la fin " +
        "de la période en cours ne peut être calculée.",
    );
    expect(explain(contract("automatic", "2027-06-21", "P1Y"), "2027-01-01", "en")[1]).toBe(
      "No notice period is on record, so no notice deadline is computed.",
    );
  });

  it("mentions every computed date, in sentences, in both languages", () => {
    const kinds = fc.constantFrom<RenewalKind>("none", "automatic", "optional", "evergreen");
    const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));
    const duration = fc.constantFrom("P1Y", "P6M", "P30D", "P2W", "P1Y6M", "P3M");
    const locale = fc.constantFrom<ExplainLocale>("fr", "en");
    fc.assert(
      fc.property(
        kinds,
        date,
        duration,
        fc.option(duration, { nil: null }),
        date,
        locale,
        fc.boolean(),
        (kind, end, term, notice, today, lang, workingDays) => {
          const input = contract(kind, end, term, notice);
          const dates = computeKeyDates(input, today, { workingDays });
          const text = explainKeyDates(input, dates, lang).map((e) => e.text);
          for (const line of text) expect(line).toMatch(/^[A-ZÀ-Ý].*\.$/u);
          const all = text.join(" ");
          const computed = [
            dates.currentTermEnd,
            dates.noticeDeadline?.date,
            dates.noticeDeadline?.calendarDate,
            dates.decisionDate?.date,
            dates.earliestEnd,
          ];
          for (const d of computed) if (d) expect(all).toContain(d);
          expect(all).not.toMatch(/undefined|null|NaN/);
        },
      ),
    );
  });
});
