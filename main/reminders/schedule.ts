/**
 * The materialised schedule: one row per reminder the live contracts give,
 * kept fresh without hooks into the register. Each refresh recomputes
 *
 * - everything, when the settings or the time zone differ from those the
 *   schedule was built with (its `signature`);
 * - contracts whose `updated_at` is at or after the newest one seen (`mark`,
 *   read through the (archived, updated_at) index; "at" so that two writes
 *   in one millisecond are not missed), and contracts the `reminder_dirty`
 *   triggers marked (stage rows changed);
 * - once the day has changed, after the check that claimed what was due,
 *   the contracts with a row whose due date has passed (a renewal rolled
 *   over, a term ended).
 *
 * Dates are computed as of `asOf`, the day of the last check: what came due
 * while the app was closed is still in the schedule on the next start.
 * Writes that reminders make themselves (custom dates, a contract's lead
 * times) recompute that contract at once. All of it runs inside the
 * caller's transaction.
 */
import type { Statement } from "better-sqlite3";
import { localToday } from "../../shared/domain/calendar-date";
import {
  memoFireInstant,
  type ReminderSettings,
  type ScheduledReminder,
  scheduleOf,
  withoutPassedLeads,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import type { SourceReader } from "./sources";
import type { ReminderStore } from "./store";

/** Bump when the rules change, so that existing schedules are rebuilt. */
const RULES_VERSION = 1;

export function signatureOf(settings: ReminderSettings): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { leadDays, fireTime, workingDays } = settings;
  return JSON.stringify({ v: RULES_VERSION, leadDays, fireTime, workingDays, zone });
}

/** The keys of one contract's rows: they all start with `id:`. */
export function keyRange(contractId: number): { lo: string; hi: string } {
  return { lo: `${contractId}:`, hi: `${contractId};` };
}

export interface RefreshOutcome {
  rebuilt: boolean;
  /** Contracts recomputed (all live ones on a rebuild). */
  contracts: number;
}

export class Schedule {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Db,
    private readonly store: ReminderStore,
    private readonly sources: SourceReader,
  ) {
    this.sql = prepare(db);
  }

  isBuilt(): boolean {
    return this.store.meta("signature") !== null;
  }

  /** The day the schedule's dates are computed for. */
  asOf(now: Date): string {
    return this.store.meta("asOf") ?? localToday(now);
  }

  refresh(now: Date): RefreshOutcome {
    const settings = this.store.settings();
    const signature = signatureOf(settings);
    const asOf = this.asOf(now);
    if (this.store.meta("signature") !== signature) {
      const contracts = this.rebuild(asOf, settings, now);
      this.store.putMeta("signature", signature);
      this.store.putMeta("asOf", asOf);
      return { rebuilt: true, contracts };
    }
    const mark = this.store.meta("mark") ?? "";
    const changed = this.sql.changedSince.all({ mark }) as { id: number; updated_at: string }[];
    const dirty = (this.sql.dirty.all() as { contract_id: number }[]).map((r) => r.contract_id);
    const ids = new Set([...changed.map((r) => r.id), ...dirty]);
    for (const id of ids) this.syncOne(id, asOf, settings, now);
    if (dirty.length > 0) this.sql.clearDirty.run();
    let newest = mark;
    for (const r of changed) if (r.updated_at > newest) newest = r.updated_at;
    if (newest !== mark) this.store.putMeta("mark", newest);
    return { rebuilt: false, contracts: ids.size };
  }

  /** Recomputes one contract now (after a write reminders made themselves). */
  syncContract(contractId: number, now: Date): void {
    if (!this.isBuilt()) return;
    this.syncOne(contractId, this.asOf(now), this.store.settings(), now);
  }

  /** Drops one contract's rows (it was deleted). */
  purge(contractId: number): void {
    this.sql.deleteRange.run(keyRange(contractId));
  }

  /**
   * Every row firing at or before the returned instant has a state (was
   * claimed or superseded); the due query starts above it.
   */
  floor(): string {
    const floor = this.store.meta("floor") ?? "";
    const pending = this.store.meta("pendingFloor");
    // A proper prefix sorts just below the instant itself, so that row is included.
    return pending !== null && pending <= floor ? pending.slice(0, -1) : floor;
  }

  /** After a check claimed everything due at `now`: moves the floor and the day. */
  advance(now: Date): void {
    const at = now.toISOString();
    const floor = this.store.meta("floor") ?? "";
    if (at > floor) this.store.putMeta("floor", at);
    this.store.putMeta("pendingFloor", null);
    const today = localToday(now);
    const asOf = this.asOf(now);
    if (today <= asOf) return;
    this.store.putMeta("asOf", today);
    const settings = this.store.settings();
    const passed = this.sql.passed.all({ today }) as { contract_id: number }[];
    for (const { contract_id } of passed) this.syncOne(contract_id, today, settings, now);
  }

  private syncOne(contractId: number, asOf: string, settings: ReminderSettings, now: Date): void {
    const source = this.sources.one(contractId);
    const at = now.toISOString();
    const wanted = source ? withoutPassedLeads(scheduleOf(source, asOf, settings), at) : [];
    const have = new Map<string, string>();
    for (const r of this.sql.range.all(keyRange(contractId)) as Row[]) {
      have.set(r.key, r.fire_at);
    }
    let earliest: string | null = null;
    for (const r of wanted) {
      const known = have.get(r.key);
      have.delete(r.key);
      if (known === r.fireAt) continue;
      this.sql.upsert.run(toRow(r));
      if (earliest === null || r.fireAt < earliest) earliest = r.fireAt;
    }
    for (const key of have.keys()) this.sql.deleteKey.run({ key });
    this.noteAdded(earliest);
  }

  private rebuild(asOf: string, settings: ReminderSettings, now: Date): number {
    // The mark is read first: a contract saved while we compute is seen next time.
    const marks = this.sql.newest.all() as { m: string | null }[];
    let mark = "";
    for (const r of marks) if (r.m !== null && r.m > mark) mark = r.m;
    // Rows go in in key order, the secondary indexes are built afterwards:
    // about twice as fast as keeping them up to date row by row.
    // TODO(reminders): at 100,000 contracts this takes ~11 s in one transaction on the
    // calling thread (the Electron main process on first start or after a settings
    // change); a worker thread or chunked build would keep the window responsive.
    this.db.exec(DROP_INDEXES);
    this.sql.clear.run();
    this.sql.clearDirty.run();
    const instant = memoFireInstant();
    const at = now.toISOString();
    let earliest: string | null = null;
    const sources = this.sources.all();
    sources.sort((a, b) => byText(String(a.contractId), String(b.contractId)));
    for (const source of sources) {
      const rows = withoutPassedLeads(scheduleOf(source, asOf, settings, instant), at);
      rows.sort((a, b) => byText(a.key, b.key));
      for (const r of rows) {
        this.sql.insert.run(toRow(r));
        if (earliest === null || r.fireAt < earliest) earliest = r.fireAt;
      }
    }
    this.db.exec(CREATE_INDEXES);
    this.store.putMeta("mark", mark);
    this.noteAdded(earliest);
    return sources.length;
  }

  /** Rows added below the floor must still be seen by the next due query. */
  private noteAdded(earliest: string | null): void {
    if (earliest === null) return;
    const floor = this.store.meta("floor");
    if (floor === null || earliest > floor) return;
    const pending = this.store.meta("pendingFloor");
    if (pending === null || earliest < pending) this.store.putMeta("pendingFloor", earliest);
  }
}

/** The schedule's secondary indexes, as migration 003 made them. */
const CREATE_INDEXES = `
  CREATE INDEX IF NOT EXISTS reminder_schedule_by_fire_at ON reminder_schedule (fire_at);
  CREATE INDEX IF NOT EXISTS reminder_schedule_by_due_date
    ON reminder_schedule (due_date, fire_at);`;
const DROP_INDEXES = `
  DROP INDEX IF EXISTS reminder_schedule_by_fire_at;
  DROP INDEX IF EXISTS reminder_schedule_by_due_date;`;

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Row {
  key: string;
  fire_at: string;
}

function toRow(r: ScheduledReminder) {
  return {
    key: r.key,
    contract_id: r.contractId,
    kind: r.kind,
    source_id: r.sourceId,
    label: r.label,
    due_date: r.dueDate,
    lead_days: r.leadDays,
    fire_at: r.fireAt,
  };
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const values = "@key, @contract_id, @kind, @source_id, @label, @due_date, @lead_days, @fire_at";
  const columns = "key, contract_id, kind, source_id, label, due_date, lead_days, fire_at";
  return {
    // Two index range reads on contracts (archived, updated_at) WHERE deleted = 0.
    changedSince: s(
      `SELECT id, updated_at FROM contracts
         WHERE deleted = 0 AND archived = 0 AND updated_at >= @mark
       UNION ALL
       SELECT id, updated_at FROM contracts
         WHERE deleted = 0 AND archived = 1 AND updated_at >= @mark`,
    ),
    newest: s(
      `SELECT max(updated_at) AS m FROM contracts WHERE deleted = 0 AND archived = 0
       UNION ALL
       SELECT max(updated_at) AS m FROM contracts WHERE deleted = 0 AND archived = 1`,
    ),
    dirty: s("SELECT contract_id FROM reminder_dirty"),
    clearDirty: s("DELETE FROM reminder_dirty"),
    range: s("SELECT key, fire_at FROM reminder_schedule WHERE key >= @lo AND key < @hi"),
    deleteRange: s("DELETE FROM reminder_schedule WHERE key >= @lo AND key < @hi"),
    deleteKey: s("DELETE FROM reminder_schedule WHERE key = @key"),
    insert: s(`INSERT INTO reminder_schedule (${columns}) VALUES (${values})`),
    upsert: s(`INSERT OR REPLACE INTO reminder_schedule (${columns}) VALUES (${values})`),
    clear: s("DELETE FROM reminder_schedule"),
    passed: s("SELECT DISTINCT contract_id FROM reminder_schedule WHERE due_date < @today"),
  };
}
