import { describe, expect, it } from "vitest";
import {
  fireInstant,
  isLate,
  leadDaysSchema,
  occurrenceKeyOf,
  occurrencesOf,
  parseInstant,
  type ReminderSource,
  reminderKey,
  scheduleOf,
  snoozeUntil,
  supersede,
  withoutPassedLeads,
} from "./reminder-rules";

function source(over: Partial<ReminderSource> = {}): ReminderSource {
  return {
    contractId: 7,
    endDate: "2027-06-30",
    effectiveDate: null,
    renewal: { kind: "none", term: null, notice: null },
    workingDays: false,
    leadDays: null,
    stage: null,
    customDates: [],
    ...over,
  };
}

const local = (y: number, m: number, d: number, hh = 9, mm = 0) =>
  new Date(y, m - 1, d, hh, mm).toISOString();

describe("occurrences", () => {
  it("gives the notice deadline and term end of an automatic renewal", () => {
    const s = source({ renewal: { kind: "automatic", term: "P1Y", notice: "P3M" } });
    expect(occurrencesOf(s, "2027-01-10")).toEqual([
      { kind: "notice_deadline", dueDate: "2027-03-30", sourceId: null, label: null },
      { kind: "term_end", dueDate: "2027-06-30", sourceId: null, label: null },
    ]);
    // Past the notice deadline: the next one belongs to the next term.
    expect(occurrencesOf(s, "2027-04-01").map((o) => [o.kind, o.dueDate])).toEqual([
      ["notice_deadline", "2028-03-30"],
      ["term_end", "2027-06-30"],
    ]);
  });

  it("gives a decision date, not a notice deadline, for an optional renewal", () => {
    const s = source({ renewal: { kind: "optional", term: "P1Y", notice: "P60D" } });
    expect(occurrencesOf(s, "2027-01-01").map((o) => [o.kind, o.dueDate])).toEqual([
      ["decision_date", "2027-05-01"],
      ["term_end", "2027-06-30"],
    ]);
    // Once the decision date has passed, only the end remains.
    expect(occurrencesOf(s, "2027-05-02").map((o) => o.kind)).toEqual(["term_end"]);
  });

  it("moves the notice deadline to the working day before when asked", () => {
    // 2027-06-30 − 3 months = 2027-03-30, a Tuesday: unchanged. With P1M: 2027-05-30, a Sunday.
    const s = source({ renewal: { kind: "automatic", term: "P1Y", notice: "P1M" } });
    expect(occurrencesOf(s, "2027-01-01")[0]?.dueDate).toBe("2027-05-30");
    expect(occurrencesOf({ ...s, workingDays: true }, "2027-01-01")[0]?.dueDate).toBe("2027-05-28");
  });

  it("leaves out dates before the as-of day, and evergreen contracts have none", () => {
    expect(occurrencesOf(source({ endDate: "2026-01-01" }), "2026-06-01")).toEqual([]);
    const evergreen = source({ renewal: { kind: "evergreen", term: null, notice: "P3M" } });
    expect(occurrencesOf(evergreen, "2026-06-01")).toEqual([]);
  });

  it("adds the open stage's due date and custom dates with their ids", () => {
    const s = source({
      endDate: null,
      stage: { id: 41, stage: "negotiation", dueDate: "2027-02-01" },
      customDates: [
        { id: 3, date: "2027-03-15", label: "Bank guarantee expires" },
        { id: 4, date: "2020-01-01", label: "Long gone" },
      ],
    });
    expect(occurrencesOf(s, "2027-01-01")).toEqual([
      { kind: "stage_due", dueDate: "2027-02-01", sourceId: 41, label: "negotiation" },
      { kind: "custom", dueDate: "2027-03-15", sourceId: 3, label: "Bank guarantee expires" },
    ]);
  });
});

describe("schedule", () => {
  it("gives one reminder per lead time at the fire time, keyed by date and lead", () => {
    const rows = scheduleOf(source(), "2027-01-01", { leadDays: [30, 0], fireTime: "09:30" });
    expect(rows.map((r) => [r.key, r.fireAt])).toEqual([
      ["7:term_end:2027-06-30:30", local(2027, 5, 31, 9, 30)],
      ["7:term_end:2027-06-30:0", local(2027, 6, 30, 9, 30)],
    ]);
  });

  it("uses the contract's own lead times over the global ones", () => {
    const rows = scheduleOf(source({ leadDays: [14] }), "2027-01-01", {
      leadDays: [90, 30, 7, 0],
      fireTime: "09:00",
    });
    expect(rows.map((r) => r.leadDays)).toEqual([14]);
  });

  it("keys custom dates and stages by their source id", () => {
    const o = { kind: "custom" as const, dueDate: "2027-03-15", sourceId: 3, label: "x" };
    expect(reminderKey(12, o, 7)).toBe("12:custom:3:2027-03-15:7");
    expect(occurrenceKeyOf("12:custom:3:2027-03-15:7")).toBe("12:custom:3:2027-03-15");
  });

  it("computes fire instants on the local calendar", () => {
    expect(fireInstant("2027-03-01", 1, "09:00")).toBe(local(2027, 2, 28));
    expect(fireInstant("2028-03-01", 1, "23:59")).toBe(local(2028, 2, 29, 23, 59));
  });
});

describe("firing rules", () => {
  it("calls a reminder late when it fires more than five minutes after its time", () => {
    const at = "2027-01-01T09:00:00.000Z";
    expect(isLate(at, new Date("2027-01-01T09:05:00.000Z"))).toBe(false);
    expect(isLate(at, new Date("2027-01-01T09:05:00.001Z"))).toBe(true);
  });

  it("fires only the shortest lead time of a date when several are due", () => {
    const due = [
      { key: "1:term_end:2027-01-10:90", leadDays: 90 },
      { key: "1:term_end:2027-01-10:30", leadDays: 30 },
      { key: "1:notice_deadline:2027-01-05:30", leadDays: 30 },
    ];
    const { fire, superseded } = supersede(due);
    expect(fire.map((d) => d.key)).toEqual([
      "1:term_end:2027-01-10:30",
      "1:notice_deadline:2027-01-05:30",
    ]);
    expect(superseded.map((d) => d.key)).toEqual(["1:term_end:2027-01-10:90"]);
  });

  it("keeps only the shortest passed lead time of each date", () => {
    const rows = scheduleOf(source(), "2027-01-01", {
      leadDays: [90, 30, 7, 0],
      fireTime: "09:00",
    });
    // 2027-06-30: 90 days before is 2027-04-01, 30 days before 2027-05-31.
    const kept = withoutPassedLeads(rows, local(2027, 6, 1));
    expect(kept.map((r) => r.leadDays)).toEqual([30, 7, 0]);
    expect(withoutPassedLeads(rows, local(2027, 1, 1))).toEqual(rows);
  });

  it("snoozes by a day or a week of the local calendar", () => {
    const now = new Date(2027, 2, 27, 10, 0);
    expect(snoozeUntil("1d", now).getTime()).toBe(new Date(2027, 2, 28, 10, 0).getTime());
    expect(snoozeUntil("1w", now).getTime()).toBe(new Date(2027, 3, 3, 10, 0).getTime());
  });

  it("normalises lead times: distinct, longest first", () => {
    expect(leadDaysSchema.parse([0, 30, 7, 30])).toEqual([30, 7, 0]);
    expect(leadDaysSchema.safeParse([]).success).toBe(false);
    expect(leadDaysSchema.safeParse([-1]).success).toBe(false);
  });
});

describe("parseInstant", () => {
  it("reads ISO date-times, local without an offset", () => {
    expect(parseInstant("2027-05-01T09:00:00Z")?.toISOString()).toBe("2027-05-01T09:00:00.000Z");
    expect(parseInstant("2027-05-01T09:00+02:00")?.toISOString()).toBe("2027-05-01T07:00:00.000Z");
    expect(parseInstant("2027-05-01T09:00")?.getTime()).toBe(new Date(2027, 4, 1, 9).getTime());
  });

  it("takes a date alone as the end of that day", () => {
    expect(parseInstant("2027-05-01")?.getTime()).toBe(
      new Date(2027, 4, 1, 23, 59, 59, 999).getTime(),
    );
  });

  it("refuses what is not a real moment", () => {
    for (const bad of ["tomorrow", "2027-02-30", "2027-13-01T00:00", "2027-05-01T25:00", ""]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});
