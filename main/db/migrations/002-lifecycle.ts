import type { Database } from "better-sqlite3";
import { type StoredEntry, storedEntryHash } from "../../lifecycle/hash-chain";
import type { Migration } from "../migrate";

/** Lifecycle: configurable stages, people, stage moves, tamper-evident history. */
export const lifecycle: Migration = {
  version: 2,
  name: "lifecycle",
  up: `
    ALTER TABLE stages ADD COLUMN responsible_role TEXT;
    ALTER TABLE stages ADD COLUMN default_days INTEGER
      CHECK (default_days IS NULL OR default_days BETWEEN 0 AND 3650);
    ALTER TABLE stages ADD COLUMN required INTEGER NOT NULL DEFAULT 0
      CHECK (required IN (0, 1));
    ALTER TABLE stages ADD COLUMN retired INTEGER NOT NULL DEFAULT 0
      CHECK (retired IN (0, 1));

    UPDATE stages SET responsible_role = 'lawyer', default_days = 14 WHERE key = 'draft';
    UPDATE stages SET responsible_role = 'lawyer', default_days = 10, required = 1
      WHERE key = 'legal_review';
    UPDATE stages SET responsible_role = 'lawyer', default_days = 30 WHERE key = 'negotiation';
    UPDATE stages SET responsible_role = 'manager', default_days = 7, required = 1
      WHERE key = 'approval';
    UPDATE stages SET responsible_role = 'manager', default_days = 14, required = 1
      WHERE key = 'signature';
    UPDATE stages SET responsible_role = 'lawyer' WHERE key IN ('active', 'renewal');

    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      role TEXT NOT NULL,
      bitrix_user_id TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
    ) STRICT;
    CREATE UNIQUE INDEX people_by_email ON people (email COLLATE NOCASE) WHERE archived = 0;
    CREATE UNIQUE INDEX people_by_bitrix_user
      ON people (bitrix_user_id) WHERE bitrix_user_id IS NOT NULL;

    -- One row per visit of a contract to a stage; the current one is open
    -- (left_at IS NULL), and there is exactly one open row per contract.
    CREATE TABLE contract_stages (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      stage TEXT NOT NULL REFERENCES stages (key),
      responsible_id INTEGER REFERENCES people (id),
      due_date TEXT,
      entered_at TEXT NOT NULL,
      left_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX contract_stages_current
      ON contract_stages (contract_id) WHERE left_at IS NULL;
    CREATE INDEX contract_stages_by_contract ON contract_stages (contract_id, stage);

    CREATE TABLE stage_moves (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      from_stage TEXT NOT NULL REFERENCES stages (key),
      to_stage TEXT NOT NULL REFERENCES stages (key),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      comment TEXT,
      -- The required stages the move passed over, confirmed: a JSON array of keys.
      skipped TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX stage_moves_by_contract ON stage_moves (contract_id, id);
    CREATE TRIGGER stage_moves_no_update BEFORE UPDATE ON stage_moves
    BEGIN SELECT RAISE(ABORT, 'stage_moves is append-only'); END;
    CREATE TRIGGER stage_moves_no_delete BEFORE DELETE ON stage_moves
    BEGIN SELECT RAISE(ABORT, 'stage_moves is append-only'); END;

    -- Every contract is at its stage since it was created.
    INSERT INTO contract_stages (contract_id, stage, due_date, entered_at)
    SELECT c.id, c.stage,
      CASE WHEN s.default_days IS NULL THEN NULL
        ELSE date(c.created_at, 'localtime', '+' || s.default_days || ' days') END,
      c.created_at
    FROM contracts c JOIN stages s ON s.key = c.stage
    ORDER BY c.id;

    ALTER TABLE contract_history ADD COLUMN prev_hash TEXT;
    ALTER TABLE contract_history ADD COLUMN hash TEXT;
  `,
  seed: chainExistingHistory,
};

/** Hashes the entries written before the chain existed, then seals the table. */
function chainExistingHistory(db: Database): void {
  const rows = db
    .prepare(
      `SELECT id, contract_id, at, actor, action, changes, prev_hash, hash
       FROM contract_history ORDER BY id`,
    )
    .all() as StoredEntry[];
  const write = db.prepare(
    "UPDATE contract_history SET prev_hash = @prev, hash = @hash WHERE id = @id",
  );
  let prev: string | null = null;
  for (const row of rows) {
    const hash = storedEntryHash(row, prev);
    write.run({ id: row.id, prev, hash });
    prev = hash;
  }
  db.exec(`
    CREATE TRIGGER contract_history_no_update BEFORE UPDATE ON contract_history
    BEGIN SELECT RAISE(ABORT, 'contract_history is append-only'); END;
    CREATE TRIGGER contract_history_no_delete BEFORE DELETE ON contract_history
    BEGIN SELECT RAISE(ABORT, 'contract_history is append-only'); END;
  `);
}
