/**
 * Migration 3 on a register at version 2: default reminder settings, the
 * working-day option kept on contracts by triggers, stage rows marking
 * contracts for the next scan.
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

/** Two contracts written by the first release, then the lifecycle migration. */
function writeVersion2(): void {
  expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
  const insert = db.prepare(
    `INSERT INTO contracts (uid, title, stage, end_date, created_at, updated_at)
     VALUES (@uid, @title, 'draft', '2027-06-30', @at, @at)`,
  );
  for (const [i, title] of ["Bail", "Licence"].entries()) {
    insert.run({ uid: `uid-${i}`, title, at: "2026-01-10T09:30:00.000Z" });
  }
  expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
}

const workingDays = () =>
  db.prepare("SELECT id, working_days AS w FROM contracts ORDER BY id").all();

describe("migration 3: reminders", () => {
  it("adds the default settings and leaves existing contracts on calendar days", () => {
    writeVersion2();
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    const settings = db
      .prepare("SELECT key, value FROM settings WHERE key LIKE 'reminders.%' OR key LIKE 'app.%'")
      .all();
    expect(settings).toEqual(
      expect.arrayContaining([
        { key: "reminders.leadDays", value: "[90,30,7,0]" },
        { key: "reminders.fireTime", value: "09:00" },
        { key: "reminders.workingDays", value: "0" },
        { key: "app.startAtLogin", value: "0" },
      ]),
    );
    expect(workingDays()).toEqual([
      { id: 1, w: 0 },
      { id: 2, w: 0 },
    ]);
  });

  it("keeps contracts.working_days equal to the contract's choice, else the default", () => {
    writeVersion2();
    migrate(db, MIGRATIONS.slice(0, 3));
    const setDefault = db.prepare(
      "UPDATE settings SET value = ? WHERE key = 'reminders.workingDays'",
    );
    db.prepare(
      "INSERT INTO contract_reminder_settings (contract_id, working_days) VALUES (1, 0)",
    ).run();
    setDefault.run("1");
    expect(workingDays()).toEqual([
      { id: 1, w: 0 },
      { id: 2, w: 1 },
    ]);
    db.prepare(
      `INSERT INTO contracts (uid, title, stage, created_at, updated_at)
       VALUES ('uid-3', 'Nouveau', 'draft', 'x', 'x')`,
    ).run();
    expect(workingDays()).toContainEqual({ id: 3, w: 1 });
    db.prepare("DELETE FROM contract_reminder_settings WHERE contract_id = 1").run();
    expect(workingDays()).toContainEqual({ id: 1, w: 1 });
    setDefault.run("0");
    expect(workingDays()).toEqual([
      { id: 1, w: 0 },
      { id: 2, w: 0 },
      { id: 3, w: 0 },
    ]);
  });

  it("marks a contract dirty when its stage rows change", () => {
    writeVersion2();
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("UPDATE contract_stages SET due_date = '2027-01-01' WHERE contract_id = 2").run();
    expect(db.prepare("SELECT contract_id FROM reminder_dirty").all()).toEqual([
      { contract_id: 2 },
    ]);
  });
});
