/**
 * Copies of the register with SQLite's online backup (the app keeps
 * working while it runs), a daily copy kept `keepDays` days, and restore:
 * a backup is checked before use, and the register it replaces is kept.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  BACKUP_EXTENSION,
  type BackupInfo,
  type BackupKind,
  type BackupStatus,
  DEFAULT_KEEP_DAYS,
  type RestoreReport,
} from "../../shared/api/backups";
import { PactaError } from "../../shared/api/result";
import { localToday } from "../../shared/domain/calendar-date";
import { checkRegisterFile } from "../db/health";
import { DATABASE_FILE, type Db, messageOf, openDatabase } from "../db/open";
import { createLogger } from "../logging/logger";
import {
  backupName,
  backupsDir,
  backupsToPrune,
  listBackups,
  parseBackupName,
  partialPath,
  removeStalePartials,
  SQLITE_COMPANIONS,
} from "./backup-files";

const log = createLogger("backup");
const KEEP_DAYS_KEY = "backup.keepDays";
const HOUR_MS = 60 * 60 * 1000;

export interface BackupsOptions {
  dataDir: string;
  /** The open register; null when it could not be opened (recovery). */
  db: Db | null;
  now?: () => Date;
}

/** Copies `source` (an open connection) to `file`, whole or not at all. */
export async function copyDatabase(source: Db, file: string): Promise<void> {
  const partial = partialPath(file);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await source.backup(partial);
    // One self-contained file: no WAL beside it.
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (error) {
    for (const f of [partial, ...SQLITE_COMPANIONS.map((c) => partial + c)]) {
      fs.rmSync(f, { force: true });
    }
    throw error;
  }
}

export class Backups {
  private readonly dataDir: string;
  private readonly db: Db | null;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo> | null = null;

  constructor(options: BackupsOptions) {
    this.dataDir = options.dataDir;
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  get folder(): string {
    return backupsDir(this.dataDir);
  }

  list(): BackupInfo[] {
    return listBackups(this.dataDir);
  }

  keepDays(): number {
    if (!this.db) return DEFAULT_KEEP_DAYS;
    const row = this.db.prepare("SELECT value FROM settings WHERE key = ?").get(KEEP_DAYS_KEY) as
      | { value: string }
      | undefined;
    const days = Number(row?.value);
    return Number.isInteger(days) && days >= 1 ? days : DEFAULT_KEEP_DAYS;
  }

  status(): BackupStatus {
    return { folder: this.folder, keepDays: this.keepDays(), latest: this.list()[0] ?? null };
  }

  setKeepDays(keepDays: number): BackupStatus {
    this.openDb()
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(KEEP_DAYS_KEY, String(keepDays));
    this.prune();
    return this.status();
  }

  /** Makes a copy now (one at a time), then prunes old copies. */
  create(kind: BackupKind = "manual"): Promise<BackupInfo> {
    if (this.running) return this.running;
    const db = this.openDb();
    const at = this.now();
    const file = path.join(this.folder, backupName(at, kind));
    this.running = copyDatabase(db, file)
      .then(() => {
        const info = this.list().find((b) => b.path === file);
        if (!info) throw new Error(`the backup ${file} vanished after it was written`);
        log.info({ file, bytes: info.bytes, kind }, "backup written");
        this.prune();
        return info;
      })
      .catch((error: unknown) => {
        log.error({ file, err: error }, "backup failed");
        throw new PactaError(
          "internal",
          `could not write a backup to ${this.folder}: ${(error as Error).message}`,
        );
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** The daily copy, when none was made today (local date). */
  async dailyIfDue(): Promise<BackupInfo | null> {
    const today = localToday(this.now());
    const done = this.list().some(
      (b) => b.kind !== "before-restore" && localToday(new Date(b.createdAt)) === today,
    );
    if (done) return null;
    return this.create("daily");
  }

  prune(): string[] {
    const removed: string[] = [];
    for (const b of backupsToPrune(this.list(), this.keepDays(), this.now())) {
      fs.rmSync(b.path, { force: true });
      removed.push(b.path);
    }
    removed.push(...removeStalePartials(this.dataDir, this.now()));
    if (removed.length > 0) log.info({ removed: removed.length }, "old backups removed");
    return removed;
  }

  /** Checks for a due daily copy now and every hour while the app runs. */
  startAuto(): void {
    if (this.timer || !this.db) return;
    const tick = () => {
      this.dailyIfDue().catch(() => {
        // Logged by create(); the next tick tries again.
      });
    };
    tick();
    this.timer = setInterval(tick, HOUR_MS);
    this.timer.unref();
  }

  stopAuto(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private openDb(): Db {
    if (!this.db) {
      throw new PactaError("database_unreadable", "the register is not open; restore a backup");
    }
    return this.db;
  }
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, "-");
}

/** Moves a register file and its WAL companions aside under a new name. */
export function setAsideDamaged(dataDir: string, at: Date): string {
  const live = path.join(dataDir, DATABASE_FILE);
  const target = path.join(dataDir, `${DATABASE_FILE}.damaged-${stamp(at)}`);
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, target + suffix);
  }
  log.warn({ from: live, to: target }, "damaged register set aside");
  return target;
}

/** The backup file a name stands for, refusing anything outside the backups folder. */
export function backupPath(dataDir: string, name: string): string {
  const dir = backupsDir(dataDir);
  const file = path.resolve(dir, name);
  if (path.dirname(file) !== dir || !name.endsWith(".pacta")) {
    throw new PactaError("invalid_argument", `${name} is not a backup in ${dir}`);
  }
  return file;
}

/** A check's or an open's failure, as the error a restore reports. */
function unusable(file: string, problem: string, newer = false): PactaError {
  const reason = newer ? "database_newer_than_app" : "database_unreadable";
  return new PactaError(reason, `${file} cannot be restored: ${problem}`);
}

function removeWithCompanions(file: string): void {
  for (const f of [file, ...SQLITE_COMPANIONS.map((c) => file + c)]) fs.rmSync(f, { force: true });
}

/**
 * Copies the backup beside the others and opens the copy the way the app
 * opens its register (migrations run on the copy). Returns the copy, ready
 * to be put in place; the backup itself is never changed.
 */
async function preparedCopy(dataDir: string, file: string, now: Date): Promise<string> {
  const folder = backupsDir(dataDir);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // A `.partial` name: if this process dies, the next prune removes it.
  const copy = partialPath(path.join(folder, `restore-${stamp(now)}${BACKUP_EXTENSION}`));
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    const db = openDatabase(copy);
    try {
      db.pragma("journal_mode = DELETE");
    } finally {
      db.close();
    }
    return copy;
  } catch (error) {
    removeWithCompanions(copy);
    const newer = error instanceof PactaError && error.reason === "database_newer_than_app";
    throw unusable(file, messageOf(error).split(copy).join("its copy"), newer);
  }
}

/** Undoes a swap whose result would not open: the previous register goes back. */
async function putBack(live: string, setAside: string, damagedAside: boolean): Promise<void> {
  if (setAside === "") {
    removeWithCompanions(live);
  } else if (damagedAside) {
    removeWithCompanions(live);
    for (const suffix of ["", "-wal", "-shm"]) {
      if (fs.existsSync(setAside + suffix)) fs.renameSync(setAside + suffix, live + suffix);
    }
  } else {
    const previous = new Database(setAside, { readonly: true, fileMustExist: true });
    try {
      await previous.backup(live);
    } finally {
      previous.close();
    }
  }
}

/**
 * Puts a backup in the register's place. The backup must open, pass the
 * integrity check, be a Pacta register and not be newer than this app; a
 * copy of it is then opened and brought up to this app's schema before
 * anything is replaced. The current register is kept: copied to a
 * `before-restore` backup when it is healthy, or renamed aside when it is
 * damaged; if the register still does not open after the swap, the
 * previous one is put back. Close every connection of this process to the
 * register first, and reopen it afterwards.
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  now: Date = new Date(),
  verify: (live: string) => void = (live) => openDatabase(live).close(),
): Promise<RestoreReport> {
  const check = checkRegisterFile(file, { needTables: true });
  if (!check.ok) throw unusable(file, check.detail, check.problem === "newer_schema");
  const candidate = await preparedCopy(dataDir, file, now);
  const live = path.join(dataDir, DATABASE_FILE);
  let setAside = "";
  let damagedAside = false;
  try {
    if (!fs.existsSync(live)) {
      setAside = "";
    } else if (checkRegisterFile(live).ok) {
      setAside = path.join(backupsDir(dataDir), backupName(now, "before-restore"));
      const current = new Database(live, { readonly: true });
      try {
        await copyDatabase(current, setAside);
      } finally {
        current.close();
      }
    } else {
      setAside = setAsideDamaged(dataDir, now);
      damagedAside = true;
    }
    const source = new Database(candidate, { readonly: true, fileMustExist: true });
    try {
      // SQLite's backup writes the register in one transaction: other
      // processes see the old or the new register, never a mix.
      await source.backup(live);
    } finally {
      source.close();
    }
  } finally {
    removeWithCompanions(candidate);
  }
  try {
    verify(live);
  } catch (error) {
    log.error(
      { file, err: error },
      "the restored register does not open; putting back the previous one",
    );
    await putBack(live, setAside, damagedAside);
    const back = setAside === "" ? "there was no register before" : "the previous register is back";
    throw new PactaError(
      "database_unreadable",
      `${file} was restored but the register would not open (${messageOf(error)}); ${back}`,
    );
  }
  const stat = fs.statSync(file);
  const named = parseBackupName(path.basename(file));
  log.info({ file, setAside }, "backup restored");
  return {
    restored: {
      name: path.basename(file),
      path: file,
      kind: named?.kind ?? "manual",
      createdAt: (named?.createdAt ?? stat.mtime).toISOString(),
      bytes: stat.size,
    },
    setAside,
  };
}
