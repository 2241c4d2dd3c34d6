/**
 * The reminder engine on a real register in a temp folder, with a clock
 * the test moves: what the schedule holds, and how it follows changes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PactaServices } from "../app/services";
import {
  contract,
  createPlain,
  DAY,
  localIso,
  scheduleRows,
  TestClock,
  TestFolder,
} from "./testing";

let folder: TestFolder;
let clock: TestClock;
let s: PactaServices;
beforeEach(() => {
  folder = new TestFolder();
  clock = new TestClock(new Date(2026, 10, 1, 8, 0));
  s = folder.open(clock);
});
afterEach(() => folder.cleanup());

const automatic = { kind: "automatic" as const, term: "P1Y", notice: "P3M" };

describe("the schedule", () => {
  it("holds every kind of date with the default lead times at 09:00", () => {
    const a = createPlain(s, { endDate: "2027-06-30", renewal: automatic });
    const b = createPlain(s, {
      endDate: "2027-09-30",
      renewal: { kind: "optional", term: "P1Y", notice: "P60D" },
    });
    // Created 2026-11-01 in draft, whose stage is due 14 days later: 2026-11-15.
    const c = s.register.create(contract({ endDate: "2027-02-15" })).id;
    s.reminders.addCustomDate({ contractId: c, date: "2027-01-20", label: "Audit" });
    s.reminders.check();

    const dates = (id: number) =>
      [...new Set(scheduleRows(s.db, id).map((r) => `${r.kind} ${r.dueDate}`))].sort();
    // 2027-06-30 − 3 months = 2027-03-30.
    expect(dates(a)).toEqual(["notice_deadline 2027-03-30", "term_end 2027-06-30"]);
    // 2027-09-30 − 60 days = 2027-08-01: a decision date, no notice deadline.
    expect(dates(b)).toEqual(["decision_date 2027-08-01", "term_end 2027-09-30"]);
    expect(dates(c)).toEqual(["custom 2027-01-20", "stage_due 2026-11-15", "term_end 2027-02-15"]);

    const notice = scheduleRows(s.db, a).filter((r) => r.kind === "notice_deadline");
    expect(notice.map((r) => [r.leadDays, r.fireAt])).toEqual([
      [90, localIso(2026, 12, 30)],
      [30, localIso(2027, 2, 28)],
      [7, localIso(2027, 3, 23)],
      [0, localIso(2027, 3, 30)],
    ]);
    expect(notice[0]?.key).toBe(`${a}:notice_deadline:2027-03-30:90`);
    // 90 and 30 days before 2026-11-15 had both passed on 2026-11-01: the 30-day one stays.
    const stage = scheduleRows(s.db, c).filter((r) => r.kind === "stage_due");
    expect(stage.map((r) => r.leadDays)).toEqual([30, 7, 0]);
    expect(stage[0]?.key).toMatch(new RegExp(`^${c}:stage_due:\\d+:2026-11-15:30$`));
  });

  it("uses the global lead times, or the contract's own", () => {
    const a = createPlain(s, { endDate: "2027-06-30" });
    const b = createPlain(s, { endDate: "2027-07-31" });
    s.reminders.setSettings({ leadDays: [14, 1], fireTime: "08:15" });
    s.reminders.setContractSettings(a, null, [60]);
    s.reminders.check();
    expect(scheduleRows(s.db, a).map((r) => [r.leadDays, r.fireAt])).toEqual([
      [60, localIso(2027, 5, 1, 8, 15)],
    ]);
    expect(scheduleRows(s.db, b).map((r) => r.leadDays)).toEqual([14, 1]);
    expect(s.reminders.contractSettings(a)).toEqual({
      contractId: a,
      workingDays: null,
      leadDays: [60],
      effective: { workingDays: false, leadDays: [60] },
    });
  });

  it("moves deadlines to working days per contract or by default, register included", () => {
    // End 2027-06-30, notice one month: 2027-05-30 is a Sunday → Friday 2027-05-28.
    const renewal = { kind: "automatic" as const, term: "P1Y", notice: "P1M" };
    const a = createPlain(s, { endDate: "2027-06-30", renewal });
    const b = createPlain(s, { endDate: "2027-06-30", renewal });
    s.reminders.check();
    const notice = (id: number) =>
      scheduleRows(s.db, id).find((r) => r.kind === "notice_deadline")?.dueDate;
    expect([notice(a), notice(b)]).toEqual(["2027-05-30", "2027-05-30"]);

    s.reminders.setContractSettings(a, true, null);
    expect([notice(a), notice(b)]).toEqual(["2027-05-28", "2027-05-30"]);
    expect(s.register.get(a).noticeDeadline).toBe("2027-05-28");
    expect(s.register.get(b).noticeDeadline).toBe("2027-05-30");

    s.reminders.setSettings({ workingDays: true });
    s.reminders.setContractSettings(a, false, null);
    s.reminders.check();
    expect([notice(a), notice(b)]).toEqual(["2027-05-30", "2027-05-28"]);
    expect(s.list.list({}).rows.map((r) => [r.id, r.noticeDeadline])).toEqual(
      expect.arrayContaining([
        [a, "2027-05-30"],
        [b, "2027-05-28"],
      ]),
    );
    // A contract created while the default is on follows it.
    const c = s.register.create(contract({ endDate: "2027-06-30", renewal }));
    expect(s.register.get(c.id).noticeDeadline).toBe("2027-05-28");
  });

  it("re-arms a changed date: the old keys leave, the new ones wait for their time", () => {
    const c = createPlain(s, { endDate: "2027-02-15" });
    clock.set(2026, 11, 17, 9, 0);
    const fired = s.reminders.check();
    expect(fired.map((f) => f.key)).toEqual([`${c}:term_end:2027-02-15:90`]);

    clock.advance(DAY);
    s.register.update(c, contract({ endDate: "2027-03-15" }));
    expect(s.reminders.check()).toEqual([]);
    const keys = scheduleRows(s.db, c).map((r) => r.key);
    expect(keys).not.toContain(`${c}:term_end:2027-02-15:90`);
    expect(keys).toContain(`${c}:term_end:2027-03-15:90`);

    clock.set(2026, 12, 15, 9, 1);
    expect(s.reminders.check().map((f) => [f.key, f.late])).toEqual([
      [`${c}:term_end:2027-03-15:90`, false],
    ]);
  });

  it("follows the lifecycle: a new due date, a move, a cleared date", () => {
    const c = s.register.create(contract({ endDate: null })).id;
    s.reminders.check();
    const due = () => [...new Set(scheduleRows(s.db, c).map((r) => `${r.kind} ${r.dueDate}`))];
    expect(due()).toEqual(["stage_due 2026-11-15"]);
    s.lifecycle.assign({ contractId: c, dueDate: "2027-01-10" });
    s.reminders.check();
    expect(due()).toEqual(["stage_due 2027-01-10"]);
    // Legal review is due 10 days after entering it.
    s.lifecycle.move({ contractId: c, to: "legal_review", comment: null, confirmSkip: true });
    s.reminders.check();
    expect(due()).toEqual(["stage_due 2026-11-11"]);
    s.lifecycle.assign({ contractId: c, dueDate: null });
    s.reminders.check();
    expect(due()).toEqual([]);
  });

  it("keeps archived and deleted contracts silent", () => {
    const a = createPlain(s, { endDate: "2027-01-31" });
    const b = createPlain(s, { endDate: "2027-01-31" });
    s.reminders.check();
    s.register.archive(a);
    s.register.remove(b);
    clock.set(2027, 1, 31, 10, 0);
    expect(s.reminders.check()).toEqual([]);
    expect(scheduleRows(s.db, a)).toEqual([]);
    expect(scheduleRows(s.db, b)).toEqual([]);
    expect(s.reminders.list({ within: 365 })).toEqual([]);

    s.register.restore(a);
    const fired = s.reminders.check();
    expect(fired.map((f) => [f.key, f.late])).toEqual([[`${a}:term_end:2027-01-31:0`, true]]);
  });

  it("rolls an automatic renewal over once its dates have passed", () => {
    const c = createPlain(s, { endDate: "2026-11-30", renewal: automatic });
    s.reminders.check();
    expect(scheduleRows(s.db, c).map((r) => r.dueDate)).toContain("2026-11-30");
    clock.set(2026, 12, 1, 9, 0);
    s.reminders.check();
    const due = [...new Set(scheduleRows(s.db, c).map((r) => `${r.kind} ${r.dueDate}`))];
    // Next term end 2027-11-30; its notice deadline 2027-08-30.
    expect(due.sort()).toEqual(["notice_deadline 2027-08-30", "term_end 2027-11-30"]);
  });
});
