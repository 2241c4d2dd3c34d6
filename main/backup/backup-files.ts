/**
 * The backups folder: how a copy is named, which files are copies, which
 * are old enough to go. A copy is written under a `.partial` name and
 * renamed when complete, so a `.pacta` file in the folder is always whole.
 */
import fs from "node:fs";
import path from "node:path";
import { BACKUP_EXTENSION, type BackupInfo, type BackupKind } from "../../shared/api/backups";

export const BACKUPS_FOLDER = "backups";
const PARTIAL = ".partial";
const NAME = /^pacta-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.pacta$/;
const KINDS: readonly BackupKind[] = ["daily", "manual", "before-restore"];
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

/** `pacta-2026-12-04T21-30-00-000Z-daily.pacta`: sortable, safe on every file system. */
export function backupName(at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().replace(/:/g, "-").replace(".", "-");
  return `pacta-${stamp}-${kind}${BACKUP_EXTENSION}`;
}

/** The instant and kind a backup's name carries, or null for any other file. */
export function parseBackupName(name: string): { createdAt: Date; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, hh, mm, ss, ms, kind] = m;
  if (!KINDS.includes(kind as BackupKind)) return null;
  const createdAt = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, kind: kind as BackupKind };
}

/** Where a copy is written before it is complete. */
export function partialPath(finalPath: string): string {
  return `${finalPath}${PARTIAL}`;
}

/** SQLite's own files beside a database being written (a rollback journal, a WAL). */
export const SQLITE_COMPANIONS = ["-journal", "-wal", "-shm"] as const;

/** A half-written copy, or the journal SQLite keeps beside one. */
export function isPartial(name: string): boolean {
  const base = `${BACKUP_EXTENSION}${PARTIAL}`;
  return name.endsWith(base) || SQLITE_COMPANIONS.some((c) => name.endsWith(`${base}${c}`));
}

/** The complete copies in the folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      out.push({
        name,
        path: file,
        kind: parsed.kind,
        createdAt: parsed.createdAt.toISOString(),
        bytes: stat.size,
      });
    } catch {
      // Removed while we looked: not a backup any more.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The copies to delete: daily and manual ones older than `keepDays`, but
 * never the newest copy, and never a register set aside by a restore.
 */
export function backupsToPrune(
  backups: readonly BackupInfo[],
  keepDays: number,
  now: Date,
): BackupInfo[] {
  const limit = now.getTime() - keepDays * DAY_MS;
  const newest = backups.reduce<BackupInfo | null>(
    (best, b) => (best === null || b.createdAt > best.createdAt ? b : best),
    null,
  );
  return backups.filter(
    (b) => b.kind !== "before-restore" && b !== newest && Date.parse(b.createdAt) < limit,
  );
}

/**
 * Deletes half-written copies left by a crash (older than `graceMs`, so a
 * copy another process is writing right now is left alone).
 */
export function removeStalePartials(dataDir: string, now: Date, graceMs = 10 * 60_000): string[] {
  const dir = backupsDir(dataDir);
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.filter(isPartial)) {
    const file = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs >= graceMs) {
        fs.rmSync(file, { force: true });
        removed.push(file);
      }
    } catch {
      // Already gone.
    }
  }
  return removed;
}
