/**
 * Firing with a controlled clock: nothing twice (restarts, two processes on
 * one database), catch-up after downtime marked late, snooze and dismiss,
 * the in-app feed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPlain, DAY, localIso, MINUTE, TestClock, TestFolder } from "./testing";
import { ReminderViews } from "./views";

let folder: TestFolder;
let clock: TestClock;
beforeEach(() => {
  folder = new TestFolder();
  clock = new TestClock(new Date(2026, 10, 1, 8, 0));
});
afterEach(() => folder.cleanup());

/** A contract ending 2027-01-31: reminders on 2026-11-02, 2027-01-01, -01-24, -01-31. */
function setUp() {
  const s = folder.open(clock);
  const id = createPlain(s, { endDate: "2027-01-31" });
  const key = (lead: number) => `${id}:term_end:2027-01-31:${lead}`;
  return { s, id, key };
}

describe("firing", () => {
  it("fires at the fire time, once, and not again after a restart", () => {
    const { s, key } = setUp();
    expect(s.reminders.check()).toEqual([]);
    clock.set(2026, 11, 2, 9, 0);
    const fired = s.reminders.check();
    expect(fired.map((f) => [f.key, f.state, f.late, f.fireAt])).toEqual([
      [key(90), "fired", false, localIso(2026, 11, 2)],
    ]);
    expect(s.reminders.check()).toEqual([]);
    s.close();

    const again = folder.open(clock);
    expect(again.reminders.check()).toEqual([]);
    clock.advance(10 * MINUTE);
    expect(again.reminders.check()).toEqual([]);
    expect(again.reminders.list({}).map((r) => [r.key, r.state])).toEqual([[key(90), "fired"]]);
  });

  it("catches up on start what came due while closed, marked late, one per date", () => {
    const { s, key } = setUp();
    // Saved later: the newest change, which the first scan after the restart recomputes.
    clock.advance(MINUTE);
    const other = createPlain(s, { endDate: "2027-01-31" });
    s.reminders.check();
    s.close();
    // Closed from 2026-11-01 to 2027-01-25: the 90, 30 and 7-day reminders passed.
    clock.set(2027, 1, 25, 8, 30);
    const reopened = folder.open(clock);
    const fired = reopened.reminders.check();
    expect(fired.map((f) => [f.key, f.late])).toEqual([
      [key(7), true],
      [`${other}:term_end:2027-01-31:7`, true],
    ]);
    const states = reopened.db
      .prepare("SELECT key, state, dismissed_reason AS why FROM reminder_state ORDER BY key")
      .all();
    // The untouched contract's longer lead times are marked superseded when the 7-day one
    // fires; the recomputed one's left the schedule (only the shortest passed one is kept).
    expect(states).toEqual([
      { key: key(30), state: "dismissed", why: "superseded" },
      { key: key(7), state: "fired", why: null },
      { key: key(90), state: "dismissed", why: "superseded" },
      { key: `${other}:term_end:2027-01-31:7`, state: "fired", why: null },
    ]);
    // The day itself still comes, on time.
    clock.set(2027, 1, 31, 9, 0);
    expect(reopened.reminders.check().map((f) => [f.key, f.late])).toEqual([
      [key(0), false],
      [`${other}:term_end:2027-01-31:0`, false],
    ]);
  });

  it("catches up a date that passed while closed, before rolling the renewal over", () => {
    const s = folder.open(clock);
    const renewal = { kind: "automatic" as const, term: "P1Y", notice: null };
    const id = createPlain(s, { endDate: "2026-11-20", renewal });
    s.reminders.check();
    s.close();
    clock.set(2026, 12, 5, 9, 0);
    const reopened = folder.open(clock);
    expect(reopened.reminders.check().map((f) => [f.key, f.late])).toEqual([
      [`${id}:term_end:2026-11-20:0`, true],
    ]);
    const next = reopened.db
      .prepare("SELECT DISTINCT due_date AS d FROM reminder_schedule WHERE contract_id = ?")
      .all(id);
    expect(next).toEqual([{ d: "2027-11-20" }]);
  });

  it("never fires one reminder from two processes on one database", () => {
    const a = setUp();
    const b = folder.open(clock);
    for (let i = 0; i < 5; i++) createPlain(a.s, { endDate: "2027-01-31" });
    a.s.reminders.check();
    clock.set(2026, 11, 2, 9, 0);
    // B sees the due reminders, then A claims them before B does.
    const seenByB = b.reminders.due();
    expect(seenByB).toHaveLength(6);
    const byA = a.s.reminders.check();
    expect(byA).toHaveLength(6);
    expect(b.reminders.claim(seenByB)).toEqual([]);
    expect(b.reminders.check()).toEqual([]);

    // Alternating checks over the next three months: every reminder exactly once.
    const fired: string[] = [];
    for (let t = 0; t < 95; t++) {
      clock.advance(DAY);
      fired.push(...(t % 2 ? a.s : b).reminders.check().map((f) => f.key));
      fired.push(...(t % 2 ? b : a.s).reminders.check().map((f) => f.key));
    }
    expect(new Set(fired).size).toBe(fired.length);
    // 30, 7 and 0 days before, for six contracts.
    expect(fired).toHaveLength(18);
    const count = a.s.db.prepare("SELECT count(*) AS n FROM reminder_state WHERE seq > 0").get();
    expect(count).toEqual({ n: 24 });
  });

  it("snoozes for a day, then fires again; dismissing silences the other lead times", () => {
    const { s, id, key } = setUp();
    clock.set(2026, 11, 2, 9, 0);
    s.reminders.check();
    const snoozed = s.reminders.snooze(key(90), { preset: "1d" });
    expect(snoozed).toMatchObject({ state: "snoozed", snoozedUntil: localIso(2026, 11, 3) });
    clock.set(2026, 11, 3, 8, 59);
    expect(s.reminders.check()).toEqual([]);
    clock.set(2026, 11, 3, 9, 0);
    expect(s.reminders.check().map((f) => [f.key, f.state, f.late])).toEqual([
      [key(90), "fired", false],
    ]);

    const until = new Date(2026, 11, 20, 14, 0);
    expect(s.reminders.snooze(key(90), { until }).snoozedUntil).toBe(until.toISOString());
    const dismissed = s.reminders.dismiss(key(90), "notice sent by registered letter");
    expect(dismissed).toMatchObject({ state: "dismissed", snoozedUntil: null });
    clock.set(2027, 2, 1, 9, 0);
    expect(s.reminders.check()).toEqual([]);
    const reasons = s.db
      .prepare("SELECT DISTINCT dismissed_reason AS r FROM reminder_state WHERE contract_id = ?")
      .all(id);
    expect(reasons).toEqual([{ r: "notice sent by registered letter" }]);
  });

  it("refuses to snooze into the past or an unknown reminder", () => {
    const { s, key } = setUp();
    s.reminders.check();
    expect(() => s.reminders.snooze(key(90), { until: new Date(2020, 0, 1) })).toThrow(
      /only be snoozed until later/,
    );
    expect(() => s.reminders.dismiss("999:term_end:2027-01-31:0", "x")).toThrow(/no reminder/);
  });

  it("lists what is due and what comes within N days, and feeds what fired", () => {
    const { s, key } = setUp();
    clock.set(2026, 12, 31, 12, 0);
    expect(s.reminders.list({}).map((r) => [r.key, r.state])).toEqual([[key(90), "pending"]]);
    // Each lead time that comes within the window fires on its own day.
    expect(s.reminders.list({ within: 1 }).map((r) => r.key)).toEqual([key(30), key(90)]);
    const first = s.reminders.check();
    expect(s.reminders.feed(0)).toEqual({ cursor: first[0]?.seq, items: first });
    clock.set(2027, 1, 1, 9, 0);
    const second = s.reminders.check();
    const feed = s.reminders.feed(first[0]?.seq ?? 0);
    expect(feed.items.map((f) => f.key)).toEqual(second.map((f) => f.key));
    expect(s.reminders.feed(feed.cursor).items).toEqual([]);
    expect(s.reminders.upcoming(3)).toEqual([
      expect.objectContaining({ kind: "term_end", dueDate: "2027-01-31" }),
    ]);
  });
});

describe("the reminders list", () => {
  it("reads a large window in due-date order and gives the same answer", () => {
    const s = folder.open(clock);
    for (const end of ["2027-03-31", "2027-01-31", "2027-02-28", "2026-12-31"]) {
      createPlain(s, { endDate: end });
    }
    clock.set(2026, 12, 1, 9, 0);
    s.reminders.check();
    const whole = s.reminders.list({ within: 90 });
    const byDue = new ReminderViews(s.db, 2).list({
      now: clock.now().toISOString(),
      until: new Date(2027, 2, 1, 9, 0).toISOString(),
      floor: clock.now().toISOString(),
      states: ["pending", "fired", "snoozed"],
      limit: 500,
    });
    expect(byDue).toEqual(whole);
    expect(whole.map((r) => [r.dueDate, r.leadDays, r.state])).toEqual([
      ["2026-12-31", 0, "pending"],
      ["2026-12-31", 7, "pending"],
      ["2026-12-31", 30, "fired"],
      ["2027-01-31", 0, "pending"],
      ["2027-01-31", 7, "pending"],
      ["2027-01-31", 30, "pending"],
      ["2027-01-31", 90, "fired"],
      ["2027-02-28", 0, "pending"],
      ["2027-02-28", 7, "pending"],
      ["2027-02-28", 30, "pending"],
      ["2027-02-28", 90, "fired"],
      ["2027-03-31", 30, "pending"],
      ["2027-03-31", 90, "pending"],
    ]);
  });
});
