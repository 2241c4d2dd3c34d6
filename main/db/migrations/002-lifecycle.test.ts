/**
 * Migration 2 on a register written by the first release: stage settings,
 * an open stage visit per contract, and the history chained and sealed.
 */
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, localToday } from "../../../shared/domain/calendar-date";
import { contractInputSchema } from "../../../shared/domain/contract";
import { verifyHistory } from "../../lifecycle/verify";
import { ContractRegister } from "../../register/register";
import { openRawDatabase, type RawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate, SCHEMA_VERSION } from "../migrate";

let raw: RawDatabase;
let db: Database.Database;
beforeEach(() => {
  raw = openRawDatabase();
  ({ db } = raw);
});
afterEach(() => raw.cleanup());

/** A v1 register: contracts at several stages, one deleted, with their history. */
function writeVersion1(): void {
  expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
  const contract = db.prepare(
    `INSERT INTO contracts (uid, title, stage, deleted, created_at, updated_at)
     VALUES (@uid, @title, @stage, @deleted, @at, @at)`,
  );
  const history = db.prepare(
    `INSERT INTO contract_history (contract_id, at, actor, action, changes)
     VALUES (@id, @at, 'v1 user', @action, @changes)`,
  );
  const rows = [
    { title: "Bail", stage: "draft", deleted: 0, at: "2025-01-10T09:30:00.000Z" },
    { title: "Cession", stage: "negotiation", deleted: 0, at: "2025-02-01T15:00:00.000Z" },
    { title: "Licence", stage: "active", deleted: 0, at: "2025-03-03T08:00:00.000Z" },
    { title: "Ancien", stage: "signature", deleted: 1, at: "2025-03-04T08:00:00.000Z" },
  ];
  rows.forEach((r, i) => {
    const id = Number(contract.run({ ...r, uid: `uid-${i}` }).lastInsertRowid);
    history.run({ id, at: r.at, action: "created", changes: "{}" });
    history.run({
      id,
      at: r.at,
      action: "updated",
      changes: JSON.stringify({
        notes: ["", "é ✓"],
        parties: [[], [{ name: "A", role: null }]],
      }),
    });
  });
}

describe("migration 2: lifecycle", () => {
  it("gives every existing contract an open visit to its stage since its creation", () => {
    writeVersion1();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const visits = db
      .prepare(
        `SELECT contract_id, stage, entered_at, due_date, left_at, responsible_id
         FROM contract_stages ORDER BY contract_id`,
      )
      .all();
    const due = (at: string, days: number) => addDays(localToday(new Date(at)), days);
    expect(visits).toEqual([
      {
        contract_id: 1,
        stage: "draft",
        entered_at: "2025-01-10T09:30:00.000Z",
        due_date: due("2025-01-10T09:30:00.000Z", 14),
        left_at: null,
        responsible_id: null,
      },
      {
        contract_id: 2,
        stage: "negotiation",
        entered_at: "2025-02-01T15:00:00.000Z",
        due_date: due("2025-02-01T15:00:00.000Z", 30),
        left_at: null,
        responsible_id: null,
      },
      {
        contract_id: 3,
        stage: "active",
        entered_at: "2025-03-03T08:00:00.000Z",
        due_date: null,
        left_at: null,
        responsible_id: null,
      },
      {
        contract_id: 4,
        stage: "signature",
        entered_at: "2025-03-04T08:00:00.000Z",
        due_date: due("2025-03-04T08:00:00.000Z", 14),
        left_at: null,
        responsible_id: null,
      },
    ]);
  });

  it("sets the default stages' roles, deadlines and required flags", () => {
    writeVersion1();
    migrate(db);
    const stages = db
      .prepare(
        `SELECT key, responsible_role AS role, default_days AS days, required, retired
         FROM stages ORDER BY position`,
      )
      .all()
      .map((r) => Object.values(r as object));
    expect(stages).toEqual([
      ["draft", "lawyer", 14, 0, 0],
      ["legal_review", "lawyer", 10, 1, 0],
      ["negotiation", "lawyer", 30, 0, 0],
      ["approval", "manager", 7, 1, 0],
      ["signature", "manager", 14, 1, 0],
      ["active", "lawyer", null, 0, 0],
      ["renewal", "lawyer", null, 0, 0],
      ["terminated", null, null, 0, 0],
      ["expired", null, null, 0, 0],
    ]);
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(strict).toEqual(expect.arrayContaining(["people", "contract_stages", "stage_moves"]));
  });

  it("chains the old history in id order, seals it, and later writes continue the chain", () => {
    writeVersion1();
    migrate(db);
    const hashes = db.prepare("SELECT prev_hash, hash FROM contract_history ORDER BY id").all() as {
      prev_hash: string | null;
      hash: string;
    }[];
    expect(hashes).toHaveLength(8);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
    expect(hashes[0]?.prev_hash).toBeNull();
    expect(verifyHistory(db)).toEqual({ ok: true, entries: 8, firstBroken: null });
    expect(() => db.prepare("DELETE FROM contract_history").run()).toThrow(/append-only/);

    const register = new ContractRegister(db, { actor: "v2 user" });
    const c = register.create(contractInputSchema.parse({ title: "Nouveau" }));
    expect(c.history[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyHistory(db)).toMatchObject({ ok: true, entries: 9 });
  });

  it("runs on an empty register too", () => {
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(verifyHistory(db)).toEqual({ ok: true, entries: 0, firstBroken: null });
  });
});
