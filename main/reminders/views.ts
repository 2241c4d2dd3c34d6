/**
 * Reminders as people see them: a schedule row (or a computed one), its
 * state, and the contract's title. Also the selection rule that the UI list
 * and `pacta reminders` share.
 */
import type { Statement } from "better-sqlite3";
import type { FiredReminder, Reminder, UpcomingDate } from "../../shared/api/reminders";
import {
  type ReminderKind,
  type ReminderState,
  SUPERSEDED,
  supersede,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";

/** A reminder's columns: from the schedule or the state, with the contract's. */
export interface ReminderRow {
  key: string;
  contract_id: number;
  kind: string;
  label: string | null;
  due_date: string;
  lead_days: number;
  fire_at: string;
  state: "fired" | "snoozed" | "dismissed" | null;
  late: number | null;
  fired_at: string | null;
  snoozed_until: string | null;
  dismissed_reason: string | null;
  seq: number | null;
  title: string;
  reference: string | null;
}

export function toReminder(r: ReminderRow): Reminder {
  return {
    key: r.key,
    contractId: r.contract_id,
    contractTitle: r.title,
    contractReference: r.reference,
    kind: r.kind as ReminderKind,
    label: r.label,
    dueDate: r.due_date,
    leadDays: r.lead_days,
    fireAt: r.fire_at,
    state: (r.state ?? "pending") as ReminderState,
    late: r.late === 1,
    firedAt: r.fired_at,
    snoozedUntil: r.snoozed_until,
    dismissedReason: r.dismissed_reason,
  };
}

export const DEFAULT_LIST_STATES: readonly ReminderState[] = ["pending", "fired", "snoozed"];

export interface ListQuery {
  now: string;
  until: string;
  /** Every schedule row firing at or before it has a state. */
  floor: string;
  states: readonly ReminderState[];
  limit: number;
}

/** Soonest due date first, then by contract, shortest lead time first. */
export function byDue(a: Reminder, b: Reminder): number {
  return (
    a.dueDate.localeCompare(b.dueDate) || a.contractId - b.contractId || a.leadDays - b.leadDays
  );
}

/**
 * The reminders due by `until`: a snoozed one when its snooze runs out,
 * any other when it fires. Pending lead times that a shorter one of the
 * same date, also due at `now`, replaces are left out: they never fire.
 * Soonest due date first.
 */
export function selectDue(
  reminders: readonly Reminder[],
  now: string,
  until: string,
  states: readonly ReminderState[] = DEFAULT_LIST_STATES,
): Reminder[] {
  const due = reminders.filter((r) => {
    const at = r.state === "snoozed" && r.snoozedUntil ? r.snoozedUntil : r.fireAt;
    return at <= until && !(r.state === "dismissed" && r.dismissedReason === SUPERSEDED);
  });
  const { superseded } = supersede(due.filter((r) => r.state === "pending" && r.fireAt <= now));
  const hidden = new Set(superseded);
  return due.filter((r) => !hidden.has(r) && states.includes(r.state)).sort(byDue);
}

const STATE_COLUMNS = `r.state, r.late, r.fired_at, r.snoozed_until, r.dismissed_reason, r.seq`;
const LIVE = "c.deleted = 0 AND c.archived = 0";

export class ReminderViews {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    db: Db,
    /** Up to this many reminders in a window, they are read whole and sorted here. */
    private readonly readWholeWindow = 20_000,
  ) {
    this.sql = prepare(db);
  }

  /**
   * The reminders of the current dates due by `until`, soonest due date
   * first: pending ones from the schedule (above the floor, where nothing
   * has a state yet), handled ones through the state's due-date index.
   */
  list(o: ListQuery): Reminder[] {
    const out: Reminder[] = [];
    if (o.states.includes("pending")) out.push(...this.pending(o));
    const handled = o.states.filter((st) => st !== "pending");
    if (handled.length > 0) {
      const rows = this.sql.handledBy.all({
        until: o.until,
        states: `,${handled.join(",")},`,
        limit: o.limit,
      }) as ReminderRow[];
      out.push(...rows.map(toReminder));
    }
    return out.sort(byDue).slice(0, o.limit);
  }

  /**
   * Pending reminders firing by `until`. A small window is read whole through
   * the fire-time index; a large one in due-date order up to the limit.
   */
  private pending(o: ListQuery): Reminder[] {
    const window = { floor: o.floor, until: o.until };
    const { n } = this.sql.pendingCount.get(window) as { n: number };
    if (n === 0) return [];
    const dueNow = this.sql.pendingBy.all({ floor: o.floor, until: o.now }) as ReminderRow[];
    const { superseded } = supersede(dueNow.map((r) => ({ key: r.key, leadDays: r.lead_days })));
    const hidden = new Set(superseded.map((r) => r.key));
    const rows = (
      n <= this.readWholeWindow
        ? this.sql.pendingBy.all(window)
        : this.sql.pendingByDue.all({ ...window, limit: o.limit + hidden.size })
    ) as ReminderRow[];
    const out: Reminder[] = [];
    const contracts = new Map<number, { title: string; reference: string | null } | null>();
    const sorted = rows
      .filter((r) => !hidden.has(r.key))
      .sort(
        (a, b) =>
          a.due_date.localeCompare(b.due_date) ||
          a.contract_id - b.contract_id ||
          a.lead_days - b.lead_days,
      );
    for (const r of sorted) {
      if (out.length >= o.limit) break;
      if (!contracts.has(r.contract_id)) {
        const c = this.sql.liveContract.get({ id: r.contract_id }) as
          | { title: string; reference: string | null }
          | undefined;
        contracts.set(r.contract_id, c ?? null);
      }
      const c = contracts.get(r.contract_id);
      if (c) out.push(toReminder({ ...r, title: c.title, reference: c.reference }));
    }
    return out;
  }

  /** The state of one key, for computed reminders that are not in the schedule. */
  stateOf(key: string): Omit<ReminderRow, "title" | "reference"> | undefined {
    return this.sql.state.get({ key }) as Omit<ReminderRow, "title" | "reference"> | undefined;
  }

  one(key: string): Reminder | null {
    const row = (this.sql.scheduled.get({ key }) ?? this.sql.stateOnly.get({ key })) as
      | ReminderRow
      | undefined;
    return row ? toReminder(row) : null;
  }

  fired(keys: readonly string[]): FiredReminder[] {
    const out: FiredReminder[] = [];
    for (const key of keys) {
      const row = this.sql.stateOnly.get({ key }) as ReminderRow | undefined;
      if (row?.seq != null) out.push({ ...toReminder(row), seq: row.seq });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** What fired after `since`; with 0, the latest `limit`. Oldest first. */
  feed(since: number, limit: number): { cursor: number; items: FiredReminder[] } {
    const rows = (
      since === 0 ? this.sql.feedLatest.all({ limit }) : this.sql.feedSince.all({ since, limit })
    ) as ReminderRow[];
    const items = rows
      .map((r) => ({ ...toReminder(r), seq: r.seq ?? 0 }))
      .sort((a, b) => a.seq - b.seq);
    const last = items.at(-1)?.seq;
    const cursor = last ?? (since === 0 ? this.maxSeq() : since);
    return { cursor, items };
  }

  upcoming(today: string, limit: number): UpcomingDate[] {
    return (this.sql.upcoming.all({ today, limit }) as ReminderRow[]).map((r) => ({
      contractId: r.contract_id,
      contractTitle: r.title,
      contractReference: r.reference,
      kind: r.kind as ReminderKind,
      label: r.label,
      dueDate: r.due_date,
    }));
  }

  private maxSeq(): number {
    return (this.sql.maxSeq.get() as { m: number | null }).m ?? 0;
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const scheduled = `SELECT s.key, s.contract_id, s.kind, s.label, s.due_date, s.lead_days,
      s.fire_at, ${STATE_COLUMNS}, c.title, c.reference
    FROM reminder_schedule s JOIN contracts c ON c.id = s.contract_id AND ${LIVE}
    LEFT JOIN reminder_state r ON r.key = s.key`;
  const stateOnly = `SELECT r.key, r.contract_id, r.kind, r.label, r.due_date, r.lead_days,
      r.fire_at, ${STATE_COLUMNS}, c.title, c.reference
    FROM reminder_state r JOIN contracts c ON c.id = r.contract_id AND ${LIVE}`;
  return {
    pendingBy: s(
      `SELECT s.key, s.contract_id, s.kind, s.label, s.due_date, s.lead_days, s.fire_at,
         NULL AS state, NULL AS late, NULL AS fired_at, NULL AS snoozed_until,
         NULL AS dismissed_reason, NULL AS seq
       FROM reminder_schedule s
       WHERE s.fire_at > @floor AND s.fire_at <= @until
         AND NOT EXISTS (SELECT 1 FROM reminder_state r WHERE r.key = s.key)`,
    ),
    pendingCount: s(
      `SELECT count(*) AS n FROM reminder_schedule
       WHERE fire_at > @floor AND fire_at <= @until`,
    ),
    pendingByDue: s(
      `SELECT s.key, s.contract_id, s.kind, s.label, s.due_date, s.lead_days, s.fire_at,
         NULL AS state, NULL AS late, NULL AS fired_at, NULL AS snoozed_until,
         NULL AS dismissed_reason, NULL AS seq
       FROM reminder_schedule s INDEXED BY reminder_schedule_by_due_date
       WHERE s.fire_at > @floor AND s.fire_at <= @until
         AND NOT EXISTS (SELECT 1 FROM reminder_state r WHERE r.key = s.key)
       ORDER BY s.due_date LIMIT @limit`,
    ),
    // Reads reminder_state_by_due in due-date order and stops at the limit.
    handledBy: s(
      `SELECT r.key, r.contract_id, r.kind, r.label, r.due_date, r.lead_days, r.fire_at,
         ${STATE_COLUMNS}, c.title, c.reference
       FROM reminder_state r
       JOIN reminder_schedule s ON s.key = r.key
       JOIN contracts c ON c.id = r.contract_id AND ${LIVE}
       WHERE (r.dismissed_reason IS NULL OR r.dismissed_reason <> '${SUPERSEDED}')
         AND instr(@states, ',' || r.state || ',') > 0
         AND (CASE WHEN r.state = 'snoozed' THEN r.snoozed_until ELSE r.fire_at END) <= @until
       ORDER BY r.due_date, r.key LIMIT @limit`,
    ),
    liveContract: s(`SELECT title, reference FROM contracts c WHERE id = @id AND ${LIVE}`),
    scheduled: s(`${scheduled} WHERE s.key = @key`),
    stateOnly: s(`${stateOnly} WHERE r.key = @key`),
    state: s(
      `SELECT r.key, r.contract_id, r.kind, r.label, r.due_date, r.lead_days, r.fire_at,
         ${STATE_COLUMNS} FROM reminder_state r WHERE r.key = @key`,
    ),
    feedSince: s(`${stateOnly} WHERE r.seq > @since ORDER BY r.seq LIMIT @limit`),
    feedLatest: s(`${stateOnly} WHERE r.seq IS NOT NULL ORDER BY r.seq DESC LIMIT @limit`),
    maxSeq: s("SELECT max(seq) AS m FROM reminder_state WHERE seq IS NOT NULL"),
    upcoming: s(
      `SELECT DISTINCT s.contract_id, s.kind, s.label, s.due_date, c.title, c.reference
       FROM reminder_schedule s JOIN contracts c ON c.id = s.contract_id AND ${LIVE}
       WHERE s.due_date >= @today ORDER BY s.due_date, s.contract_id LIMIT @limit`,
    ),
  };
}
