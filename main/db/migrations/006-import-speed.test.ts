/**
 * Migration 6 drops the per-row insert triggers of migration 3; the code
 * that writes does their work. These tests hold that code to what the
 * triggers did: the working-day default on new contracts, and new stage
 * visits marked for the reminder scan.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PactaServices } from "../../app/services";
import { runImport } from "../../import/import-service";
import { verifyHistory } from "../../lifecycle/verify";
import { contract, DAY, scheduleRows, TestClock, TestFolder } from "../../reminders/testing";
import { openRawDatabase } from "../../test-support/raw-database";
import { MIGRATIONS, migrate } from "../migrate";

let folder: TestFolder;
let clock: TestClock;
let s: PactaServices;
beforeEach(() => {
  folder = new TestFolder();
  clock = new TestClock(new Date(2026, 10, 1, 8, 0));
  s = folder.open(clock);
});
afterEach(() => folder.cleanup());

const csv = (rows: string[]) => ["Reference;Title;Stage", ...rows].join("\n");
const workingDays = (id: number) =>
  (s.db.prepare("SELECT working_days AS w FROM contracts WHERE id = ?").get(id) as { w: number }).w;
const dirty = () =>
  (
    s.db.prepare("SELECT contract_id AS id FROM reminder_dirty ORDER BY 1").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
const triggers = () =>
  (
    s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe("migration 6: import speed", () => {
  it("drops the two insert triggers and keeps the others", () => {
    expect(triggers()).not.toContain("contracts_working_days_default");
    expect(triggers()).not.toContain("reminder_stage_insert");
    expect(triggers()).toEqual(
      expect.arrayContaining([
        "reminder_stage_update",
        "reminder_stage_delete",
        "settings_working_days",
        "contract_working_days_insert",
        "contract_history_no_update",
      ]),
    );
  });

  it("migrates a version 5 register without touching its rows", () => {
    const raw = openRawDatabase();
    try {
      migrate(raw.db, MIGRATIONS.slice(0, 5));
      raw.db
        .prepare(
          `INSERT INTO contracts (uid, title, stage, created_at, updated_at)
           VALUES ('u1', 'Bail', 'draft', 'x', 'x')`,
        )
        .run();
      expect(migrate(raw.db, MIGRATIONS.slice(0, 6))).toBe(6);
      expect(raw.db.prepare("SELECT id, title, working_days FROM contracts").all()).toEqual([
        { id: 1, title: "Bail", working_days: 0 },
      ]);
    } finally {
      raw.cleanup();
    }
  });

  it("gives new contracts the working-day default, created or imported", async () => {
    // A contract with its own choice keeps it whatever the default.
    const own = s.register.create(contract({})).id;
    s.reminders.setContractSettings(own, false, null);
    s.reminders.setSettings({ workingDays: true });
    const created = s.register.create(contract({})).id;
    const content = csv(["I-1;Bail;draft", "I-2;Licence;active"]);
    await runImport(s.register, { fileName: "a.csv", content }, { dryRun: false });
    const imported = ["I-1", "I-2"].map((r) => s.register.idByReference(r) ?? 0);
    expect([own, created, ...imported].map(workingDays)).toEqual([0, 1, 1, 1]);
    s.reminders.setSettings({ workingDays: false });
    const last = s.register.create(contract({})).id;
    expect([own, created, ...imported, last].map(workingDays)).toEqual([0, 0, 0, 0, 0]);
  });

  it("marks contracts whose stage visits are new: created, imported, moved", async () => {
    s.reminders.check();
    expect(dirty()).toEqual([]);
    const created = s.register.create(contract({})).id;
    expect(dirty()).toEqual([created]);
    s.reminders.check();
    const content = csv(["I-1;Bail;draft", "I-2;Licence;negotiation"]);
    await runImport(s.register, { fileName: "a.csv", content }, { dryRun: false });
    const imported = ["I-1", "I-2"].map((r) => s.register.idByReference(r) ?? 0);
    expect(dirty()).toEqual(imported);
    s.reminders.check();
    s.lifecycle.move({
      contractId: created,
      to: "legal_review",
      comment: null,
      confirmSkip: false,
    });
    expect(dirty()).toEqual([created]);
    s.reminders.check();
    // A re-import that changes the stage opens a visit too.
    const moved = csv(["I-1;Bail;legal_review", "I-2;Licence;negotiation"]);
    await runImport(s.register, { fileName: "a.csv", content: moved }, { dryRun: false });
    expect(dirty()).toEqual([imported[0]]);
  });

  it("marks nothing for a dry run, whose batches roll back", async () => {
    s.reminders.check();
    const content = csv(["I-1;Bail;draft"]);
    await runImport(s.register, { fileName: "a.csv", content }, { dryRun: true });
    expect(dirty()).toEqual([]);
    s.register.create(contract({}));
    expect(dirty()).toHaveLength(1);
  });

  it("arms stage-due reminders of a visit whose contract the scan would not see", () => {
    s.reminders.check();
    // A second process whose clock is a day behind: its contract's
    // updated_at is older than what the schedule has seen, so only the
    // mark of its new stage visit brings it to the next scan.
    clock.advance(DAY);
    s.register.create(contract({}));
    s.reminders.check();
    const late = new TestClock(new Date(clock.at.getTime() - DAY));
    const other = folder.open(late);
    const c = other.register.create(contract({ title: "Autre poste" })).id;
    s.reminders.check();
    expect(scheduleRows(s.db, c).map((r) => r.kind)).toContain("stage_due");
  });

  it("chains an import's history in memory per batch, and later writes go on", async () => {
    s.register.create(contract({}));
    const rows = Array.from({ length: 7 }, (_, i) => `I-${i};Contrat ${i};draft`);
    await runImport(
      s.register,
      { fileName: "a.csv", content: csv(rows) },
      { dryRun: false, batchSize: 3 },
    );
    // Another connection writes between two imports: the chain is read again.
    folder.open(clock).register.create(contract({ title: "Ailleurs" }));
    const again = rows.map((r) => r.replace("Contrat", "Accord"));
    await runImport(
      s.register,
      { fileName: "a.csv", content: csv(again) },
      { dryRun: false, batchSize: 3 },
    );
    s.register.create(contract({}));
    expect(verifyHistory(s.db)).toEqual({ ok: true, entries: 17, firstBroken: null });
  });
});
