/**
 * The sync's tables: settings and cursors (in `settings`), pulled portal
 * records, links, the outbox, conflicts and runs. Statements are prepared
 * once; callers own the transactions.
 */
import type { Statement } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import {
  type ConflictField,
  type ConnectionInfo,
  type SyncRun,
  type SyncSettings,
  syncSettingsSchema,
} from "../../shared/api/sync";
import type { Db } from "../db/open";
import { DEFAULT_SETTINGS, type Plain, type Values } from "./mapping";

export type RecordKind = "company" | "contact" | "deal" | "user" | "item";

export interface Link {
  contractId: number;
  entityTypeId: number;
  itemId: number;
  base: Values;
  remoteUpdatedTime: string | null;
  remoteDeleted: boolean;
}

interface LinkRow {
  contract_id: number;
  entity_type_id: number;
  item_id: number;
  base: string;
  remote_updated_time: string | null;
  remote_deleted: number;
}

export interface ConflictRow {
  id: number;
  contract_id: number;
  field: ConflictField;
  base: string;
  mine: string;
  theirs: string;
  detected_at: string;
}

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  state: SyncRun["state"];
  pulled: number;
  pushed: number;
  conflicts: number;
  errors: number;
  detail: string;
}

const toLink = (r: LinkRow): Link => ({
  contractId: r.contract_id,
  entityTypeId: r.entity_type_id,
  itemId: r.item_id,
  base: JSON.parse(r.base) as Values,
  remoteUpdatedTime: r.remote_updated_time,
  remoteDeleted: r.remote_deleted === 1,
});

export class SyncStore {
  private readonly sql: ReturnType<typeof prepare>;
  /** Whether a portal is connected, read once per import batch; null outside one. */
  private connectedInBatch: boolean | null = null;

  constructor(readonly db: Db) {
    this.sql = prepare(db);
  }

  private getSetting(key: string): string | null {
    const row = this.sql.getSetting.get({ key }) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private setSetting(key: string, value: string | null): void {
    if (value === null) this.sql.deleteSetting.run({ key });
    else this.sql.setSetting.run({ key, value });
  }

  settings(): SyncSettings {
    const text = this.getSetting("sync.settings");
    if (text === null) return DEFAULT_SETTINGS;
    const parsed = syncSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  saveSettings(settings: SyncSettings): void {
    this.setSetting("sync.settings", JSON.stringify(settings));
  }

  connection(): ConnectionInfo | null {
    const text = this.getSetting("sync.connection");
    return text === null ? null : (JSON.parse(text) as ConnectionInfo);
  }

  saveConnection(info: ConnectionInfo | null): void {
    this.setSetting("sync.connection", info === null ? null : JSON.stringify(info));
  }

  /** The latest portal `updatedTime` seen for a kind, as the portal wrote it. */
  cursor(kind: string): string | null {
    return this.getSetting(`sync.cursor.${kind}`);
  }

  setCursor(kind: string, value: string | null): void {
    this.setSetting(`sync.cursor.${kind}`, value);
  }

  /** Forgets what was pulled (a new portal or a new target starts from scratch). */
  forgetPortal(): void {
    this.db.exec(`
      DELETE FROM portal_records;
      DELETE FROM sync_conflicts;
      DELETE FROM bizproc_tasks;
      DELETE FROM sync_links;
      DELETE FROM settings WHERE key LIKE 'sync.cursor.%';
    `);
  }

  saveRecord(kind: RecordKind, id: number, title: string, updated: string | null, data: object) {
    this.sql.saveRecord.run({ kind, id, title, updated, data: JSON.stringify(data) });
  }

  record(kind: RecordKind, id: number): { title: string; data: Record<string, unknown> } | null {
    const row = this.sql.record.get({ kind, id }) as { title: string; data: string } | undefined;
    return row ? { title: row.title, data: JSON.parse(row.data) as Record<string, unknown> } : null;
  }

  recordIds(kind: RecordKind): number[] {
    return (this.sql.recordIds.all({ kind }) as { id: number }[]).map((r) => r.id);
  }

  deleteRecord(kind: RecordKind, id: number): void {
    this.sql.deleteRecord.run({ kind, id });
  }

  linkOf(contractId: number): Link | null {
    const row = this.sql.linkOf.get({ contractId }) as LinkRow | undefined;
    return row ? toLink(row) : null;
  }

  linkByItem(entityTypeId: number, itemId: number): Link | null {
    const row = this.sql.linkByItem.get({ entityTypeId, itemId }) as LinkRow | undefined;
    return row ? toLink(row) : null;
  }

  saveLink(link: Omit<Link, "remoteDeleted"> & { remoteDeleted?: boolean }): void {
    this.sql.saveLink.run({
      contractId: link.contractId,
      entityTypeId: link.entityTypeId,
      itemId: link.itemId,
      base: JSON.stringify(link.base),
      updated: link.remoteUpdatedTime,
      deleted: link.remoteDeleted ? 1 : 0,
    });
  }

  /** Live contract ids by uid, for linking items that carry our origin id. */
  contractByUid(uid: string): number | null {
    const row = this.sql.contractByUid.get({ uid }) as { id: number } | undefined;
    return row?.id ?? null;
  }

  isDeletedContract(id: number): boolean {
    const row = this.sql.deleted.get({ id }) as { deleted: number } | undefined;
    return row === undefined || row.deleted === 1;
  }

  /**
   * Queues the contract's edit, only while a portal is connected. Call
   * inside the edit's transaction: the check and the insert see the same
   * state. Two plain statements rather than one INSERT ... SELECT: a
   * statement that may write several rows opens a savepoint, and every
   * savepoint makes the search index (FTS5) write out what it holds in
   * memory, which made each imported row cost a search-index flush.
   */
  enqueue(contractId: number, action: string, at: string | (() => string)): void {
    const connected = this.connectedInBatch ?? this.sql.connected.get() !== undefined;
    if (!connected) return;
    this.sql.enqueue.run(contractId, action, typeof at === "string" ? at : at());
  }

  /**
   * Reads once whether a portal is connected, for the import batch that
   * begins (it holds the write lock, so no one connects or disconnects
   * meanwhile), until `endBatch`.
   */
  beginBatch(): void {
    this.connectedInBatch = this.sql.connected.get() !== undefined;
  }

  endBatch(): void {
    this.connectedInBatch = null;
  }

  /** Contracts waiting in the outbox, in the order of their first waiting edit. */
  pendingContracts(): { contractId: number; lastId: number; attempts: number }[] {
    return this.sql.pending.all() as { contractId: number; lastId: number; attempts: number }[];
  }

  pendingCount(): number {
    return (this.sql.pendingCount.get() as { n: number }).n;
  }

  /** Removes a contract's outbox entries up to `lastId` (later edits stay queued). */
  sent(contractId: number, lastId: number): void {
    this.sql.sent.run({ contractId, lastId });
  }

  failed(contractId: number, lastId: number, error: string): void {
    this.sql.failed.run({ contractId, lastId, error });
  }

  conflictsOf(contractId: number): Map<ConflictField, ConflictRow> {
    const rows = this.sql.conflictsOf.all({ contractId }) as ConflictRow[];
    return new Map(rows.map((r) => [r.field, r]));
  }

  allConflicts(): (ConflictRow & { title: string })[] {
    return this.sql.allConflicts.all() as (ConflictRow & { title: string })[];
  }

  conflict(id: number): ConflictRow | null {
    return (this.sql.conflict.get({ id }) as ConflictRow | undefined) ?? null;
  }

  saveConflict(contractId: number, field: ConflictField, base: Plain, mine: Plain, theirs: Plain) {
    this.sql.saveConflict.run({
      contractId,
      field,
      base: JSON.stringify(base ?? null),
      mine: JSON.stringify(mine ?? null),
      theirs: JSON.stringify(theirs ?? null),
      at: new Date().toISOString(),
    });
  }

  deleteConflict(id: number): void {
    this.sql.deleteConflict.run({ id });
  }

  conflictCount(): number {
    return (this.sql.conflictCount.get() as { n: number }).n;
  }

  startRun(at: string): number {
    return Number(this.sql.startRun.run({ at }).lastInsertRowid);
  }

  finishRun(run: SyncRun): void {
    this.sql.finishRun.run({ ...run, detail: JSON.stringify(run.detail) });
  }

  lastRun(): SyncRun | null {
    const row = this.sql.lastRun.get() as RunRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      state: row.state,
      pulled: row.pulled,
      pushed: row.pushed,
      conflicts: row.conflicts,
      errors: row.errors,
      detail: JSON.parse(row.detail) as SyncRun["detail"],
    };
  }

  /**
   * One sync at a time per data folder, across processes (the app and a
   * `pacta sync` in a terminal). A lock whose process is gone (killed,
   * crashed) is taken over, and the run it left `running` is marked failed.
   */
  lock(pid: number, at: string): void {
    this.db
      .transaction(() => {
        const held = this.getSetting("sync.lock");
        const owner = held === null ? null : (JSON.parse(held) as { pid: number; at: string });
        if (owner && owner.pid !== pid && isAlive(owner.pid)) {
          throw new PactaError(
            "sync_running",
            `another Pacta process (pid ${owner.pid}) has been syncing since ${owner.at}`,
          );
        }
        this.sql.abandon.run({ at });
        this.setSetting("sync.lock", JSON.stringify({ pid, at }));
      })
      .immediate();
  }

  unlock(pid: number): void {
    const held = this.getSetting("sync.lock");
    if (held !== null && (JSON.parse(held) as { pid: number }).pid === pid) {
      this.setSetting("sync.lock", null);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    getSetting: s("SELECT value FROM settings WHERE key = @key"),
    setSetting: s(
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    deleteSetting: s("DELETE FROM settings WHERE key = @key"),
    saveRecord: s(
      `INSERT INTO portal_records (kind, id, title, updated_time, data)
       VALUES (@kind, @id, @title, @updated, @data)
       ON CONFLICT (kind, id) DO UPDATE SET title = excluded.title,
         updated_time = excluded.updated_time, data = excluded.data`,
    ),
    record: s("SELECT title, data FROM portal_records WHERE kind = @kind AND id = @id"),
    recordIds: s("SELECT id FROM portal_records WHERE kind = @kind ORDER BY id"),
    deleteRecord: s("DELETE FROM portal_records WHERE kind = @kind AND id = @id"),
    linkOf: s("SELECT * FROM sync_links WHERE contract_id = @contractId"),
    linkByItem: s(
      "SELECT * FROM sync_links WHERE entity_type_id = @entityTypeId AND item_id = @itemId",
    ),
    saveLink: s(
      `INSERT INTO sync_links
         (contract_id, entity_type_id, item_id, base, remote_updated_time, remote_deleted)
       VALUES (@contractId, @entityTypeId, @itemId, @base, @updated, @deleted)
       ON CONFLICT (contract_id) DO UPDATE SET entity_type_id = excluded.entity_type_id,
         item_id = excluded.item_id, base = excluded.base,
         remote_updated_time = excluded.remote_updated_time,
         remote_deleted = excluded.remote_deleted`,
    ),
    deleted: s("SELECT deleted FROM contracts WHERE id = @id"),
    contractByUid: s("SELECT id FROM contracts WHERE uid = @uid AND deleted = 0"),
    // Only while connected: connecting queues the whole register (see SyncService.adopt),
    // so a register that never syncs keeps no outbox.
    connected: s("SELECT 1 FROM settings WHERE key = 'sync.connection'"),
    enqueue: s("INSERT INTO sync_outbox (contract_id, action, at) VALUES (?, ?, ?)"),
    pending: s(
      `SELECT contract_id AS contractId, MAX(id) AS lastId, MAX(attempts) AS attempts
       FROM sync_outbox GROUP BY contract_id ORDER BY MIN(id)`,
    ),
    pendingCount: s("SELECT COUNT(DISTINCT contract_id) AS n FROM sync_outbox"),
    sent: s("DELETE FROM sync_outbox WHERE contract_id = @contractId AND id <= @lastId"),
    failed: s(
      `UPDATE sync_outbox SET attempts = attempts + 1, last_error = @error
       WHERE contract_id = @contractId AND id <= @lastId`,
    ),
    conflictsOf: s("SELECT * FROM sync_conflicts WHERE contract_id = @contractId"),
    allConflicts: s(
      `SELECT k.*, c.title FROM sync_conflicts k JOIN contracts c ON c.id = k.contract_id
       ORDER BY k.contract_id, k.id`,
    ),
    conflict: s("SELECT * FROM sync_conflicts WHERE id = @id"),
    saveConflict: s(
      `INSERT INTO sync_conflicts (contract_id, field, base, mine, theirs, detected_at)
       VALUES (@contractId, @field, @base, @mine, @theirs, @at)
       ON CONFLICT (contract_id, field) DO UPDATE SET mine = excluded.mine,
         theirs = excluded.theirs, detected_at = excluded.detected_at`,
    ),
    deleteConflict: s("DELETE FROM sync_conflicts WHERE id = @id"),
    conflictCount: s("SELECT COUNT(*) AS n FROM sync_conflicts"),
    startRun: s("INSERT INTO sync_runs (started_at, state) VALUES (@at, 'running')"),
    finishRun: s(
      `UPDATE sync_runs SET finished_at = @finishedAt, state = @state, pulled = @pulled,
         pushed = @pushed, conflicts = @conflicts, errors = @errors, detail = @detail
       WHERE id = @id`,
    ),
    lastRun: s("SELECT * FROM sync_runs ORDER BY id DESC LIMIT 1"),
    abandon: s(
      `UPDATE sync_runs SET state = 'failed', finished_at = @at,
         detail = json_object('pulledBy', json('{}'), 'created', 0, 'updated', 0,
           'problems', json_array(json_object('where', 'sync',
             'message', 'the sync stopped before it finished (the app was closed or crashed)')))
       WHERE state = 'running'`,
    ),
  };
}
