import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { BackupInfo } from "../../shared/api/backups";
import { openServices, type PactaServices } from "../app/services";
import { SCHEMA_VERSION } from "../db/migrate";
import { DATABASE_FILE } from "../db/open";
import { stopLogging } from "../logging/logger";
import { contract } from "../reminders/testing";
import { tempDataDir } from "../test-support/temp-register";
import {
  backupName,
  backupsDir,
  backupsToPrune,
  listBackups,
  parseBackupName,
  removeStalePartials,
} from "./backup-files";
import { backupPath, restoreBackup } from "./backups";

const DAY = 24 * 60 * 60 * 1000;
const opened: { s: PactaServices; dir: string }[] = [];

function open(dir = tempDataDir("pacta-backup-"), now?: () => Date) {
  const s = openServices({ dataDir: dir, actor: "tester", ...(now ? { now } : {}) });
  opened.push({ s, dir });
  return s;
}

afterEach(() => {
  for (const { s, dir } of opened.splice(0)) {
    s.close();
    stopLogging();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT title FROM contracts ORDER BY id").all() as { title: string }[]).map(
      (r) => r.title,
    );
  } finally {
    db.close();
  }
}

/** Writes garbage over the pages after the first, as a failing disk would. */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, "r+");
  const junk = Buffer.alloc(Math.min(size - 4096, 64 * 1024), 0xa5);
  fs.writeSync(fd, junk, 0, junk.length, 4096);
  fs.closeSync(fd);
}

describe("backup files", () => {
  it("names copies so that they sort by time and read back", () => {
    const at = new Date("2026-12-04T21:30:05.123Z");
    const name = backupName(at, "daily");
    expect(name).toBe("pacta-2026-12-04T21-30-05-123Z-daily.pacta");
    expect(parseBackupName(name)).toEqual({ createdAt: at, kind: "daily" });
    expect(parseBackupName("pacta-2026-12-04T21-30-05-123Z-other.pacta")).toBeNull();
    expect(parseBackupName("notes.pacta")).toBeNull();
    expect(parseBackupName(`${name}.partial`)).toBeNull();
  });

  it("prunes daily and manual copies past the limit, never the newest nor a set-aside one", () => {
    const now = new Date("2026-12-20T12:00:00Z");
    const info = (daysAgo: number, kind: BackupInfo["kind"]): BackupInfo => {
      const at = new Date(now.getTime() - daysAgo * DAY);
      return { name: backupName(at, kind), path: "", kind, createdAt: at.toISOString(), bytes: 1 };
    };
    const all = [
      info(1, "daily"),
      info(13, "manual"),
      info(15, "daily"),
      info(40, "before-restore"),
    ];
    expect(backupsToPrune(all, 14, now).map((b) => b.kind)).toEqual(["daily"]);
    expect(backupsToPrune(all, 7, now).map((b) => b.createdAt)).toEqual([
      all[1]?.createdAt,
      all[2]?.createdAt,
    ]);
    // Only old copies left: the newest of them stays.
    expect(backupsToPrune([info(30, "daily"), info(20, "daily")], 14, now)).toEqual([
      info(30, "daily"),
    ]);
  });
});

describe("backups of a real register", () => {
  it("copies the open register whole, lists it, and keeps the app writing meanwhile", async () => {
    const s = open();
    s.register.create(contract({ title: "Bail commercial" }));
    const copy = s.backups.create("manual");
    s.register.create(contract({ title: "Écrit pendant la copie" }));
    const info = await copy;
    expect(info.kind).toBe("manual");
    expect(path.dirname(info.path)).toBe(backupsDir(s.dataDir));
    expect(fs.statSync(info.path).mode & 0o777).toBe(0o600);
    expect(titles(info.path)[0]).toBe("Bail commercial");
    // A self-contained file: no WAL beside it, and it passes the integrity check.
    expect(fs.existsSync(`${info.path}-wal`)).toBe(false);
    const db = new Database(info.path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(db.pragma("quick_check", { simple: true })).toBe("ok");
    db.close();
    expect(s.backups.list().map((b) => b.name)).toEqual([info.name]);
    expect(s.backups.status()).toMatchObject({ keepDays: 14, latest: { name: info.name } });
  });

  it("makes the daily copy once a day and prunes by the kept number of days", async () => {
    let now = new Date("2026-12-01T09:00:00");
    const s = open(undefined, () => now);
    s.register.create(contract({ title: "A" }));
    expect((await s.backups.dailyIfDue())?.kind).toBe("daily");
    expect(await s.backups.dailyIfDue()).toBeNull();
    now = new Date("2026-12-02T09:00:00");
    expect(await s.backups.dailyIfDue()).not.toBeNull();
    s.backups.setKeepDays(3);
    expect(s.backups.keepDays()).toBe(3);
    now = new Date("2026-12-05T10:00:00");
    await s.backups.dailyIfDue();
    // Day 1 and day 2 are older than 3 days: gone; today's stays.
    expect(s.backups.list().map((b) => b.createdAt.slice(0, 10))).toEqual([
      new Date("2026-12-05T10:00:00").toISOString().slice(0, 10),
    ]);
  });

  it("restores a backup, keeping the replaced register as a before-restore copy", async () => {
    const s = open();
    s.register.create(contract({ title: "Avant" }));
    const backup = await s.backups.create("manual");
    s.register.create(contract({ title: "Après" }));
    const dir = s.dataDir;
    s.close();
    opened.pop();
    const report = await restoreBackup(dir, backup.path, new Date("2026-12-04T10:00:00Z"));
    expect(report.restored.name).toBe(backup.name);
    expect(titles(report.setAside)).toEqual(["Avant", "Après"]);
    expect(parseBackupName(path.basename(report.setAside))?.kind).toBe("before-restore");
    const again = open(dir);
    expect(again.list.list({}).rows.map((r) => r.title)).toEqual(["Avant"]);
  });

  it("restores over a register that is open (another process may hold it)", async () => {
    const s = open();
    s.register.create(contract({ title: "Un" }));
    const backup = await s.backups.create("manual");
    s.register.create(contract({ title: "Deux" }));
    const report = await restoreBackup(s.dataDir, backup.path);
    expect(s.list.list({}).rows.map((r) => r.title)).toEqual(["Un"]);
    expect(titles(report.setAside)).toEqual(["Un", "Deux"]);
  });

  it("refuses a damaged, a newer or a non-register backup; nothing changes", async () => {
    const s = open();
    for (let i = 0; i < 300; i++) s.register.create(contract({ title: `Contrat ${i}` }));
    const good = await s.backups.create("manual");
    const broken = path.join(backupsDir(s.dataDir), backupName(new Date(0), "manual"));
    fs.copyFileSync(good.path, broken);
    damage(broken);
    await expect(restoreBackup(s.dataDir, broken)).rejects.toThrow(/cannot be restored/);

    const newer = path.join(s.dataDir, "newer.pacta");
    fs.copyFileSync(good.path, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(restoreBackup(s.dataDir, newer)).rejects.toMatchObject({
      reason: "database_newer_than_app",
    });

    const text = path.join(s.dataDir, "notes.pacta");
    fs.writeFileSync(text, "not a database at all, just words".repeat(200));
    await expect(restoreBackup(s.dataDir, text)).rejects.toThrow(/cannot be restored/);
    const empty = path.join(s.dataDir, "empty.pacta");
    new Database(empty).close();
    await expect(restoreBackup(s.dataDir, empty)).rejects.toThrow(/not a Pacta register/);

    expect(s.list.list({ limit: 1000 }).total).toBe(300);
    expect(s.backups.list().map((b) => b.name)).toContain(good.name);
  });

  it("migrates a copy first: a backup that cannot be updated changes nothing", async () => {
    const s = open();
    s.register.create(contract({ title: "Gardé" }));
    const good = await s.backups.create("manual");
    const older = path.join(s.dataDir, "older.pacta");
    fs.copyFileSync(good.path, older);
    const db = new Database(older);
    db.pragma("user_version = 3");
    db.close();
    const failure = restoreBackup(s.dataDir, older);
    await expect(failure).rejects.toMatchObject({ reason: "database_unreadable" });
    await expect(failure).rejects.toThrow(/older\.pacta cannot be restored: its copy .*exists/);
    expect(s.list.list({}).rows.map((r) => r.title)).toEqual(["Gardé"]);
    expect(fs.readdirSync(backupsDir(s.dataDir))).toEqual([good.name]);
    // A current backup still restores, at this app's schema.
    const report = await restoreBackup(s.dataDir, good.path);
    expect(report.restored.name).toBe(good.name);
    const file = new Database(path.join(s.dataDir, DATABASE_FILE), { readonly: true });
    expect(file.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    file.close();
  });

  it("puts the previous register back when the restored one does not open", async () => {
    const s = open();
    s.register.create(contract({ title: "Un" }));
    const backup = await s.backups.create("manual");
    s.register.create(contract({ title: "Deux" }));
    const dir = s.dataDir;
    s.close();
    opened.pop();
    const live = path.join(dir, DATABASE_FILE);
    const failing = () => {
      throw new Error("disk went away");
    };
    await expect(restoreBackup(dir, backup.path, new Date(), failing)).rejects.toThrow(
      /would not open \(disk went away\); the previous register is back/,
    );
    expect(titles(live)).toEqual(["Un", "Deux"]);

    fs.writeFileSync(live, "garbage that is not SQLite".repeat(500));
    await expect(restoreBackup(dir, backup.path, new Date(), failing)).rejects.toThrow(
      /the previous register is back/,
    );
    expect(fs.readFileSync(live, "utf8")).toMatch(/^garbage/);
    expect(fs.readdirSync(dir).filter((f) => f.includes("damaged"))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sets a damaged register aside under a new name when restoring over it", async () => {
    const s = open();
    s.register.create(contract({ title: "Sauvé" }));
    const backup = await s.backups.create("manual");
    const dir = s.dataDir;
    s.close();
    opened.pop();
    const live = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(live, "garbage that is not SQLite".repeat(500));
    const report = await restoreBackup(dir, backup.path);
    expect(path.basename(report.setAside)).toMatch(/^pacta\.sqlite\.damaged-/);
    expect(fs.readFileSync(report.setAside, "utf8")).toMatch(/^garbage/);
    expect(titles(live)).toEqual(["Sauvé"]);
  });

  it("refuses backup names that leave the backups folder", () => {
    const dir = tempDataDir("pacta-backup-");
    expect(() => backupPath(dir, "../pacta.sqlite")).toThrow(/not a backup/);
    expect(() => backupPath(dir, "sub/x.pacta")).toThrow(/not a backup/);
    expect(() => backupPath(dir, "x.sqlite")).toThrow(/not a backup/);
    expect(backupPath(dir, "x.pacta")).toBe(path.join(dir, "backups", "x.pacta"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("cleans half-written copies left by a crash, but not one being written now", () => {
    const dir = tempDataDir("pacta-backup-");
    const folder = backupsDir(dir);
    fs.mkdirSync(folder);
    const old = path.join(folder, `${backupName(new Date(), "daily")}.partial`);
    const fresh = path.join(folder, `${backupName(new Date(), "manual")}.partial`);
    fs.writeFileSync(old, "half");
    fs.writeFileSync(fresh, "half");
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(old, hourAgo, hourAgo);
    expect(listBackups(dir)).toEqual([]);
    expect(removeStalePartials(dir, new Date())).toEqual([old]);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
