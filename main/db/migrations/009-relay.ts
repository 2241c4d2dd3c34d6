import type { Migration } from "../migrate";

/**
 * Business processes: the relay's invocations and the triggers.
 *
 * `relay_invocations` keeps every call the portal made to the "Contract
 * lifecycle management" action, one row per event token (a replay is
 * refused by the UNIQUE constraint): received → waiting (its portal item
 * made) → answered (`bizproc.event.send` done), or failed. Rows survive a
 * restart of the relay, which resumes the pending ones.
 *
 * `trigger_rules` are the rules a person edits; `trigger_firings` is their
 * outbox: one row per rule and change, written in the transaction of the
 * change itself, so an offline edit fires once when the portal is back.
 * `done` lists the actions already carried out, so a retry skips them.
 */
export const relay: Migration = {
  version: 9,
  name: "relay",
  up: `
    CREATE TABLE relay_invocations (
      id INTEGER PRIMARY KEY,
      event_token TEXT NOT NULL UNIQUE,
      workflow_id TEXT NOT NULL,
      code TEXT NOT NULL,
      document_id TEXT NOT NULL CHECK (json_valid(document_id)),
      properties TEXT NOT NULL CHECK (json_valid(properties)),
      received_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('received', 'waiting', 'answered', 'failed')),
      entity_type_id INTEGER,
      item_id INTEGER,
      wait_stage TEXT NOT NULL,
      return_values TEXT CHECK (return_values IS NULL OR json_valid(return_values)),
      answered_at TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
    CREATE INDEX relay_invocations_pending ON relay_invocations (state, id);

    CREATE TABLE trigger_rules (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      groups TEXT NOT NULL CHECK (json_valid(groups)),
      actions TEXT NOT NULL CHECK (json_valid(actions)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE trigger_firings (
      id INTEGER PRIMARY KEY,
      rule_id INTEGER NOT NULL REFERENCES trigger_rules (id) ON DELETE CASCADE,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      change TEXT NOT NULL CHECK (json_valid(change)),
      at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
      done TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(done)),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX trigger_firings_pending ON trigger_firings (state, id);
  `,
};
