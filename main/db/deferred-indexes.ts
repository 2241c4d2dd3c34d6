/**
 * Indexes a big import drops before its first batch and builds again after
 * its last: the register's sort orders. Inserting 100,000 titles one by one
 * into the title order's B-tree took about 0.3 s of a 5 s import, and the
 * end-date and last-change orders another 0.2 s; building each from the
 * finished table takes a tenth of that or less. Readers meanwhile still
 * get every row in order, sorted without the index. A crash in between
 * leaves the register whole but without the indexes: opening it builds what is missing,
 * unless the import that dropped it still runs (its process id and the
 * time are noted in `settings` with the drop); it builds them again itself.
 * A note older than an hour is stale whoever has that process id now: an
 * import of a million rows takes about a minute.
 */
import type { Db } from "./open";

const MARK = "import.deferredIndexes";
const STALE_MS = 3600_000;

/** Name → definition; the same as the migration that first made it (001). */
const DEFERRED: Record<string, string> = {
  contracts_by_title: "ON contracts (archived, title COLLATE NOCASE) WHERE deleted = 0",
  contracts_by_end_date: "ON contracts (archived, end_date) WHERE deleted = 0",
  contracts_by_updated: "ON contracts (archived, updated_at) WHERE deleted = 0",
};

/** Drops the deferred indexes, noting this process as the import that builds them again. */
export function dropDeferredIndexes(db: Db): void {
  db.transaction(() => {
    for (const name of Object.keys(DEFERRED)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)").run(
      MARK,
      `${process.pid} ${new Date().toISOString()}`,
    );
  }).immediate();
}

function missingIndexes(db: Db): string[] {
  const present = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  return Object.keys(DEFERRED).filter((name) => present.get(name) === undefined);
}

/** Builds the deferred indexes that are missing; returns their names. */
export function ensureDeferredIndexes(db: Db): string[] {
  if (missingIndexes(db).length === 0) return [];
  return db
    .transaction(() => {
      const missing = missingIndexes(db);
      for (const name of missing) db.exec(`CREATE INDEX ${name} ${DEFERRED[name]}`);
      db.prepare("DELETE FROM settings WHERE key = ?").run(MARK);
      return missing;
    })
    .immediate();
}

/** Whether the import that dropped the deferred indexes still runs, in another process. */
export function bulkImportRunning(db: Db, now = Date.now()): boolean {
  const mark = db.prepare("SELECT value FROM settings WHERE key = ?").pluck().get(MARK);
  // `pid time`; a note from before the time was added has the pid alone.
  const [pidText, at] = String(mark ?? "").split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  // Stale: older than an hour, or from a clock set more than a minute ahead.
  const age = now - Date.parse(at ?? "");
  if (at !== undefined && !(age > -60_000 && age < STALE_MS)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
