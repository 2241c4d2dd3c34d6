import type { Migration } from "../migrate";

/**
 * Bitrix24 sync: what was pulled from the portal, which contract is which
 * portal item, the outbox of local edits waiting to go out, the conflicts
 * waiting for a person, and the record of each sync.
 *
 * `sync_links.base` holds, per mapped field, the value both sides last
 * agreed on: a field changed on both sides since then is a conflict.
 * The outbox fills only while a portal is connected; connecting queues the
 * whole register (main/sync/sync-service.ts).
 */
export const bitrix24Sync: Migration = {
  version: 5,
  name: "bitrix24-sync",
  up: `
    CREATE TABLE portal_records (
      kind TEXT NOT NULL CHECK (kind IN ('company', 'contact', 'deal', 'user', 'item')),
      id INTEGER NOT NULL,
      title TEXT NOT NULL,
      updated_time TEXT,
      data TEXT NOT NULL CHECK (json_valid(data)),
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sync_links (
      contract_id INTEGER PRIMARY KEY REFERENCES contracts (id),
      entity_type_id INTEGER NOT NULL,
      item_id INTEGER NOT NULL,
      base TEXT NOT NULL CHECK (json_valid(base)),
      remote_updated_time TEXT,
      remote_deleted INTEGER NOT NULL DEFAULT 0 CHECK (remote_deleted IN (0, 1)),
      UNIQUE (entity_type_id, item_id)
    ) STRICT;

    CREATE TABLE sync_outbox (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      action TEXT NOT NULL,
      at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
    CREATE INDEX sync_outbox_by_contract ON sync_outbox (contract_id, id);

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      field TEXT NOT NULL,
      base TEXT NOT NULL CHECK (json_valid(base)),
      mine TEXT NOT NULL CHECK (json_valid(mine)),
      theirs TEXT NOT NULL CHECK (json_valid(theirs)),
      detected_at TEXT NOT NULL,
      UNIQUE (contract_id, field)
    ) STRICT;

    CREATE TABLE sync_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'offline')),
      pulled INTEGER NOT NULL DEFAULT 0,
      pushed INTEGER NOT NULL DEFAULT 0,
      conflicts INTEGER NOT NULL DEFAULT 0,
      errors INTEGER NOT NULL DEFAULT 0,
      detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;

  `,
};
