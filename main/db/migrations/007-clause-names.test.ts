/**
 * Migration 7 gives clause names a unique index per language; a library
 * that already holds the same name twice keeps every clause, renamed.
 */
import { describe, expect, it } from "vitest";
import { openRawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate } from "../migrate";

const insert = `INSERT INTO clauses (name, status, language, body, search_text, created_at,
    updated_at) VALUES (?, 'approved', ?, '<p>x</p>', 'x', 't', 't')`;

describe("migration 7: unique clause names", () => {
  it("renames duplicates whatever their case or spacing, per language, and adds the index", () => {
    const raw = openRawDatabase();
    try {
      migrate(raw.db, MIGRATIONS.slice(0, 6));
      const add = raw.db.prepare(insert);
      add.run("Confidentialité", "fr");
      add.run("CONFIDENTIALITÉ", "fr");
      add.run("confidentialité  ", "fr");
      add.run("Confidentialité", "en");
      add.run("Confidentialité (2)", "en");
      add.run("Confidentialité", "en");
      expect(migrate(raw.db, MIGRATIONS.slice(0, 7))).toBe(7);
      const rows = raw.db.prepare("SELECT id, name, language FROM clauses ORDER BY id").all();
      expect(rows).toEqual([
        { id: 1, name: "Confidentialité", language: "fr" },
        { id: 2, name: "CONFIDENTIALITÉ (2)", language: "fr" },
        { id: 3, name: "confidentialité (3)", language: "fr" },
        { id: 4, name: "Confidentialité", language: "en" },
        { id: 5, name: "Confidentialité (2)", language: "en" },
        { id: 6, name: "Confidentialité (3)", language: "en" },
      ]);
      const write = raw.db.prepare(
        `INSERT INTO clauses (name, name_key, status, language, body, search_text, created_at,
           updated_at) VALUES ('É', 'é', 'approved', 'fr', '<p>x</p>', 'x', 't', 't')`,
      );
      write.run();
      expect(() => write.run()).toThrow(/UNIQUE constraint failed/);
    } finally {
      raw.cleanup();
    }
  });
});
