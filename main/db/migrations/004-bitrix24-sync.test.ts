/**
 * Migration 4 on a register at version 3: the sync tables, and every live
 * contract waiting in the outbox so that the first sync sends the register.
 */
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRawDatabase, type RawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate } from "../migrate";

let raw: RawDatabase;
let db: Database.Database;
beforeEach(() => {
  raw = openRawDatabase();
  ({ db } = raw);
});
afterEach(() => raw.cleanup());

describe("migration 4: bitrix24 sync", () => {
  it("queues the live contracts in id order and leaves deleted ones out", () => {
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    const insert = db.prepare(
      `INSERT INTO contracts (uid, title, stage, deleted, created_at, updated_at)
       VALUES (@uid, @title, 'draft', @deleted, @at, @at)`,
    );
    insert.run({ uid: "u1", title: "Bail", deleted: 0, at: "2026-01-10T09:30:00.000Z" });
    insert.run({ uid: "u2", title: "Ancien", deleted: 1, at: "2026-01-11T09:30:00.000Z" });
    insert.run({ uid: "u3", title: "Licence", deleted: 0, at: "2026-01-12T09:30:00.000Z" });
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    const outbox = db.prepare("SELECT contract_id, action, at FROM sync_outbox ORDER BY id").all();
    expect(outbox).toEqual([
      { contract_id: 1, action: "created", at: "2026-01-10T09:30:00.000Z" },
      { contract_id: 3, action: "created", at: "2026-01-12T09:30:00.000Z" },
    ]);
    for (const table of ["portal_records", "sync_links", "sync_conflicts", "sync_runs"]) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });
});
