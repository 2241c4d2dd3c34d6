/**
 * Claiming, snoozing and dismissing reminders. A claim is an INSERT into
 * `reminder_state` that does nothing when the row is already there: the
 * process whose insert wrote the row fires the reminder, any other process
 * (or a restart of this one) finds it taken. A run-out snooze is claimed the
 * same way, by an UPDATE that only matches while the row is still snoozed.
 *
 * TODO(reminders): state rows of dates long past are kept for ever (a few
 * per contract and year); prune those older than a year once history needs
 * are known.
 */
import type { Statement } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import {
  isLate,
  occurrenceKeyOf,
  type ReminderKind,
  SUPERSEDED,
  supersede,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import type { Schedule } from "./schedule";

export interface DueReminder {
  key: string;
  contractId: number;
  kind: ReminderKind;
  sourceId: number | null;
  label: string | null;
  dueDate: string;
  leadDays: number;
  fireAt: string;
  /** Set when the reminder is due again because its snooze ran out. */
  snoozedUntil: string | null;
}

interface DueRow {
  key: string;
  contract_id: number;
  kind: string;
  source_id: number | null;
  label: string | null;
  due_date: string;
  lead_days: number;
  fire_at: string;
  snoozed_until: string | null;
  live: number;
}

const DUE_COLUMNS = `contract_id, kind, source_id, label, due_date, lead_days, fire_at`;

/** The next feed number; claims run in IMMEDIATE transactions, so it is unique. */
const NEXT_SEQ = "(SELECT coalesce(max(seq), 0) + 1 FROM reminder_state WHERE seq IS NOT NULL)";

export class Firing {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    db: Db,
    private readonly schedule: Schedule,
  ) {
    this.sql = prepare(db);
  }

  /**
   * What is due at `now`: schedule rows above the floor that fire by now
   * and have no state, and snoozes that ran out. Rows of deleted contracts
   * met on the way are dropped from the schedule.
   */
  due(now: Date, floor: string, asOf: string): DueReminder[] {
    const at = now.toISOString();
    const rows = [
      ...(this.sql.dueNew.all({ floor, now: at }) as DueRow[]),
      ...(this.sql.dueSnoozed.all({ now: at, asOf }) as DueRow[]),
    ];
    const out: DueReminder[] = [];
    for (const r of rows) {
      if (r.live === 1) out.push(toDue(r));
      else if (r.snoozed_until === null) this.schedule.purge(r.contract_id);
    }
    return out;
  }

  /** Claims what `due` returned; answers the keys this call fired. */
  claim(due: readonly DueReminder[], now: Date): string[] {
    const at = now.toISOString();
    const claimed: string[] = [];
    const { fire, superseded } = supersede(due.filter((d) => d.snoozedUntil === null));
    for (const d of superseded) {
      this.sql.insertDismissed.run({ ...row(d), reason: SUPERSEDED, at });
    }
    for (const d of fire) {
      const late = isLate(d.fireAt, now) ? 1 : 0;
      if (this.sql.insertFired.run({ ...row(d), late, at }).changes === 1) claimed.push(d.key);
    }
    for (const d of due) {
      if (d.snoozedUntil === null) continue;
      const late = isLate(d.snoozedUntil, now) ? 1 : 0;
      if (this.sql.refire.run({ key: d.key, late, at }).changes === 1) claimed.push(d.key);
    }
    return claimed;
  }

  snooze(key: string, until: Date, now: Date): void {
    if (until.getTime() <= now.getTime()) {
      throw new PactaError("invalid_argument", "a reminder can only be snoozed until later", [
        { path: ["until"], message: "must be in the future" },
      ]);
    }
    const args = { key, until: until.toISOString(), at: now.toISOString() };
    if (this.sql.snoozeKnown.run(args).changes === 1) return;
    if (this.sql.snoozeNew.run(args).changes === 1) return;
    throw new PactaError("not_found", `there is no reminder "${key}"`);
  }

  /** Dismisses the reminder and every other lead time of the same date. */
  dismiss(key: string, reason: string, now: Date): void {
    const at = now.toISOString();
    const known = this.sql.dismissKnown.run({ key, reason, at }).changes;
    const occurrence = occurrenceKeyOf(key);
    const siblings = this.sql.dismissRange.run({
      lo: `${occurrence}:`,
      hi: `${occurrence};`,
      reason,
      at,
    }).changes;
    if (known + siblings === 0) throw new PactaError("not_found", `there is no reminder "${key}"`);
  }
}

function toDue(r: DueRow): DueReminder {
  return {
    key: r.key,
    contractId: r.contract_id,
    kind: r.kind as ReminderKind,
    sourceId: r.source_id,
    label: r.label,
    dueDate: r.due_date,
    leadDays: r.lead_days,
    fireAt: r.fire_at,
    snoozedUntil: r.snoozed_until,
  };
}

function row(d: DueReminder) {
  return {
    key: d.key,
    contract_id: d.contractId,
    kind: d.kind,
    source_id: d.sourceId,
    label: d.label,
    due_date: d.dueDate,
    lead_days: d.leadDays,
    fire_at: d.fireAt,
  };
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const live = "(c.deleted = 0 AND c.archived = 0) AS live";
  const insert = `INSERT INTO reminder_state (key, ${DUE_COLUMNS}, state, fired_at, late,
    dismissed_reason, seq, updated_at)`;
  const values = "@key, @contract_id, @kind, @source_id, @label, @due_date, @lead_days, @fire_at";
  const fromSchedule = `SELECT key, ${DUE_COLUMNS}`;
  return {
    dueNew: s(
      `SELECT s.key, ${DUE_COLUMNS.replace(/(\w+)/g, "s.$1")}, NULL AS snoozed_until, ${live}
       FROM reminder_schedule s JOIN contracts c ON c.id = s.contract_id
       WHERE s.fire_at > @floor AND s.fire_at <= @now
         AND NOT EXISTS (SELECT 1 FROM reminder_state r WHERE r.key = s.key)`,
    ),
    // A snooze of a date that changed (its key left the schedule) lapses;
    // one of a date that has passed still runs out.
    dueSnoozed: s(
      `SELECT r.key, ${DUE_COLUMNS.replace(/(\w+)/g, "r.$1")}, r.snoozed_until, ${live}
       FROM reminder_state r JOIN contracts c ON c.id = r.contract_id
       WHERE r.state = 'snoozed' AND r.snoozed_until <= @now
         AND (r.due_date < @asOf
              OR EXISTS (SELECT 1 FROM reminder_schedule s WHERE s.key = r.key))`,
    ),
    insertFired: s(
      `${insert} VALUES (${values}, 'fired', @at, @late, NULL,
         ${NEXT_SEQ}, @at)
       ON CONFLICT (key) DO NOTHING`,
    ),
    insertDismissed: s(
      `${insert} VALUES (${values}, 'dismissed', NULL, 0, @reason, NULL, @at)
       ON CONFLICT (key) DO NOTHING`,
    ),
    refire: s(
      `UPDATE reminder_state SET state = 'fired', fired_at = @at, late = @late,
         snoozed_until = NULL, seq = ${NEXT_SEQ},
         updated_at = @at
       WHERE key = @key AND state = 'snoozed' AND snoozed_until <= @at`,
    ),
    snoozeKnown: s(
      `UPDATE reminder_state SET state = 'snoozed', snoozed_until = @until,
         dismissed_reason = NULL, updated_at = @at WHERE key = @key`,
    ),
    snoozeNew: s(
      `INSERT INTO reminder_state (key, ${DUE_COLUMNS}, state, snoozed_until, updated_at)
       ${fromSchedule}, 'snoozed', @until, @at FROM reminder_schedule WHERE key = @key`,
    ),
    dismissKnown: s(
      `UPDATE reminder_state SET state = 'dismissed', dismissed_reason = @reason,
         snoozed_until = NULL, updated_at = @at WHERE key = @key`,
    ),
    dismissRange: s(
      `INSERT INTO reminder_state (key, ${DUE_COLUMNS}, state, dismissed_reason, updated_at)
       ${fromSchedule}, 'dismissed', @reason, @at FROM reminder_schedule
       WHERE key >= @lo AND key < @hi
       ON CONFLICT (key) DO UPDATE SET state = 'dismissed',
         dismissed_reason = excluded.dismissed_reason, snoozed_until = NULL,
         updated_at = excluded.updated_at`,
    ),
  };
}
