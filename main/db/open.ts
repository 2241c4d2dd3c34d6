/**
 * Opens the register's SQLite file the way every door needs it: WAL,
 * foreign keys on, a busy timeout for a second process, migrations run.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import { createLogger } from "../logging/logger";
import { bulkImportRunning, ensureDeferredIndexes } from "./deferred-indexes";
import { migrate } from "./migrate";

const log = createLogger("db");

export type Db = Database.Database;

export const DATABASE_FILE = "pacta.sqlite";

/**
 * Every write transaction begins IMMEDIATE (`db.transaction(fn).immediate()`), so that it
 * waits for another process's write instead of failing at once with "database is locked".
 */
export function openDatabase(file: string): Db {
  const dir = path.dirname(file);
  const fresh = !fs.existsSync(file);
  try {
    // The register is private: a new data folder is readable by its owner only.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new PactaError(
      "database_unreadable",
      `cannot create the data folder ${dir}: ${codeOf(error)}`,
    );
  }
  let db: Db;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw new PactaError("database_unreadable", `cannot open ${file}: ${messageOf(error)}`);
  }
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable across application crashes in WAL mode; a power
    // loss may lose the last commits but never corrupts the file.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // A register of 100,000 contracts is ~150 MB: give SQLite room to keep
    // the hot pages of its indexes in memory (64 MiB cache, 256 MiB mapped).
    db.pragma("cache_size = -65536");
    db.pragma("mmap_size = 268435456");
    const version = migrate(db);
    rebuildStoppedImport(db, file);
    if (fresh) fs.chmodSync(file, 0o600);
    log.info({ file, version }, "database open");
    return db;
  } catch (error) {
    db.close();
    if (error instanceof PactaError) throw error;
    if (/readonly|read-only|unable to open|EACCES|EPERM/i.test(messageOf(error))) {
      throw new PactaError(
        "database_unreadable",
        `cannot write to ${file}: check that you may write in ${dir} (Pacta needs to ` +
          "write its register there, even to read it)",
      );
    }
    throw new PactaError(
      "database_unreadable",
      `${file} is not a Pacta register or is damaged: ${messageOf(error)}`,
    );
  }
}

/**
 * An import stopped between dropping and rebuilding an index left it missing: build it,
 * unless that import still runs. Never fails the opening: the index only makes sorting
 * faster, and the next opening tries again.
 */
function rebuildStoppedImport(db: Db, file: string): void {
  try {
    if (bulkImportRunning(db)) return;
    const rebuilt = ensureDeferredIndexes(db);
    if (rebuilt.length > 0) log.warn({ file, rebuilt }, "missing indexes built again");
  } catch (error) {
    log.warn({ file, error: messageOf(error) }, "missing indexes not built; next time");
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? messageOf(error);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * SQLite's "database is locked" (another process kept the write lock past the
 * busy timeout) as a clear reason; null for any other error.
 */
export function busyError(error: unknown): PactaError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_BUSY")) return null;
  return new PactaError(
    "register_busy",
    "another program is writing to the register (an import in the app or a terminal, " +
      "say): nothing was changed; try again once it is done",
  );
}
