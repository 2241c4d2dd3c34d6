/** The backup commands of `pacta`: backup, backups, restore. */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { BackupInfo } from "../../shared/api/backups";
import { PactaError } from "../../shared/api/result";
import type { PactaServices } from "../app/services";
import { listBackups, removeStalePartials } from "../backup/backup-files";
import { copyDatabase, restoreBackup } from "../backup/backups";
import { checkRegisterFile } from "../db/health";
import { logToFile } from "../logging/logger";
import { out, printJson, type Runner, table } from "./output";

/** Runs work on the data folder alone, without opening the register (it may be damaged). */
export type FolderRunner = (work: (dataDir: string) => Promise<void> | void) => Promise<void>;

export interface BackupOptions {
  out?: string;
  json?: boolean;
}

export async function backupCommand(s: PactaServices, o: BackupOptions): Promise<void> {
  let info: BackupInfo;
  if (o.out) {
    const file = path.resolve(o.out);
    // A file in the way or a missing folder is the work failing (exit 1), as
    // for `report --pdf`; nothing is created.
    if (fs.existsSync(file)) {
      throw new Error(`${file} already exists; choose another file name`);
    }
    if (!isFolder(path.dirname(file))) {
      throw new Error(`cannot write ${file}: no such folder ${path.dirname(file)}`);
    }
    try {
      await copyDatabase(s.db, file);
    } catch (error) {
      throw new PactaError("internal", `cannot write ${file}: ${(error as Error).message}`);
    }
    const stat = fs.statSync(file);
    info = {
      name: path.basename(file),
      path: file,
      kind: "manual",
      createdAt: stat.mtime.toISOString(),
      bytes: stat.size,
    };
  } else {
    info = await s.backups.create("manual");
  }
  if (o.json) printJson(info);
  else out(`Backup written: ${info.path} (${size(info.bytes)})`);
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function backupsCommand(dataDir: string, o: { json?: boolean }): void {
  removeStalePartials(dataDir, new Date());
  const backups = listBackups(dataDir);
  if (o.json) {
    printJson(backups);
    return;
  }
  if (backups.length === 0) {
    out(`No backups in ${path.join(dataDir, "backups")}.`);
    return;
  }
  out(
    table(
      ["CREATED", "KIND", "SIZE", "NAME"],
      backups.map((b) => [
        b.createdAt.replace("T", " ").slice(0, 19),
        b.kind,
        size(b.bytes),
        b.name,
      ]),
    ),
  );
  out(
    `${backups.length} backup${backups.length === 1 ? "" : "s"} in ` +
      path.join(dataDir, "backups"),
  );
}

/** A file path, or the name of a copy in the backups folder. */
export function resolveBackupArg(dataDir: string, arg: string): string {
  if (fs.existsSync(arg)) return path.resolve(arg);
  const named = listBackups(dataDir).find((b) => b.name === arg);
  if (named) return named.path;
  throw new PactaError("not_found", `${arg}: no such file, and no backup of that name`);
}

export async function restoreCommand(
  dataDir: string,
  arg: string,
  o: { yes?: boolean; json?: boolean },
): Promise<void> {
  const file = resolveBackupArg(dataDir, arg);
  // A broken backup is the work failing (exit 1), not a usage error.
  const check = checkRegisterFile(file, { needTables: true });
  if (!check.ok) {
    const reason =
      check.problem === "newer_schema" ? "database_newer_than_app" : "database_unreadable";
    throw new PactaError(reason, `${file} cannot be restored: ${check.detail}`);
  }
  if (!o.yes) {
    throw new PactaError(
      "confirmation_required",
      `restoring ${file} replaces the register in ${dataDir} (it is kept aside); ` +
        "add --yes to confirm",
    );
  }
  // Migrates a copy first, and checks the register opens after the swap.
  const report = await restoreBackup(dataDir, file);
  if (o.json) printJson(report);
  else {
    out(`Restored ${report.restored.path}`);
    if (report.setAside) out(`The previous register is kept in ${report.setAside}`);
  }
}

export function backupCommands(cli: Command, run: Runner, inFolder: FolderRunner): void {
  cli
    .command("backup")
    .description("copy the register now (to the backups folder, or to --out FILE)")
    .option("--out <file>", "write the copy to this file instead")
    .option("--json", "print the backup as JSON")
    .action((o: BackupOptions) => run((s) => backupCommand(s, o)));

  cli
    .command("backups")
    .description("list the register's backups, newest first")
    .option("--json", "print JSON")
    .action((o: { json?: boolean }) => inFolder((dir) => backupsCommand(dir, o)));

  cli
    .command("restore")
    .description("replace the register with a backup (checked first; the current one is kept)")
    .argument("<file>", "a .pacta file, or a backup's name from `pacta backups`")
    .option("--yes", "confirm replacing the register")
    .option("--json", "print the report as JSON")
    .action((file: string, o: { yes?: boolean; json?: boolean }) =>
      inFolder((dir) => {
        logToFile(dir);
        return restoreCommand(dir, file, o);
      }),
    );
}
