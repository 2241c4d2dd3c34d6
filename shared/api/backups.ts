/**
 * The backups group of the API (copies of the register in the data folder's
 * `backups/`, restore), and the register's health for the recovery screen.
 */
import { z } from "zod";
import { endpoint } from "./endpoint";

export const BACKUP_EXTENSION = ".pacta";
export const DEFAULT_KEEP_DAYS = 14;

/** daily: made by the app once a day; manual: "backup now"; before-restore: kept aside. */
export type BackupKind = "daily" | "manual" | "before-restore";

export interface BackupInfo {
  /** The file name inside the backups folder (`pacta-2026-12-04T21-30-00Z-daily.pacta`). */
  name: string;
  path: string;
  kind: BackupKind;
  /** ISO instant the copy was made. */
  createdAt: string;
  bytes: number;
}

export interface BackupStatus {
  folder: string;
  keepDays: number;
  /** The newest copy, if any. */
  latest: BackupInfo | null;
}

export interface RestoreReport {
  restored: BackupInfo;
  /** Where the register that was replaced now lives (a backup or a damaged file). */
  setAside: string;
}

/** What is wrong with the register when it cannot be opened. */
export type RegisterProblem = "corrupt" | "newer_schema" | "unreadable";

export type RegisterHealth =
  | { state: "ok" }
  | { state: "damaged"; problem: RegisterProblem; detail: string; file: string };

/** A backup named by its file name in the backups folder: no folders, no traversal. */
export const backupNameSchema = z
  .string()
  .min(7)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pacta$/, "a backup file name ending in .pacta");

export const backupsApi = {
  list: endpoint<BackupInfo[]>()(z.object({})),
  status: endpoint<BackupStatus>()(z.object({})),
  /** "Backup now". */
  create: endpoint<BackupInfo>()(z.object({})),
  /** Checks a backup, sets the current register aside, puts the backup in its place. */
  restore: endpoint<RestoreReport>()(z.object({ name: backupNameSchema })),
  setSettings: endpoint<BackupStatus>()(z.object({ keepDays: z.number().int().min(1).max(3650) })),
};

export const healthApi = {
  /** Whether the register opened; the recovery screen shows when it did not. */
  health: endpoint<RegisterHealth>()(z.object({})),
  /** Recovery: sets the damaged register aside and starts an empty one. */
  startFresh: endpoint<{ setAside: string }>()(z.object({})),
  /** Recovery: what can still be read from the damaged register, as a JSON file. */
  exportDamaged: endpoint<{ fileName: string; content: string; tables: number }>()(z.object({})),
  /** The log folder; the desktop app also opens it in the file manager. */
  openLogFolder: endpoint<{ folder: string; opened: boolean }>()(z.object({})),
};
