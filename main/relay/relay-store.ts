/**
 * The relay's table (`relay_invocations`, migration 009) and its one
 * setting, the application token's hash. Statements are prepared once.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/open";

export type InvocationState = "received" | "waiting" | "answered" | "failed";

export interface Invocation {
  id: number;
  eventToken: string;
  workflowId: string;
  code: string;
  documentId: string[];
  properties: Record<string, string>;
  receivedAt: string;
  state: InvocationState;
  entityTypeId: number | null;
  itemId: number | null;
  waitStage: string;
  returnValues: Record<string, string | number> | null;
  answeredAt: string | null;
  attempts: number;
  lastError: string | null;
}

interface Row {
  id: number;
  event_token: string;
  workflow_id: string;
  code: string;
  document_id: string;
  properties: string;
  received_at: string;
  state: InvocationState;
  entity_type_id: number | null;
  item_id: number | null;
  wait_stage: string;
  return_values: string | null;
  answered_at: string | null;
  attempts: number;
  last_error: string | null;
}

const toInvocation = (r: Row): Invocation => ({
  id: r.id,
  eventToken: r.event_token,
  workflowId: r.workflow_id,
  code: r.code,
  documentId: JSON.parse(r.document_id) as string[],
  properties: JSON.parse(r.properties) as Record<string, string>,
  receivedAt: r.received_at,
  state: r.state,
  entityTypeId: r.entity_type_id,
  itemId: r.item_id,
  waitStage: r.wait_stage,
  returnValues: r.return_values === null ? null : JSON.parse(r.return_values),
  answeredAt: r.answered_at,
  attempts: r.attempts,
  lastError: r.last_error,
});

const TOKEN_KEY = "relay.applicationTokenHash";

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest();

export class RelayStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(readonly db: Db) {
    this.sql = prepare(db);
  }

  /** Keeps only a hash of the application token: enough to check calls, useless to a thief. */
  saveApplicationToken(token: string): void {
    this.sql.setSetting.run({ key: TOKEN_KEY, value: hash(token).toString("hex") });
  }

  hasApplicationToken(): boolean {
    return this.sql.getSetting.get({ key: TOKEN_KEY }) !== undefined;
  }

  /** Compares in constant time; false when no install was received yet. */
  checkApplicationToken(token: string): boolean {
    const row = this.sql.getSetting.get({ key: TOKEN_KEY }) as { value: string } | undefined;
    if (!row) return false;
    const expected = Buffer.from(row.value, "hex");
    const given = hash(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Stores a call; false when its event token was seen before (a replay). */
  insert(input: {
    eventToken: string;
    workflowId: string;
    code: string;
    documentId: string[];
    properties: Record<string, string>;
    waitStage: string;
    at: string;
  }): number | null {
    const info = this.sql.insert.run({
      ...input,
      documentId: JSON.stringify(input.documentId),
      properties: JSON.stringify(input.properties),
    });
    return info.changes === 0 ? null : Number(info.lastInsertRowid);
  }

  get(id: number): Invocation | null {
    const row = this.sql.get.get({ id }) as Row | undefined;
    return row ? toInvocation(row) : null;
  }

  pending(): Invocation[] {
    return (this.sql.pending.all() as Row[]).map(toInvocation);
  }

  all(): Invocation[] {
    return (this.sql.all.all() as Row[]).map(toInvocation);
  }

  linked(id: number, entityTypeId: number, itemId: number): void {
    this.sql.linked.run({ id, entityTypeId, itemId });
  }

  answered(id: number, values: Record<string, string | number>, at: string): void {
    this.sql.answered.run({ id, values: JSON.stringify(values), at });
  }

  failed(id: number, error: string, final: boolean): void {
    this.sql.failed.run({ id, error, final: final ? 1 : 0 });
  }
}

function prepare(db: Db) {
  return {
    getSetting: db.prepare("SELECT value FROM settings WHERE key = @key"),
    setSetting: db.prepare(
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    insert: db.prepare(
      `INSERT INTO relay_invocations (event_token, workflow_id, code, document_id, properties,
         received_at, state, wait_stage)
       VALUES (@eventToken, @workflowId, @code, @documentId, @properties, @at, 'received',
         @waitStage)
       ON CONFLICT (event_token) DO NOTHING`,
    ),
    get: db.prepare("SELECT * FROM relay_invocations WHERE id = @id"),
    pending: db.prepare(
      `SELECT * FROM relay_invocations WHERE state IN ('received', 'waiting') ORDER BY id`,
    ),
    all: db.prepare("SELECT * FROM relay_invocations ORDER BY id"),
    linked: db.prepare(
      `UPDATE relay_invocations SET state = 'waiting', entity_type_id = @entityTypeId,
         item_id = @itemId, last_error = NULL WHERE id = @id AND state = 'received'`,
    ),
    answered: db.prepare(
      `UPDATE relay_invocations SET state = 'answered', return_values = @values,
         answered_at = @at, last_error = NULL WHERE id = @id`,
    ),
    failed: db.prepare(
      `UPDATE relay_invocations SET attempts = attempts + 1, last_error = @error,
         state = CASE WHEN @final = 1 THEN 'failed' ELSE state END WHERE id = @id`,
    ),
  };
}
