/**
 * The register's health on open and the recovery it offers, on real files:
 * a deliberately damaged register, one from a newer app, garbage.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../api/dispatch";
import { checkRegisterFile, registerHealth } from "../db/health";
import { SCHEMA_VERSION } from "../db/migrate";
import { DATABASE_FILE } from "../db/open";
import { stopLogging } from "../logging/logger";
import { contract } from "../reminders/testing";
import { tempDataDir } from "../test-support/temp-register";
import { RegisterDoor } from "./register-door";
import { openServices } from "./services";

const doors: { door: RegisterDoor; dir: string }[] = [];

afterEach(() => {
  for (const { door, dir } of doors.splice(0)) {
    door.close();
    stopLogging();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A register with a few hundred contracts (several pages), and a backup of it. */
async function registerWithBackup(): Promise<{ dir: string; backup: string }> {
  const dir = tempDataDir("pacta-door-");
  const s = openServices({ dataDir: dir, actor: "setup" });
  for (let i = 0; i < 400; i++) s.register.create(contract({ title: `Contrat n° ${i}` }));
  const backup = await s.backups.create("daily");
  s.close();
  return { dir, backup: backup.name };
}

/**
 * Overwrites some of the contracts' pages, as a failing disk or a bad copy
 * would: the schema pages stay whole, so the rest can still be read.
 */
function corruptMiddle(file: string): void {
  const db = new Database(file, { readonly: true });
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'contracts' AND pagetype = 'leaf'")
    .pluck()
    .all() as number[];
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.close();
  const hit = pages.slice(Math.floor(pages.length / 3), Math.floor(pages.length / 3) + 4);
  if (hit.length === 0) throw new Error("the register has no contract pages to damage");
  const fd = fs.openSync(file, "r+");
  const junk = Buffer.alloc(pageSize, 0x42);
  for (const page of hit) fs.writeSync(fd, junk, 0, junk.length, (page - 1) * pageSize);
  fs.closeSync(fd);
}

function openDoor(dir: string): RegisterDoor {
  const door = new RegisterDoor({ dataDir: dir, context: { door: "headless", version: "test" } });
  doors.push({ door, dir });
  door.open();
  return door;
}

function call(door: RegisterDoor, channel: string, args: unknown = {}) {
  return dispatch(door.handlers(), channel, args);
}

describe("register health", () => {
  it("finds damage with the integrity check, a newer schema, and garbage", async () => {
    const { dir } = await registerWithBackup();
    const file = path.join(dir, DATABASE_FILE);
    expect(registerHealth(file)).toEqual({ state: "ok" });
    expect(registerHealth(path.join(dir, "missing.sqlite"))).toEqual({ state: "ok" });
    const copy = path.join(dir, "copy.sqlite");
    fs.copyFileSync(file, copy);
    corruptMiddle(copy);
    expect(checkRegisterFile(copy)).toMatchObject({ ok: false, problem: "corrupt" });
    const newer = path.join(dir, "newer.sqlite");
    fs.copyFileSync(file, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(checkRegisterFile(newer)).toMatchObject({ ok: false, problem: "newer_schema" });
    const junk = path.join(dir, "junk.sqlite");
    fs.writeFileSync(junk, Buffer.alloc(10_000, 7));
    expect(checkRegisterFile(junk)).toMatchObject({ ok: false, problem: "corrupt" });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the door on a damaged register", () => {
  it("opens in recovery: every method refuses, health names the problem", async () => {
    const { dir } = await registerWithBackup();
    corruptMiddle(path.join(dir, DATABASE_FILE));
    const door = openDoor(dir);
    expect(door.services).toBeNull();
    const health = await call(door, "app.health");
    expect(health).toMatchObject({
      ok: true,
      value: { state: "damaged", problem: "corrupt", file: path.join(dir, DATABASE_FILE) },
    });
    expect(await call(door, "contracts.list")).toMatchObject({
      ok: false,
      error: { reason: "database_unreadable" },
    });
    // Backups still list (from the folder) but cannot be made from a damaged register.
    const list = await call(door, "backups.list");
    expect(list.ok && Array.isArray(list.value) && list.value.length).toBe(1);
    expect(await call(door, "backups.create")).toMatchObject({ ok: false });
  });

  it("exports what can still be read, without changing the file", async () => {
    const { dir } = await registerWithBackup();
    const file = path.join(dir, DATABASE_FILE);
    corruptMiddle(file);
    const before = fs.readFileSync(file);
    const door = openDoor(dir);
    const r = await call(door, "app.exportDamaged");
    if (!r.ok) throw new Error(r.error.detail);
    const value = r.value as { fileName: string; content: string; tables: number };
    expect(value.fileName).toMatch(/^pacta-recovered-\d{4}-\d{2}-\d{2}\.json$/);
    const content = JSON.parse(value.content);
    expect(Object.keys(content.tables)).toContain("contracts");
    expect(value.tables).toBeGreaterThan(5);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("restores a backup and opens normally, the damaged file kept aside", async () => {
    const { dir, backup } = await registerWithBackup();
    corruptMiddle(path.join(dir, DATABASE_FILE));
    const door = openDoor(dir);
    const r = await call(door, "backups.restore", { name: backup });
    expect(r).toMatchObject({ ok: true, value: { setAside: expect.stringMatching(/damaged-/) } });
    expect(await call(door, "app.health")).toEqual({ ok: true, value: { state: "ok" } });
    const page = await call(door, "contracts.list", { limit: 1 });
    expect(page).toMatchObject({ ok: true, value: { total: 400 } });
  });

  it("starts an empty register on request, keeping the damaged one", async () => {
    const { dir } = await registerWithBackup();
    fs.writeFileSync(path.join(dir, DATABASE_FILE), "not a database ".repeat(2000));
    const door = openDoor(dir);
    const r = await call(door, "app.startFresh");
    expect(r).toMatchObject({ ok: true });
    const aside = r.ok ? (r.value as { setAside: string }).setAside : "";
    expect(fs.readFileSync(aside, "utf8")).toMatch(/^not a database/);
    expect(await call(door, "contracts.list")).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await call(door, "app.startFresh")).toMatchObject({
      ok: false,
      error: { reason: "invalid_argument" },
    });
  });

  it("opens a register from a newer app read-only: export and restore, no writes", async () => {
    const { dir } = await registerWithBackup();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const door = openDoor(dir);
    expect(await call(door, "app.health")).toMatchObject({
      value: { state: "damaged", problem: "newer_schema" },
    });
    expect(await call(door, "contracts.list")).toMatchObject({
      error: { reason: "database_newer_than_app" },
    });
    expect(await call(door, "app.exportDamaged")).toMatchObject({ ok: true });
  });

  it("turns damage found while running into the recovery state", async () => {
    const { dir } = await registerWithBackup();
    const door = openDoor(dir);
    expect(door.services).not.toBeNull();
    // The disk goes bad under the running app; SQLite finds out on its next read.
    const file = path.join(dir, DATABASE_FILE);
    const fd = fs.openSync(file, "r+");
    fs.writeSync(fd, Buffer.alloc(fs.statSync(file).size - 4096, 0x42), 0, undefined, 4096);
    fs.closeSync(fd);
    const r = await call(door, "contracts.list", { limit: 1000, search: "Contrat" });
    expect(r).toMatchObject({ ok: false, error: { reason: "database_unreadable" } });
    expect(r.ok ? "" : r.error.detail).toMatch(/the register is damaged .*reload to recover it/);
    expect(door.services).toBeNull();
    expect(await call(door, "app.health")).toMatchObject({
      value: { state: "damaged", problem: "corrupt" },
    });
  });

  it("refuses restore names outside the backups folder", async () => {
    const { dir } = await registerWithBackup();
    const door = openDoor(dir);
    expect(await call(door, "backups.restore", { name: "../pacta.sqlite" })).toMatchObject({
      ok: false,
      error: { reason: "invalid_argument" },
    });
    expect(await call(door, "backups.restore", { name: "x/../../y.pacta" })).toMatchObject({
      ok: false,
      error: { reason: "invalid_argument" },
    });
  });
});
