/**
 * A bare SQLite file in a temporary folder, for migration tests that write
 * an older schema by hand before migrating it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { tempDataDir } from "./temp-register";

export interface RawDatabase {
  dir: string;
  db: Database.Database;
  cleanup(): void;
}

export function openRawDatabase(): RawDatabase {
  const dir = tempDataDir();
  const db = new Database(path.join(dir, "pacta.sqlite"));
  db.pragma("foreign_keys = ON");
  return {
    dir,
    db,
    cleanup() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
