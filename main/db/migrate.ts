/**
 * Numbered migrations tracked with `PRAGMA user_version`. A migration is
 * never edited once released; a new number fixes what an old one did.
 */
import type { Database } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import { DEFAULT_STAGES } from "../../shared/domain/stages";
import { register } from "./migrations/001-register";
import { lifecycle } from "./migrations/002-lifecycle";
import { reminders } from "./migrations/003-reminders";
import { templates } from "./migrations/004-templates";
import { bitrix24Sync } from "./migrations/005-bitrix24-sync";
import { importSpeed } from "./migrations/006-import-speed";
import { clauseNames } from "./migrations/007-clause-names";
import { bizproc } from "./migrations/008-bizproc";
import { relay } from "./migrations/009-relay";
import { digests } from "./migrations/010-digests";
import { questionnaires } from "./migrations/011-questionnaires";

export interface Migration {
  version: number;
  name: string;
  /** SQL run in one transaction with the version bump. */
  up: string;
  /** Data to add after the SQL, in the same transaction. */
  seed?: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { ...register, seed: seedDefaultStages },
  lifecycle,
  reminders,
  templates,
  bitrix24Sync,
  importSpeed,
  clauseNames,
  bizproc,
  relay,
  digests,
  questionnaires,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function seedDefaultStages(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO stages (key, position, name_fr, name_en, terminal)
     VALUES (@key, @position, @fr, @en, @terminal)`,
  );
  DEFAULT_STAGES.forEach((s, position) => {
    insert.run({
      key: s.key,
      position,
      fr: s.names.fr,
      en: s.names.en,
      terminal: s.terminal ? 1 : 0,
    });
  });
}

export function currentVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Brings the database up to this app's schema; refuses one from a newer app. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = currentVersion(db);
  if (from > migrations.length) {
    throw new PactaError(
      "database_newer_than_app",
      `the database is at schema version ${from}, this app knows up to ${migrations.length}; ` +
        "update Pacta to open it",
    );
  }
  for (const m of migrations.slice(from)) {
    // Immediate: another process opening the register at the same time waits
    // here, then finds the migration done and skips it.
    db.transaction(() => {
      if (currentVersion(db) >= m.version) return;
      db.exec(m.up);
      m.seed?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return currentVersion(db);
}
