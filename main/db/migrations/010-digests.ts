import type { Migration } from "../migrate";

/**
 * KPI digests: each person's setting (on or off, local time of day), the
 * digests that went out (one per person and local day: the INSERT is the
 * claim, so two processes or a restart never send one twice), and the
 * portal notifications waiting for the next sync (`im.notify`), kept for
 * the portal they were made for.
 */
export const digests: Migration = {
  version: 10,
  name: "digests",
  up: `
    CREATE TABLE digest_settings (
      person_id INTEGER PRIMARY KEY REFERENCES people (id),
      enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
      time TEXT NOT NULL DEFAULT '08:30',
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE digest_runs (
      seq INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES people (id),
      day TEXT NOT NULL,
      fire_at TEXT NOT NULL,
      fired_at TEXT NOT NULL,
      late INTEGER NOT NULL CHECK (late IN (0, 1)),
      digest TEXT NOT NULL CHECK (json_valid(digest)),
      UNIQUE (person_id, day)
    ) STRICT;

    CREATE TABLE sync_messages (
      id INTEGER PRIMARY KEY,
      portal TEXT NOT NULL,
      user_id TEXT NOT NULL,
      tag TEXT NOT NULL,
      message TEXT NOT NULL,
      at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
  `,
};
