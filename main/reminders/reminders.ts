/**
 * Reminders computed from contracts: notice deadlines, decision dates, term
 * ends, stage due dates and custom dates, with their fired, snoozed and
 * dismissed state. Plain service: no timers here (see `scheduler.ts`), no
 * Electron. Every write is one synchronous transaction; `check` is an
 * IMMEDIATE one, so two processes on one database take turns.
 */
import type {
  ContractReminderSettings,
  CustomDate,
  FiredReminder,
  IcsFile,
  Reminder,
  ReminderFeed,
  UpcomingDate,
} from "../../shared/api/reminders";
import { PactaError } from "../../shared/api/result";
import { localToday } from "../../shared/domain/calendar-date";
import type { ExplainLocale } from "../../shared/domain/explain-dates";
import {
  type ReminderSettings,
  type ReminderState,
  type SnoozePreset,
  snoozeUntil,
} from "../../shared/domain/reminder-rules";
import { trackStageChanges } from "../db/migrations/003-reminders";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import { CustomDates } from "./custom-dates";
import { type DueReminder, Firing } from "./firing";
import { buildIcs } from "./ics";
import { previewReminders } from "./preview";
import { type RefreshOutcome, Schedule } from "./schedule";
import { SourceReader } from "./sources";
import { ReminderStore } from "./store";
import { DEFAULT_LIST_STATES, ReminderViews } from "./views";

const log = createLogger("reminders");

export interface ReminderOptions {
  now: () => Date;
}

export interface ListOptions {
  /** Also what becomes due within this many days. */
  within?: number;
  states?: readonly ReminderState[];
  limit?: number;
}

/** `now` plus whole calendar days, same local time of day. */
export function daysLater(now: Date, days: number): Date {
  const later = new Date(now);
  later.setDate(later.getDate() + days);
  return later;
}

export class Reminders {
  private readonly store: ReminderStore;
  private readonly sources: SourceReader;
  private readonly schedule: Schedule;
  private readonly firing: Firing;
  private readonly views: ReminderViews;
  private readonly custom: CustomDates;
  private readonly listeners = new Set<(settings: ReminderSettings) => void>();

  constructor(
    readonly db: Db,
    readonly options: ReminderOptions,
  ) {
    // Databases migrated before the lifecycle tables existed (development only).
    trackStageChanges(db);
    this.store = new ReminderStore(db);
    this.sources = new SourceReader(db);
    this.schedule = new Schedule(db, this.store, this.sources);
    this.firing = new Firing(db, this.schedule);
    this.views = new ReminderViews(db);
    this.custom = new CustomDates(db, this.store, this.schedule);
  }

  /** Brings the schedule up to date with the register; builds it the first time. */
  refresh(now = this.options.now()): RefreshOutcome {
    const outcome = this.db.transaction(() => this.schedule.refresh(now)).immediate();
    if (outcome.rebuilt) log.info({ contracts: outcome.contracts }, "reminder schedule built");
    return outcome;
  }

  /** What is due at `now` and not yet claimed (nothing is claimed here). */
  due(now = this.options.now()): DueReminder[] {
    this.refresh(now);
    return this.firing.due(now, this.schedule.floor(), this.schedule.asOf(now));
  }

  /**
   * The scan: refresh, claim what is due, move the day on. Answers the
   * reminders this call fired; another process or an earlier run never
   * gets the same one.
   */
  check(now = this.options.now()): FiredReminder[] {
    const keys = this.db
      .transaction(() => {
        const outcome = this.schedule.refresh(now);
        if (outcome.rebuilt) log.info({ contracts: outcome.contracts }, "schedule built");
        const due = this.firing.due(now, this.schedule.floor(), this.schedule.asOf(now));
        const claimed = this.firing.claim(due, now);
        this.schedule.advance(now);
        return claimed;
      })
      .immediate();
    const fired = this.views.fired(keys);
    if (fired.length > 0) {
      log.info({ count: fired.length, late: fired.filter((f) => f.late).length }, "fired");
    }
    return fired;
  }

  /** Claims reminders found due earlier; answers the keys this call won. */
  claim(due: readonly DueReminder[], now = this.options.now()): string[] {
    return this.db.transaction(() => this.firing.claim(due, now)).immediate();
  }

  /** The next instant something may fire, for the scheduler's timer. */
  nextFireAt(now = this.options.now()): string | null {
    const at = now.toISOString();
    const row = this.db
      .prepare(
        `SELECT min(t) AS t FROM (
           SELECT min(fire_at) AS t FROM reminder_schedule WHERE fire_at > @at
           UNION ALL
           SELECT min(snoozed_until) FROM reminder_state
           WHERE state = 'snoozed' AND snoozed_until > @at)`,
      )
      .get({ at }) as { t: string | null };
    return row.t;
  }

  list(options: ListOptions = {}, now = this.options.now()): Reminder[] {
    this.refresh(now);
    return this.views.list({
      now: now.toISOString(),
      until: daysLater(now, options.within ?? 0).toISOString(),
      floor: this.schedule.floor(),
      states: options.states ?? DEFAULT_LIST_STATES,
      limit: options.limit ?? 500,
    });
  }

  /**
   * `pacta reminders`: what is due at `now` or within `within` days,
   * computed from the contracts as of that day. Reads only: it neither
   * builds the schedule nor claims anything.
   */
  preview(now: Date, within = 0, states?: readonly ReminderState[]): Reminder[] {
    return previewReminders(this.db, this.sources.all(), this.store.settings(), this.views, {
      now,
      until: daysLater(now, within),
      ...(states ? { states } : {}),
    });
  }

  upcoming(limit = 5, now = this.options.now()): UpcomingDate[] {
    this.refresh(now);
    return this.views.upcoming(localToday(now), limit);
  }

  snooze(key: string, until: { preset: SnoozePreset } | { until: Date }): Reminder {
    const now = this.options.now();
    const at = "preset" in until ? snoozeUntil(until.preset, now) : until.until;
    this.db
      .transaction(() => {
        this.mustFind(key);
        this.firing.snooze(key, at, now);
      })
      .immediate();
    return this.mustFind(key);
  }

  dismiss(key: string, reason: string): Reminder {
    const now = this.options.now();
    this.db
      .transaction(() => {
        this.mustFind(key);
        this.firing.dismiss(key, reason, now);
      })
      .immediate();
    return this.mustFind(key);
  }

  feed(since = 0, limit = 50): ReminderFeed {
    return this.views.feed(since, limit);
  }

  getSettings(): ReminderSettings {
    return this.store.settings();
  }

  /** Saves settings; the next scan rebuilds the schedule when they changed it. */
  setSettings(change: Partial<ReminderSettings>): ReminderSettings {
    this.db.transaction(() => this.store.putSettings(change)).immediate();
    const settings = this.store.settings();
    for (const listener of this.listeners) listener(settings);
    return settings;
  }

  /** Called after every settings change made through this service. */
  onSettingsChange(listener: (settings: ReminderSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  contractSettings(contractId: number): ContractReminderSettings {
    return this.store.contractSettings(contractId);
  }

  setContractSettings(
    contractId: number,
    workingDays: boolean | null,
    leadDays: number[] | null,
  ): ContractReminderSettings {
    const now = this.options.now();
    this.db
      .transaction(() => {
        this.store.putContractSettings(contractId, workingDays, leadDays);
        this.schedule.syncContract(contractId, now);
      })
      .immediate();
    return this.store.contractSettings(contractId);
  }

  customDates(contractId: number): CustomDate[] {
    return this.custom.list(contractId);
  }

  addCustomDate(input: { contractId: number; date: string; label: string }): CustomDate {
    return this.custom.add(input, this.options.now());
  }

  removeCustomDate(id: number): { id: number } {
    return this.custom.remove(id, this.options.now());
  }

  /** The key dates from today on, as an iCalendar file with an alarm per lead time. */
  async exportIcs(
    options: { contractId?: number; language?: ExplainLocale } = {},
  ): Promise<IcsFile> {
    const now = this.options.now();
    const { contractId } = options;
    if (contractId !== undefined) this.store.requireContract(contractId);
    const one = contractId === undefined ? null : this.sources.one(contractId);
    const sources = contractId === undefined ? this.sources.all() : one ? [one] : [];
    return buildIcs(this.db, sources, {
      today: localToday(now),
      settings: this.store.settings(),
      language: options.language ?? "fr",
      ...(contractId === undefined ? {} : { contractId }),
    });
  }

  private mustFind(key: string): Reminder {
    const found = this.views.one(key);
    if (!found) throw new PactaError("not_found", `there is no reminder "${key}"`);
    return found;
  }
}
