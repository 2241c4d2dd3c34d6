/**
 * The reminder part of `npm run bench`: building the schedule for the whole
 * register the first time, the first check (which fires everything already
 * due), then the scan that runs every minute (target ≤ 50 ms), idle and
 * after an edit.
 */
import { performance } from "node:perf_hooks";
import { contractInputSchema } from "../../shared/domain/contract";
import { addDuration } from "../../shared/domain/duration";
import type { PactaServices } from "../app/services";

const MINUTE = 60_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (ms: number) => Number(ms.toFixed(2));

export function benchReminders(s: PactaServices, results: Record<string, number | string>): void {
  const start = new Date();
  let t = performance.now();
  const built = s.reminders.refresh(start);
  results.reminderBuildSeconds = Number(((performance.now() - t) / 1000).toFixed(2));
  results.reminderContracts = built.contracts;
  results.reminderScheduleRows = (
    s.db.prepare("SELECT count(*) AS n FROM reminder_schedule").get() as { n: number }
  ).n;

  t = performance.now();
  const fired = s.reminders.check(start);
  results.reminderFirstCheckMs = round(performance.now() - t);
  results.reminderFirstCheckFired = fired.length;

  const idle: number[] = [];
  for (let i = 1; i <= 100; i++) {
    const now = new Date(start.getTime() + i * MINUTE);
    t = performance.now();
    s.reminders.check(now);
    idle.push(performance.now() - t);
  }
  results.reminderScanP50Ms = round(percentile(idle, 50));
  results.reminderScanP95Ms = round(percentile(idle, 95));

  const edited: number[] = [];
  const ids = s.db.prepare("SELECT id FROM contracts ORDER BY id LIMIT 50").all() as {
    id: number;
  }[];
  ids.forEach(({ id }, i) => {
    const c = s.register.get(id);
    const endDate = c.endDate ? addDuration(c.endDate, "P1Y") : null;
    s.register.update(id, contractInputSchema.parse({ ...c, endDate }));
    const now = new Date(start.getTime() + (200 + i) * MINUTE);
    t = performance.now();
    s.reminders.check(now);
    edited.push(performance.now() - t);
  });
  results.reminderScanAfterEditP95Ms = round(percentile(edited, 95));

  const lists: number[] = [];
  const upcoming: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    s.reminders.list({ within: 30 });
    lists.push(performance.now() - t);
    t = performance.now();
    s.reminders.upcoming(5);
    upcoming.push(performance.now() - t);
  }
  results.reminderListP95Ms = round(percentile(lists, 95));
  results.reminderUpcomingP95Ms = round(percentile(upcoming, 95));
}
