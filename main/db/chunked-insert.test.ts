import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ChunkedInsert } from "./chunked-insert";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function table() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-chunked-"));
  dirs.push(dir);
  const db = new Database(path.join(dir, "t.sqlite"));
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY, word TEXT NOT NULL)");
  const insert = new ChunkedInsert(db, "INSERT INTO t (n, word)", 2);
  const rows = () => db.prepare("SELECT n, word FROM t ORDER BY n").raw().all();
  return { db, insert, rows };
}

describe("ChunkedInsert", () => {
  it("writes at once when nothing holds it", () => {
    const { insert, rows } = table();
    insert.add(1, "un");
    expect(rows()).toEqual([[1, "un"]]);
  });

  it("held, writes full chunks as they fill and the rest on flush, in order", () => {
    const { db, insert, rows } = table();
    const seen: number[] = [];
    db.transaction(() => {
      insert.hold();
      for (let n = 1; n <= 70; n += 1) {
        insert.add(n, `mot ${n}`);
        if (n === 31 || n === 32 || n === 64 || n === 70) seen.push(rows().length);
      }
      insert.flush();
      insert.release();
    })();
    // Two chunks of 32 went out as they filled; the last 6 rows on flush.
    expect(seen).toEqual([0, 32, 64, 64]);
    expect(rows()).toHaveLength(70);
    expect(rows()[69]).toEqual([70, "mot 70"]);
  });

  it("forgets the rows not flushed when released, then writes at once again", () => {
    const { insert, rows } = table();
    insert.hold();
    insert.add(1, "gardé");
    insert.release();
    insert.add(2, "écrit");
    expect(rows()).toEqual([[2, "écrit"]]);
  });

  it("fails at the statement that breaks a constraint, and writes nothing of it", () => {
    const { db, insert, rows } = table();
    insert.add(5, "cinq");
    const run = () =>
      db.transaction(() => {
        insert.hold();
        try {
          for (let n = 1; n <= 32; n += 1) insert.add(n, "x");
        } finally {
          insert.release();
        }
      })();
    expect(run).toThrow(/UNIQUE constraint failed: t\.n/);
    expect(rows()).toEqual([[5, "cinq"]]);
  });

  it("refuses a row with the wrong number of values", () => {
    const { insert } = table();
    expect(() => insert.add(1)).toThrow("a row of 2 values expected, 1 given");
  });
});
