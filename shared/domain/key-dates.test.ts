import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate, daysInMonth } from "./calendar-date";
import type { RenewalKind } from "./contract";
import { addDuration, formatIsoDuration, type IsoDuration, parseIsoDuration } from "./duration";
import { computeKeyDates, type KeyDatesInput, subtractDuration } from "./key-dates";
import { isWorkingDay, shiftToWorkingDay } from "./working-days";

function contract(
  kind: RenewalKind,
  endDate: CalendarDate | null,
  term: IsoDuration | null = null,
  notice: IsoDuration | null = null,
): KeyDatesInput {
  return { endDate, renewal: { kind, term, notice } };
}

/** Any day from 1990 to about 2099, built from an integer. */
const anyDate = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));

/** A day late in a month, where clamping happens. */
const monthEnd = fc
  .tuple(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.nat(3))
  .map(([year, month, back]) => {
    const day = daysInMonth(year, month) - back;
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  });

const anyDuration = fc
  .record({
    years: fc.integer({ min: 0, max: 3 }),
    months: fc.integer({ min: 0, max: 18 }),
    weeks: fc.integer({ min: 0, max: 6 }),
    days: fc.integer({ min: 0, max: 90 }),
  })
  .map(formatIsoDuration)
  .filter((d): d is IsoDuration => d !== null);

/** The terms contracts really use, and mixed ones. */
const anyTerm = fc.oneof(
  fc.constantFrom("P1Y", "P2Y", "P3Y", "P6M", "P1M", "P3M", "P30D", "P1W", "P2W", "P1Y6M"),
  anyDuration,
);

describe("subtractDuration", () => {
  it.each([
    ["2027-03-31", "P1M", "2027-02-28"],
    ["2024-03-31", "P1M", "2024-02-29"],
    ["2024-02-29", "P1Y", "2023-02-28"],
    ["2027-06-21", "P30D", "2027-05-22"],
    ["2027-06-21", "P2W", "2027-06-07"],
    ["2027-08-31", "P1Y6M", "2026-02-28"],
    ["2027-01-15", "P3M", "2026-10-15"],
    // Days first, then months: 2027-03-01 − 1 day is 2027-02-28, then − 1 month.
    ["2027-03-01", "P1M1D", "2027-01-28"],
  ])("%s − %s = %s", (date, duration, expected) => {
    expect(subtractDuration(date, duration)).toBe(expected);
  });

  it("multiplies the duration instead of chaining", () => {
    expect(subtractDuration("2027-03-31", "P1M", 2)).toBe("2027-01-31");
    expect(subtractDuration("2027-03-31", "P1M", 0)).toBe("2027-03-31");
  });

  it("gives null for an invalid date or duration", () => {
    expect(subtractDuration("2027-02-30", "P1M")).toBeNull();
    expect(subtractDuration("2027-02-01", "1 month")).toBeNull();
  });

  it("undoes addDuration when no month end was clamped", () => {
    fc.assert(
      fc.property(anyDate, anyDuration, (date, duration) => {
        fc.pre(Number(date.slice(8)) <= 28);
        expect(subtractDuration(mustAdd(date, duration), duration)).toBe(date);
      }),
    );
  });

  it("never overshoots when it goes back and forth", () => {
    fc.assert(
      fc.property(fc.oneof(anyDate, monthEnd), anyDuration, (date, duration) => {
        const back = subtractDuration(date, duration) ?? "";
        expect(back <= date).toBe(true);
        expect(mustAdd(back, duration) <= date).toBe(true);
        expect((subtractDuration(mustAdd(date, duration), duration) ?? "") <= date).toBe(true);
      }),
    );
  });

  it("is exact for days and weeks", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (date, days) => {
        expect(subtractDuration(date, `P${days}D`)).toBe(addDays(date, -days));
        expect(subtractDuration(addDays(date, 7 * days), `P${days}W`)).toBe(date);
      }),
    );
  });
});

function mustAdd(date: CalendarDate, duration: IsoDuration, times = 1): CalendarDate {
  const out = addDuration(date, duration, times);
  if (out === null) throw new Error(`cannot add ${duration}`);
  return out;
}

/** The key dates most examples check: [term end, renewals, notice deadline, its term end]. */
function brief(input: KeyDatesInput, today: CalendarDate, workingDays = false) {
  const d = computeKeyDates(input, today, { workingDays });
  return [d.currentTermEnd, d.renewalsSoFar, d.noticeDeadline?.date ?? null, d.noticeTermEnd];
}

const auto = (end: CalendarDate, term: IsoDuration | null, notice: IsoDuration | null = null) =>
  contract("automatic", end, term, notice);

describe("computeKeyDates: automatic renewals", () => {
  const example = auto("2000-06-21", "P1Y", "P30D");
  const yearly = auto("2027-06-21", "P1Y");
  const monthly = auto("2024-01-31", "P1M");
  const leap = auto("2024-02-29", "P1Y");
  const noTerm = auto("2027-06-21", null, "P1M");
  // Notice for the ends of January, February and March 2027 has passed by 15 January.
  const longNotice = auto("2027-01-31", "P1M", "P3M");
  const zeroNotice = auto("2027-06-21", "P1Y", "P0D");
  const daily = auto("1990-01-01", "P1D", "P1Y");

  it.each([
    ["the issue's example", example, "2027-01-10", ["2027-06-21", 27, "2027-05-22", "2027-06-21"]],
    ["deadline today", example, "2027-05-22", ["2027-06-21", 27, "2027-05-22", "2027-06-21"]],
    ["deadline passed", example, "2027-05-23", ["2027-06-21", 27, "2028-05-22", "2028-06-21"]],
    ["today before the end", yearly, "2027-01-01", ["2027-06-21", 0, null, null]],
    ["today on the end", yearly, "2027-06-21", ["2027-06-21", 0, null, null]],
    ["today after the end", yearly, "2027-06-22", ["2028-06-21", 1, null, null]],
    ["2024-01-31 + P1M", monthly, "2024-02-10", ["2024-02-29", 1, null, null]],
    ["2024-01-31 + 2 × P1M", monthly, "2024-03-01", ["2024-03-31", 2, null, null]],
    ["2024-01-31 + 3 × P1M", monthly, "2024-04-15", ["2024-04-30", 3, null, null]],
    ["2024-01-31 + 4 × P1M", monthly, "2024-05-01", ["2024-05-31", 4, null, null]],
    ["2024-01-31 + 13 × P1M", monthly, "2025-02-01", ["2025-02-28", 13, null, null]],
    ["2024-02-29 + P1Y", leap, "2024-03-01", ["2025-02-28", 1, null, null]],
    ["2024-02-29 + 4 × P1Y", leap, "2027-03-01", ["2028-02-29", 4, null, null]],
    ["2024-02-29 + 5 × P1Y", leap, "2028-03-01", ["2029-02-28", 5, null, null]],
    ["days", auto("2027-01-01", "P30D"), "2027-03-15", ["2027-04-01", 3, null, null]],
    ["weeks", auto("2027-01-04", "P2W"), "2027-01-20", ["2027-02-01", 2, null, null]],
    ["months", auto("2026-08-31", "P6M"), "2027-03-01", ["2027-08-31", 2, null, null]],
    ["years", auto("2015-12-31", "P3Y"), "2027-01-01", ["2027-12-31", 4, null, null]],
    ["mixed", auto("2020-01-31", "P1Y6M"), "2026-01-01", ["2026-01-31", 4, null, null]],
    ["notice > term", longNotice, "2027-01-15", ["2027-01-31", 0, "2027-01-30", "2027-04-30"]],
    ["zero notice", zeroNotice, "2027-06-21", ["2027-06-21", 0, "2027-06-21", "2027-06-21"]],
    ["far away", daily, "2090-06-15", ["2090-06-15", 36_690, "2090-06-15", "2091-06-15"]],
    ["year 9999", auto("9999-06-01", "P1Y", "P1M"), "9999-12-01", [null, 0, null, null]],
    ["no term, first end", noTerm, "2027-01-01", ["2027-06-21", 0, "2027-05-21", "2027-06-21"]],
    ["no term, past end", noTerm, "2027-07-01", [null, 0, null, null]],
  ] as const)("%s", (_, input, today, expected) => {
    expect(brief(input, today)).toEqual(expected);
  });

  it("reports what is missing", () => {
    expect(computeKeyDates(noTerm, "2027-01-01").missing).toEqual(["term"]);
    expect(computeKeyDates(auto("2027-06-21", "P0D"), "2030-01-01").missing).toEqual(["term"]);
    for (const endDate of [null, "2027-02-30"]) {
      const input = contract("automatic", endDate, "P1Y", "P1M");
      expect(computeKeyDates(input, "2027-01-01").missing).toEqual(["endDate"]);
      expect(brief(input, "2027-01-01")).toEqual([null, 0, null, null]);
    }
  });
});

describe("computeKeyDates: other kinds", () => {
  it("ends a contract without renewal on its end date, with no notice deadline", () => {
    const none = contract("none", "2027-06-30", null, "P3M");
    for (const [today, ended] of [
      ["2027-01-01", false],
      ["2027-06-30", false],
      ["2027-07-01", true],
    ] as const) {
      const dates = computeKeyDates(none, today);
      expect([dates.currentTermEnd, dates.ended, dates.noticeDeadline]).toEqual([
        "2027-06-30",
        ended,
        null,
      ]);
    }
  });

  it("gives an optional renewal a decision date instead of a notice deadline", () => {
    const optional = contract("optional", "2027-06-30", "P1Y", "P3M");
    for (const [today, lapsed, ended] of [
      ["2027-01-01", false, false],
      ["2027-04-01", true, false],
      ["2027-07-01", true, true],
    ] as const) {
      expect(computeKeyDates(optional, today)).toMatchObject({
        currentTermEnd: "2027-06-30",
        decisionDate: { date: "2027-03-30" },
        noticeDeadline: null,
        optionLapsed: lapsed,
        ended,
      });
    }
    const noNotice = contract("optional", "2027-06-30", "P1Y");
    expect(computeKeyDates(noNotice, "2027-01-01").decisionDate?.date).toBe("2027-06-30");
  });

  it("gives an evergreen contract no end, and the earliest end if notice is given today", () => {
    const dates = computeKeyDates(contract("evergreen", "2027-06-30", null, "P3M"), "2027-01-31");
    expect(dates).toMatchObject({ currentTermEnd: null, noticeDeadline: null, decisionDate: null });
    expect([dates.ended, dates.earliestEnd, dates.missing]).toEqual([false, "2027-04-30", []]);
    expect(computeKeyDates(contract("evergreen", null), "2027-01-31").earliestEnd).toBeNull();
  });

  it("says when the contract is not yet effective, and refuses a today that is not a date", () => {
    const input = { ...contract("none", "2028-01-01"), effectiveDate: "2027-03-01" };
    expect(computeKeyDates(input, "2027-02-28").notYetEffective).toBe(true);
    expect(computeKeyDates(input, "2027-03-01").notYetEffective).toBe(false);
    expect(() => computeKeyDates(input, "2027-13-01")).toThrow(RangeError);
  });
});

describe("computeKeyDates: working days", () => {
  const on = { workingDays: true };
  const example = auto("2000-06-21", "P1Y", "P30D");

  it.each([
    [example, "2027-05-22", "2027-05-21", "weekend", null],
    [auto("2027-04-28", "P1Y", "P30D"), "2027-03-29", "2027-03-26", "holiday", "Lundi de Pâques"],
    [auto("2027-06-01", "P1Y", "P1M"), "2027-05-01", "2027-04-30", "holiday", "Fête du travail"],
    [
      auto("2027-08-14", "P1Y", "P1M"),
      "2027-07-14",
      "2027-07-13",
      "holiday",
      "Fête Nationale de la France",
    ],
    [auto("2027-09-15", "P1Y", "P1M"), "2027-08-15", "2027-08-13", "holiday", "Assomption"],
    [auto("2028-01-25", "P1Y", "P1M"), "2027-12-25", "2027-12-24", "holiday", "Noël"],
  ] as const)("moves a deadline off %#: %s → %s", (input, calendar, moved, because, name) => {
    expect(computeKeyDates(input, "2027-01-10", on).noticeDeadline).toEqual({
      date: moved,
      calendarDate: calendar,
      movedBecause: because,
      holidayName: name,
    });
  });

  it("counts a deadline moved back before today as passed", () => {
    expect(brief(example, "2027-05-22", true)).toEqual([
      "2027-06-21",
      27,
      "2028-05-22",
      "2028-06-21",
    ]);
  });

  it("moves an optional renewal's decision date too, but never the term end", () => {
    const optional = contract("optional", "2027-06-01", "P1Y", "P1M");
    expect(computeKeyDates(optional, "2027-01-01", on).decisionDate).toMatchObject({
      date: "2027-04-30",
      movedBecause: "holiday",
    });
    const saturday = computeKeyDates(contract("none", "2027-05-22"), "2027-01-01", on);
    expect(saturday.currentTermEnd).toBe("2027-05-22");
  });
});

describe("computeKeyDates: properties", () => {
  const automatic = fc.record({
    endDate: fc.oneof(anyDate, monthEnd),
    term: anyTerm,
    notice: fc.option(anyDuration, { nil: null }),
    today: anyDate,
    workingDays: fc.boolean(),
  });

  it("picks the first automatic term end on or after today, counted from the end date", () => {
    fc.assert(
      fc.property(automatic, ({ endDate, term, notice, today, workingDays }) => {
        const input = contract("automatic", endDate, term, notice);
        const dates = computeKeyDates(input, today, { workingDays });
        const end = dates.currentTermEnd ?? "";
        const k = dates.renewalsSoFar;
        expect(end >= today).toBe(true);
        expect(end).toBe(mustAdd(endDate, term, k));
        if (k === 0) expect(end).toBe(endDate);
        else {
          expect(mustAdd(endDate, term, k - 1) < today).toBe(true);
          // Undoing one term lands before today too, except for a term mixing
          // months with days (P1Y2M2W6D): term ends add k times each part, so
          // one subtraction is not the previous term end there.
          const parts = parseIsoDuration(term);
          const mixed = parts !== null && parts.years + parts.months > 0;
          if (!mixed || parts.weeks + parts.days === 0) {
            expect((subtractDuration(end, term) ?? "") < today).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the first notice deadline on or after today, for some term end", () => {
    fc.assert(
      fc.property(automatic, ({ endDate, term, notice, today, workingDays }) => {
        const input = contract("automatic", endDate, term, notice);
        const dates = computeKeyDates(input, today, { workingDays });
        const deadline = dates.noticeDeadline;
        if (notice === null) {
          expect(deadline).toBeNull();
          return;
        }
        if (deadline === null) throw new Error("an automatic renewal with notice needs one");
        const termEnd = dates.noticeTermEnd ?? "";
        expect(deadline.date >= today).toBe(true);
        expect(deadline.date <= deadline.calendarDate).toBe(true);
        expect(deadline.calendarDate).toBe(subtractDuration(termEnd, notice));
        expect(termEnd >= (dates.currentTermEnd ?? "")).toBe(true);
        // The term end before it either is already past or its deadline has passed.
        let j = dates.renewalsSoFar;
        while (mustAdd(endDate, term, j) < termEnd) j++;
        expect(mustAdd(endDate, term, j)).toBe(termEnd);
        if (j > dates.renewalsSoFar) {
          const previous = subtractDuration(mustAdd(endDate, term, j - 1), notice) ?? "";
          const acted = workingDays ? shiftToWorkingDay(previous).date : previous;
          expect(acted < today).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("moves working-day deadlines to the closest earlier working day", () => {
    fc.assert(
      fc.property(automatic, ({ endDate, term, notice, today }) => {
        fc.pre(notice !== null);
        const input = contract("automatic", endDate, term, notice);
        const deadline = computeKeyDates(input, today, { workingDays: true }).noticeDeadline;
        if (deadline === null) throw new Error("an automatic renewal with notice needs one");
        expect(isWorkingDay(deadline.date)).toBe(true);
        expect(deadline.date >= today).toBe(true);
        for (let d = addDays(deadline.date, 1); d < deadline.calendarDate; d = addDays(d, 1)) {
          expect(isWorkingDay(d)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never moves the term end backwards as today advances", () => {
    fc.assert(
      fc.property(automatic, fc.integer({ min: 0, max: 2000 }), (c, step) => {
        const input = contract("automatic", c.endDate, c.term, c.notice);
        const now = computeKeyDates(input, c.today);
        const later = computeKeyDates(input, addDays(c.today, step));
        expect((now.currentTermEnd ?? "") <= (later.currentTermEnd ?? "")).toBe(true);
        expect(later.renewalsSoFar).toBeGreaterThanOrEqual(now.renewalsSoFar);
        const before = now.noticeDeadline?.date ?? "";
        expect(before <= (later.noticeDeadline?.date ?? "")).toBe(true);
      }),
    );
  });

  it("ends contracts without renewal on their end date", () => {
    const kinds = fc.constantFrom<RenewalKind>("none", "optional");
    fc.assert(
      fc.property(kinds, anyDate, anyDate, fc.option(anyDuration), (kind, end, today, notice) => {
        const dates = computeKeyDates(contract(kind, end, "P1Y", notice ?? null), today);
        expect(dates.currentTermEnd).toBe(end);
        expect(dates.ended).toBe(end < today);
        expect(dates.noticeDeadline).toBeNull();
        if (kind === "optional") {
          expect((dates.decisionDate?.date ?? "") <= end).toBe(true);
          expect(dates.optionLapsed).toBe((dates.decisionDate?.date ?? "") < today);
        } else expect(dates.decisionDate).toBeNull();
      }),
    );
  });
});
