import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FiredReminder } from "../../shared/api/reminders";
import { delayUntilNext, ReminderScheduler, type Timer } from "./scheduler";
import { createPlain, MINUTE, TestClock, TestFolder } from "./testing";

/** A timer that runs only when the test says, after moving the clock. */
class ManualTimer implements Timer {
  pending: { callback: () => void; ms: number } | null = null;
  set(callback: () => void, ms: number): unknown {
    this.pending = { callback, ms };
    return this.pending;
  }
  clear(handle: unknown): void {
    if (this.pending === handle) this.pending = null;
  }
  /** Moves the clock by the pending delay and runs the callback. */
  fire(clock: TestClock): void {
    const next = this.pending;
    if (!next) throw new Error("no timer pending");
    this.pending = null;
    clock.advance(next.ms);
    next.callback();
  }
}

let folder: TestFolder;
let clock: TestClock;
beforeEach(() => {
  folder = new TestFolder();
  clock = new TestClock(new Date(2026, 10, 2, 8, 58, 30));
});
afterEach(() => folder.cleanup());

describe("ReminderScheduler", () => {
  it("checks at start, at the next fire time, then every minute, and notifies", () => {
    const s = folder.open(clock);
    const id = createPlain(s, { endDate: "2027-01-31" });
    const timer = new ManualTimer();
    const notified: FiredReminder[][] = [];
    const scheduler = new ReminderScheduler(
      s.reminders,
      { notify: (fired) => notified.push([...fired]) },
      { now: clock.now, timer },
    );
    expect(scheduler.start()).toEqual([]);
    // Next fire time 09:00, 90 seconds away: the minute comes first.
    expect(timer.pending?.ms).toBe(MINUTE);
    timer.fire(clock);
    // 08:59:30: the fire time is 30 seconds away.
    expect(timer.pending?.ms).toBe(30_000);
    timer.fire(clock);
    expect(notified.map((batch) => batch.map((f) => f.key))).toEqual([
      [`${id}:term_end:2027-01-31:90`],
    ]);
    expect(timer.pending?.ms).toBe(MINUTE);
    scheduler.stop();
    expect(timer.pending).toBeNull();
  });

  it("fires what came due while stopped when it starts again, late", () => {
    const s = folder.open(clock);
    createPlain(s, { endDate: "2027-01-31" });
    const notified: FiredReminder[] = [];
    const options = { now: clock.now, timer: new ManualTimer() };
    const notifier = { notify: (fired: readonly FiredReminder[]) => notified.push(...fired) };
    const first = new ReminderScheduler(s.reminders, notifier, options);
    first.start();
    first.stop();
    clock.advance(3 * 60 * MINUTE);
    new ReminderScheduler(s.reminders, notifier, options).start();
    expect(notified.map((f) => [f.leadDays, f.late])).toEqual([[90, true]]);
  });

  it("keeps running when a check or the notifier fails", () => {
    const timer = new ManualTimer();
    let calls = 0;
    const broken = {
      check: () => {
        calls++;
        throw new Error("database is locked");
      },
      nextFireAt: () => null,
    };
    const scheduler = new ReminderScheduler(broken, { notify: () => undefined }, { timer });
    expect(scheduler.start()).toEqual([]);
    timer.fire(clock);
    expect(calls).toBe(2);
    expect(timer.pending?.ms).toBe(MINUTE);
  });

  it("never waits less than a second nor more than the interval", () => {
    const now = new Date("2027-01-01T09:00:00Z");
    expect(delayUntilNext(now, null, MINUTE)).toBe(MINUTE);
    expect(delayUntilNext(now, "2027-01-01T09:00:10Z", MINUTE)).toBe(10_000);
    expect(delayUntilNext(now, "2027-01-01T08:00:00Z", MINUTE)).toBe(1000);
    expect(delayUntilNext(now, "2027-03-01T08:00:00Z", MINUTE)).toBe(MINUTE);
  });
});
