import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { tempDataDir } from "../test-support/temp-register";
import { SCHEMA_VERSION } from "./migrate";
import { openDatabase } from "./open";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function fileIn(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return path.join(dir, "pacta.sqlite");
}

describe("opening the register", () => {
  it("creates a WAL database at the current schema with foreign keys on", () => {
    const db = openDatabase(fileIn());
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(strict).toEqual(expect.arrayContaining(["contracts", "parties", "contract_history"]));
    db.close();
  });

  it("opens an existing database again without migrating twice", () => {
    const file = fileIn();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT count(*) AS n FROM stages").get()).toEqual({ n: 9 });
    db.close();
  });

  it("refuses a database written by a newer Pacta, and leaves it alone", () => {
    const file = fileIn();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/update Pacta to open it/);
    const again = new Database(file);
    expect(again.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    again.close();
  });

  it("names a file that is not a register", () => {
    const file = fileIn();
    fs.writeFileSync(file, "this is not sqlite, just text ".repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a Pacta register or is damaged/);
  });
});
