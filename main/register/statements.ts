/** The register's prepared statements, made once per connection. */
import type { Statement } from "better-sqlite3";
import { ChunkedInsert } from "../db/chunked-insert";
import type { Db } from "../db/open";
import { CONTRACT_COLUMNS } from "./rows";

export type RegisterStatements = Record<
  | "byId"
  | "byReference"
  | "parties"
  | "tags"
  | "history"
  | "stage"
  | "workingDays"
  | "insert"
  | "update"
  | "deleteParties"
  | "deleteTags",
  Statement
>;

/**
 * The statements an import runs for every new contract bind their values
 * by position: binding 19 named values from an object measured about
 * 8 µs a row more, the largest cost of a big import after SQLite's own.
 */
export function prepareStatements(db: Db): RegisterStatements {
  const columns = CONTRACT_COLUMNS.join(", ");
  const places = CONTRACT_COLUMNS.map(() => "?").join(", ");
  const sets = CONTRACT_COLUMNS.map((c) => `${c} = @${c}`).join(", ");
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    byId: s("SELECT * FROM contracts WHERE id = @id"),
    byReference: s("SELECT id FROM contracts WHERE reference = ? AND deleted = 0"),
    parties: s(
      `SELECT name, role, signatory, email, internal FROM parties
       WHERE contract_id = @id ORDER BY position`,
    ),
    tags: s("SELECT tag FROM contract_tags WHERE contract_id = @id ORDER BY tag"),
    history: s(
      `SELECT id, at, actor, action, changes, hash FROM contract_history
       WHERE contract_id = @id ORDER BY id`,
    ),
    stage: s("SELECT key FROM stages WHERE key = @key"),
    // working_days: the default that applies to a contract without its own choice.
    workingDays: s("SELECT 1 FROM settings WHERE key = 'reminders.workingDays' AND value = '1'"),
    insert: s(
      `INSERT INTO contracts (uid, ${columns}, review_flags, created_at, updated_at,
         working_days)
       VALUES (?, ${places}, ?, ?, ?, ?)`,
    ),
    update: s(
      `UPDATE contracts SET ${sets}, review_flags = @review_flags, updated_at = @updated_at
       WHERE id = @id`,
    ),
    deleteParties: s("DELETE FROM parties WHERE contract_id = @id"),
    deleteTags: s("DELETE FROM contract_tags WHERE contract_id = @id"),
  };
}

/** A contract's parties and tags: held and written many rows at a time in an import batch. */
export function prepareChildInserts(db: Db) {
  return {
    parties: new ChunkedInsert(
      db,
      "INSERT INTO parties (contract_id, position, name, role, signatory, email, internal)",
      7,
    ),
    tags: new ChunkedInsert(db, "INSERT OR IGNORE INTO contract_tags (contract_id, tag)", 2),
  };
}
