/**
 * Runs the reminder scan on a timer: at start (which fires, marked late,
 * what came due while the app was closed), then every minute or at the next
 * fire time, whichever comes first. Fired reminders go to a notifier: the
 * Electron door shows native notifications; the headless host leaves them
 * in the feed the UI polls. Clock and timer are injected for tests.
 */
import type { FiredReminder } from "../../shared/api/reminders";
import { messageOf } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("reminders");

/** Shows what a check fired (reminders by default; digests use the same scheduler). */
export interface Notifier<T = FiredReminder> {
  notify(fired: readonly T[]): void;
}

/** The headless door's notifier: the reminders wait in the feed; this only logs. */
export const feedNotifier: Notifier = {
  notify: (fired) => log.info({ count: fired.length }, "reminders in the feed"),
};

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: Timer = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending check must not keep a CLI process alive on its own.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the scheduler needs of the reminders (or digests) service. */
export interface Checkable<T = FiredReminder> {
  check(now: Date): T[];
  nextFireAt(now: Date): string | null;
}

export interface SchedulerOptions {
  now?: () => Date;
  timer?: Timer;
  /** Longest wait between two checks. */
  intervalMs?: number;
}

export const CHECK_INTERVAL_MS = 60_000;

/** How long to wait for the next check: until the next fire time, at most `interval`. */
export function delayUntilNext(now: Date, nextFireAt: string | null, intervalMs: number): number {
  if (nextFireAt === null) return intervalMs;
  const wait = Date.parse(nextFireAt) - now.getTime();
  return Math.max(1000, Math.min(intervalMs, wait));
}

export class ReminderScheduler<T = FiredReminder> {
  private readonly now: () => Date;
  private readonly timer: Timer;
  private readonly intervalMs: number;
  private handle: unknown = null;
  private running = false;

  constructor(
    private readonly reminders: Checkable<T>,
    private readonly notifier: Notifier<T>,
    options: SchedulerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.timer = options.timer ?? realTimer;
    this.intervalMs = options.intervalMs ?? CHECK_INTERVAL_MS;
  }

  /** Checks at once (catching up on downtime), then keeps checking. */
  start(): T[] {
    this.running = true;
    return this.tick();
  }

  stop(): void {
    this.running = false;
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
  }

  /** One check now; schedules the next when running. */
  tick(): T[] {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
    let fired: T[] = [];
    const now = this.now();
    try {
      fired = this.reminders.check(now);
    } catch (error) {
      // A busy or locked database is retried at the next tick.
      log.error({ err: messageOf(error) }, "reminder check failed");
    }
    if (fired.length > 0) {
      try {
        this.notifier.notify(fired);
      } catch (error) {
        log.error({ err: messageOf(error) }, "notifier failed");
      }
    }
    if (this.running) this.scheduleNext(now);
    return fired;
  }

  private scheduleNext(now: Date): void {
    let next: string | null = null;
    try {
      next = this.reminders.nextFireAt(now);
    } catch (error) {
      log.warn({ err: messageOf(error) }, "next fire time unknown");
    }
    this.handle = this.timer.set(() => this.tick(), delayUntilNext(now, next, this.intervalMs));
  }
}
