/** Migration 11 on a register that already has contracts and moves. */
import { describe, expect, it } from "vitest";
import { openRawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate } from "../migrate";

describe("migration 11 (questionnaires)", () => {
  it("adds the tables to a version 6 register, keeping its rows, and seals the answers", () => {
    const raw = openRawDatabase();
    try {
      migrate(raw.db, MIGRATIONS.slice(0, 10));
      raw.db
        .prepare(
          `INSERT INTO contracts (uid, title, stage, created_at, updated_at)
           VALUES ('u1', 'Bail', 'draft', 'x', 'x')`,
        )
        .run();
      expect(migrate(raw.db, MIGRATIONS.slice(0, 11))).toBe(11);
      expect(raw.db.prepare("SELECT title FROM contracts").all()).toEqual([{ title: "Bail" }]);
      raw.db.exec(`
        INSERT INTO questionnaires (title, language, current_version, question_count,
          created_at, updated_at) VALUES ('Q', 'fr', 1, 1, 'x', 'x');
        INSERT INTO questionnaire_versions (questionnaire_id, version, content, saved_at, saved_by)
          VALUES (1, 1, '{}', 'x', 'me');
      `);
      expect(() => raw.db.exec("DELETE FROM questionnaire_versions")).toThrow(/append-only/);
    } finally {
      raw.cleanup();
    }
  });
});
