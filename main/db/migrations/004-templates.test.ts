/**
 * Migration 4 on a register at version 3: the template, clause and
 * document tables, empty, beside the contracts already there.
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

describe("migration 4: templates", () => {
  it("adds the tables to a register with contracts, and keeps versions append-only", () => {
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    db.prepare(
      `INSERT INTO contracts (uid, title, stage, created_at, updated_at)
       VALUES ('u1', 'Bail', 'draft', '2026-01-10T09:30:00.000Z', '2026-01-10T09:30:00.000Z')`,
    ).run();
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(["templates", "template_versions", "clauses", "contract_documents"]),
    );
    db.prepare(
      `INSERT INTO templates (name, language, current_version, section_count, field_count,
         created_at, updated_at) VALUES ('T', 'fr', 1, 1, 0, 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO template_versions (template_id, version, content, saved_at, saved_by)
       VALUES (1, 1, '{}', 'now', 'me')`,
    ).run();
    expect(() => db.prepare("UPDATE template_versions SET note = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO contract_documents (contract_id, updated_at, sections)
           VALUES (1, 'now', 'not json')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });
});
