import type { Database } from "better-sqlite3";
import type { Migration } from "../migrate";

/**
 * Reminders: settings, per-contract options, custom dates, the materialised
 * schedule and the fired/snoozed/dismissed state.
 *
 * `contracts.working_days` is the working-day option as it applies to the
 * contract (its own choice, else the global default). Triggers keep it in
 * step with `contract_reminder_settings` and the `reminders.workingDays`
 * setting, so that every read of the register (`SELECT c.*`) can compute the
 * notice deadline without a join.
 *
 * A reminder's key is `contractId:kind:[sourceId:]dueDate:leadDays`: a new
 * date gives a new key, so the schedule drops the old one and arms the new.
 */
export const reminders: Migration = {
  version: 3,
  name: "reminders",
  up: `
    ALTER TABLE contracts ADD COLUMN working_days INTEGER NOT NULL DEFAULT 0
      CHECK (working_days IN (0, 1));

    INSERT INTO settings (key, value) VALUES
      ('reminders.leadDays', '[90,30,7,0]'),
      ('reminders.fireTime', '09:00'),
      ('reminders.workingDays', '0'),
      ('app.startAtLogin', '0')
    ON CONFLICT (key) DO NOTHING;

    CREATE TABLE contract_reminder_settings (
      contract_id INTEGER PRIMARY KEY REFERENCES contracts (id),
      working_days INTEGER CHECK (working_days IN (0, 1)),
      lead_days TEXT CHECK (lead_days IS NULL OR json_valid(lead_days))
    ) STRICT;

    CREATE TABLE custom_dates (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      date TEXT NOT NULL,
      label TEXT NOT NULL
    ) STRICT;
    CREATE INDEX custom_dates_by_contract ON custom_dates (contract_id, date);

    -- Every reminder the contracts give, as of the day in reminder_meta.asOf.
    -- Keys start with the contract id, so one contract's rows are a key range.
    CREATE TABLE reminder_schedule (
      key TEXT PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      kind TEXT NOT NULL,
      source_id INTEGER,
      label TEXT,
      due_date TEXT NOT NULL,
      lead_days INTEGER NOT NULL,
      fire_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX reminder_schedule_by_fire_at ON reminder_schedule (fire_at);
    CREATE INDEX reminder_schedule_by_due_date ON reminder_schedule (due_date, fire_at);

    -- A row here means the reminder was claimed: it never fires again unless
    -- a snooze runs out. seq orders what fired, for the in-app feed.
    CREATE TABLE reminder_state (
      key TEXT PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      kind TEXT NOT NULL,
      source_id INTEGER,
      label TEXT,
      due_date TEXT NOT NULL,
      lead_days INTEGER NOT NULL,
      fire_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('fired', 'snoozed', 'dismissed')),
      fired_at TEXT,
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      snoozed_until TEXT,
      dismissed_reason TEXT,
      seq INTEGER,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reminder_state_snoozed ON reminder_state (snoozed_until)
      WHERE state = 'snoozed';
    CREATE INDEX reminder_state_by_seq ON reminder_state (seq) WHERE seq IS NOT NULL;
    -- What the reminders view lists: everything but the superseded lead times.
    CREATE INDEX reminder_state_by_due ON reminder_state (due_date, key)
      WHERE dismissed_reason IS NULL OR dismissed_reason <> 'superseded';

    -- The engine's bookkeeping: settings signature, as-of day, watermarks.
    CREATE TABLE reminder_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Contracts whose stage rows changed since the last refresh.
    CREATE TABLE reminder_dirty (
      contract_id INTEGER PRIMARY KEY
    ) STRICT;

    CREATE TRIGGER contracts_working_days_default AFTER INSERT ON contracts
    WHEN (SELECT value FROM settings WHERE key = 'reminders.workingDays') = '1'
    BEGIN
      UPDATE contracts SET working_days = 1 WHERE id = NEW.id;
    END;

    CREATE TRIGGER contract_working_days_insert AFTER INSERT ON contract_reminder_settings
    BEGIN
      UPDATE contracts SET working_days = coalesce(NEW.working_days,
        (SELECT value = '1' FROM settings WHERE key = 'reminders.workingDays'), 0)
      WHERE id = NEW.contract_id;
    END;

    CREATE TRIGGER contract_working_days_update AFTER UPDATE ON contract_reminder_settings
    BEGIN
      UPDATE contracts SET working_days = coalesce(NEW.working_days,
        (SELECT value = '1' FROM settings WHERE key = 'reminders.workingDays'), 0)
      WHERE id = NEW.contract_id;
    END;

    CREATE TRIGGER contract_working_days_delete AFTER DELETE ON contract_reminder_settings
    BEGIN
      UPDATE contracts SET working_days = coalesce(
        (SELECT value = '1' FROM settings WHERE key = 'reminders.workingDays'), 0)
      WHERE id = OLD.contract_id;
    END;

    CREATE TRIGGER settings_working_days AFTER UPDATE OF value ON settings
    WHEN NEW.key = 'reminders.workingDays'
    BEGIN
      UPDATE contracts SET working_days = (NEW.value = '1')
      WHERE working_days <> (NEW.value = '1')
        AND id NOT IN (SELECT contract_id FROM contract_reminder_settings
                       WHERE working_days IS NOT NULL);
    END;
  `,
  seed: trackStageChanges,
};

/**
 * Marks a contract dirty whenever its stage rows change, so the next scan
 * recomputes its "stage due" reminders. Does nothing until the lifecycle
 * migration has created `contract_stages`; safe to call again.
 */
export function trackStageChanges(db: Database): boolean {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_stages'")
    .get();
  if (!table) return false;
  const present = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?")
    .get("reminder_stage_delete");
  if (present) return true;
  const mark = (row: "NEW" | "OLD") =>
    `INSERT OR IGNORE INTO reminder_dirty (contract_id) VALUES (${row}.contract_id);`;
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS reminder_stage_insert AFTER INSERT ON contract_stages
    BEGIN ${mark("NEW")} END;
    CREATE TRIGGER IF NOT EXISTS reminder_stage_update AFTER UPDATE ON contract_stages
    BEGIN ${mark("OLD")} ${mark("NEW")} END;
    CREATE TRIGGER IF NOT EXISTS reminder_stage_delete AFTER DELETE ON contract_stages
    BEGIN ${mark("OLD")} END;
  `);
  return true;
}
