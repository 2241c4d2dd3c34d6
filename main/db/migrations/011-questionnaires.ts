import type { Migration } from "../migrate";

/**
 * Questionnaires for a contract's parties (issue 7).
 *
 * `questionnaire_versions` is append-only: a save adds a version, and an
 * attachment keeps the version it was handed out in, so that answers are
 * always read against the questions that were asked. Responses and their
 * answers are append-only too: a correction is a new response that names
 * the value it replaced.
 *
 * A stage trigger: when a stage move brings a contract into a
 * questionnaire's `trigger_stage`, the questionnaire is attached to the
 * contract's parties (those with `trigger_role`, or every party not the
 * firm's own), once per questionnaire, contract, party and stage. It runs on
 * `stage_moves`, so every door (the app, `pacta move`, imports, the sync)
 * fires it in the move's own transaction; new contracts and imports of new
 * contracts make no move and fire nothing.
 *
 * TODO(questionnaires): the trigger's role is matched with SQLite's
 * lower(), which folds ASCII letters only ("Clientèle" matches "clientèle"
 * but "ÉTAT" does not match "état"); attaching, answering and correcting
 * are kept in these tables, not in the contract's hash-chained history.
 */
export const questionnaires: Migration = {
  version: 11,
  name: "questionnaires",
  up: `
    CREATE TABLE questionnaires (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      current_version INTEGER NOT NULL CHECK (current_version >= 1),
      question_count INTEGER NOT NULL,
      trigger_stage TEXT REFERENCES stages (key),
      trigger_role TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX questionnaires_by_trigger
      ON questionnaires (trigger_stage) WHERE trigger_stage IS NOT NULL;

    CREATE TABLE questionnaire_versions (
      id INTEGER PRIMARY KEY,
      questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id),
      version INTEGER NOT NULL CHECK (version >= 1),
      content TEXT NOT NULL CHECK (json_valid(content)),
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX questionnaire_versions_by_questionnaire
      ON questionnaire_versions (questionnaire_id, version);
    CREATE TRIGGER questionnaire_versions_no_update BEFORE UPDATE ON questionnaire_versions
    BEGIN SELECT RAISE(ABORT, 'questionnaire_versions is append-only'); END;
    CREATE TRIGGER questionnaire_versions_no_delete BEFORE DELETE ON questionnaire_versions
    BEGIN SELECT RAISE(ABORT, 'questionnaire_versions is append-only'); END;

    -- A questionnaire handed to one party of one contract. The party is
    -- copied: parties are rewritten on every edit of the contract.
    CREATE TABLE questionnaire_attachments (
      id INTEGER PRIMARY KEY,
      -- Printed in the PDF with the ids, so that a PDF from another register is refused.
      token TEXT NOT NULL UNIQUE,
      questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id),
      version INTEGER NOT NULL,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      party_name TEXT NOT NULL,
      party_email TEXT,
      party_role TEXT,
      trigger_stage TEXT,
      removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX questionnaire_attachments_by_contract
      ON questionnaire_attachments (contract_id);
    CREATE INDEX questionnaire_attachments_by_questionnaire
      ON questionnaire_attachments (questionnaire_id);
    CREATE UNIQUE INDEX questionnaire_attachments_once
      ON questionnaire_attachments (questionnaire_id, contract_id, party_name, trigger_stage)
      WHERE trigger_stage IS NOT NULL;

    CREATE TABLE questionnaire_responses (
      id INTEGER PRIMARY KEY,
      attachment_id INTEGER NOT NULL REFERENCES questionnaire_attachments (id),
      source TEXT NOT NULL CHECK (source IN ('pdf', 'manual', 'correction')),
      respondent_name TEXT NOT NULL,
      respondent_email TEXT,
      at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      file_name TEXT,
      file_sha256 TEXT
    ) STRICT;
    CREATE INDEX questionnaire_responses_by_attachment
      ON questionnaire_responses (attachment_id, id);

    -- One row per question a response gave (or cleared): value NULL is
    -- "not answered"; previous is what the attachment held before.
    CREATE TABLE questionnaire_answers (
      response_id INTEGER NOT NULL REFERENCES questionnaire_responses (id),
      question_id TEXT NOT NULL,
      value TEXT,
      previous TEXT,
      PRIMARY KEY (response_id, question_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER questionnaire_responses_no_update BEFORE UPDATE ON questionnaire_responses
    BEGIN SELECT RAISE(ABORT, 'questionnaire_responses is append-only'); END;
    CREATE TRIGGER questionnaire_responses_no_delete BEFORE DELETE ON questionnaire_responses
    BEGIN SELECT RAISE(ABORT, 'questionnaire_responses is append-only'); END;
    CREATE TRIGGER questionnaire_answers_no_update BEFORE UPDATE ON questionnaire_answers
    BEGIN SELECT RAISE(ABORT, 'questionnaire_answers is append-only'); END;
    CREATE TRIGGER questionnaire_answers_no_delete BEFORE DELETE ON questionnaire_answers
    BEGIN SELECT RAISE(ABORT, 'questionnaire_answers is append-only'); END;

    CREATE TRIGGER questionnaire_on_stage AFTER INSERT ON stage_moves
    WHEN EXISTS (
      SELECT 1 FROM questionnaires WHERE trigger_stage = NEW.to_stage AND archived = 0
    )
    BEGIN
      INSERT OR IGNORE INTO questionnaire_attachments (token, questionnaire_id, version,
        contract_id, party_name, party_email, party_role, trigger_stage, created_at, created_by)
      SELECT lower(hex(randomblob(16))), q.id, q.current_version, NEW.contract_id,
        p.name, p.email, p.role, NEW.to_stage, NEW.at, NEW.actor
      FROM questionnaires q JOIN parties p ON p.contract_id = NEW.contract_id
      WHERE q.trigger_stage = NEW.to_stage AND q.archived = 0
        AND CASE WHEN q.trigger_role IS NULL THEN p.internal = 0
          ELSE lower(trim(p.role)) = lower(trim(q.trigger_role)) END
      ORDER BY q.id, p.position;
    END;
  `,
};
