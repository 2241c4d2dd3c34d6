import type { Migration } from "../migrate";

/** The contract register: stages, contracts, parties, tags, history, search. */
export const register: Migration = {
  version: 1,
  name: "register",
  up: `
    CREATE TABLE stages (
      key TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      name_fr TEXT NOT NULL,
      name_en TEXT NOT NULL,
      terminal INTEGER NOT NULL DEFAULT 0 CHECK (terminal IN (0, 1))
    ) STRICT;

    CREATE TABLE contracts (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      reference TEXT,
      title TEXT NOT NULL,
      type TEXT,
      stage TEXT NOT NULL REFERENCES stages (key),
      value_minor INTEGER,
      currency TEXT,
      signature_date TEXT,
      effective_date TEXT,
      end_date TEXT,
      renewal_kind TEXT NOT NULL DEFAULT 'none'
        CHECK (renewal_kind IN ('none', 'automatic', 'optional', 'evergreen')),
      renewal_term TEXT,
      notice_period TEXT,
      governing_law TEXT,
      notes TEXT NOT NULL DEFAULT '',
      review_flags TEXT NOT NULL DEFAULT '[]',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE UNIQUE INDEX contracts_by_reference
      ON contracts (reference) WHERE reference IS NOT NULL AND deleted = 0;
    -- Sort orders of the register, live or archived first, so that paging
    -- never has to read the table for the rows it skips.
    CREATE INDEX contracts_by_end_date ON contracts (archived, end_date) WHERE deleted = 0;
    CREATE INDEX contracts_by_updated ON contracts (archived, updated_at) WHERE deleted = 0;
    CREATE INDEX contracts_by_title
      ON contracts (archived, title COLLATE NOCASE) WHERE deleted = 0;

    CREATE TABLE parties (
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      role TEXT,
      signatory TEXT,
      email TEXT,
      internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
      PRIMARY KEY (contract_id, position)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE contract_tags (
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      tag TEXT NOT NULL,
      PRIMARY KEY (contract_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contract_tags_by_tag ON contract_tags (tag, contract_id);

    CREATE TABLE contract_history (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      changes TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contract_history_by_contract ON contract_history (contract_id, id);

    -- Contentless: the text lives in contracts and parties; the index only
    -- maps words to contract ids (rowid), and rows can still be deleted.
    CREATE VIRTUAL TABLE contracts_fts USING fts5 (
      title, reference, parties, notes, tags, state,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2"
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
