/**
 * Migration 5 on a register at version 4: the sync tables, empty. The
 * outbox fills once a portal is connected (connecting queues the register).
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

describe("migration 5: bitrix24 sync", () => {
  it("adds the sync tables empty: nothing waits in the outbox before a connection", () => {
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    const insert = db.prepare(
      `INSERT INTO contracts (uid, title, stage, deleted, created_at, updated_at)
       VALUES (@uid, @title, 'draft', @deleted, @at, @at)`,
    );
    insert.run({ uid: "u1", title: "Bail", deleted: 0, at: "2026-01-10T09:30:00.000Z" });
    insert.run({ uid: "u2", title: "Ancien", deleted: 1, at: "2026-01-11T09:30:00.000Z" });
    insert.run({ uid: "u3", title: "Licence", deleted: 0, at: "2026-01-12T09:30:00.000Z" });
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toBe(5);
    for (const table of [
      "sync_outbox",
      "portal_records",
      "sync_links",
      "sync_conflicts",
      "sync_runs",
    ]) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });
});
