/** Migration 10 adds the digest tables to a version 9 register and keeps its people. */
import { describe, expect, it } from "vitest";
import { openRawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate } from "../migrate";

describe("migration 10 (digests)", () => {
  it("adds the digest and portal message tables; one digest per person and day", () => {
    const raw = openRawDatabase();
    try {
      migrate(raw.db, MIGRATIONS.slice(0, 9));
      raw.db
        .prepare("INSERT INTO people (name, email, role) VALUES ('Anne', 'anne@x.test', 'lawyer')")
        .run();
      expect(migrate(raw.db, MIGRATIONS.slice(0, 10))).toBe(10);
      expect(raw.db.prepare("SELECT id, name FROM people").all()).toEqual([
        { id: 1, name: "Anne" },
      ]);
      const run = raw.db.prepare(
        `INSERT INTO digest_runs (person_id, day, fire_at, fired_at, late, digest)
         VALUES (1, '2027-01-04', 'a', 'b', 0, '{}') ON CONFLICT DO NOTHING`,
      );
      expect(run.run().changes).toBe(1);
      expect(run.run().changes).toBe(0);
      expect(() =>
        raw.db
          .prepare(
            "INSERT INTO digest_settings (person_id, enabled, updated_at) VALUES (9, 1, 'x')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      raw.cleanup();
    }
  });
});
