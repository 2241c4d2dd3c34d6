/**
 * A big import drops the sort orders' indexes (title, end date, last change)
 * and builds them once at its end (`db/deferred-indexes.ts`): they must come
 * back the same, whichever way the import ends, and a small import must
 * leave them alone.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ContractFields } from "../../shared/domain/contract";
import { openDatabase } from "../db/open";
import { ContractList } from "../register/list";
import { ContractRegister } from "../register/register";
import type { UpsertOutcome, WriteOptions } from "../register/register-types";
import { runImport } from "./import-service";

/** A process that takes the register's write lock, says so, and keeps it for 8 s. */
const HOLD_WRITE_LOCK = `
const Database = require(${JSON.stringify(path.resolve("node_modules/better-sqlite3"))});
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
setTimeout(() => db.exec("COMMIT"), 8000);
`;

const dirs: string[] = [];
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function registerAt(file?: string): ContractRegister {
  const db = openDatabase(file ?? registerFile());
  opened.push(db);
  return new ContractRegister(db, { actor: "bulk test" });
}

/** Where a new register goes, in a temporary folder removed after the test. */
function registerFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-bulk-"));
  dirs.push(dir);
  return path.join(dir, "r.sqlite");
}

/** Notes an import as the one that dropped the indexes (`pid time`, or `pid` alone). */
function noteImport(r: ContractRegister, value: string): void {
  r.db
    .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
    .run("import.deferredIndexes", value);
}

const SORT_INDEXES = ["contracts_by_title", "contracts_by_end_date", "contracts_by_updated"];
const words = (sql: string | undefined) => sql?.replace(/\s+/g, " ").replace(/ IF NOT EXISTS/, "");
/** The sort indexes' definitions, as the migration wrote them; undefined for a missing one. */
const sortIndexes = (r: ContractRegister) =>
  SORT_INDEXES.map((name) =>
    words(
      r.db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(name) as
        | string
        | undefined,
    ),
  );
const NONE = SORT_INDEXES.map(() => undefined);
const dropSortIndexes = (r: ContractRegister) => {
  for (const name of SORT_INDEXES) r.db.exec(`DROP INDEX ${name}`);
};

/** `Ref;Title` rows R-1 … R-n, titles in reverse order of their references. */
function rows(n: number, from = 1): string {
  const lines = ["Référence;Titre"];
  for (let i = from; i < from + n; i += 1) lines.push(`R-${i};Contrat ${String(1000 - i)}`);
  return lines.join("\n");
}

describe("a big import", () => {
  it("builds the sort orders once at its end, the same indexes as before", async () => {
    const register = registerAt();
    const before = sortIndexes(register);
    expect(before.every((sql) => sql?.startsWith("CREATE INDEX"))).toBe(true);
    const during: (string | undefined)[][] = [];
    const report = await runImport(
      register,
      { fileName: "big.csv", content: rows(30) },
      {
        dryRun: false,
        batchSize: 10,
        bulkRows: 10,
        onProgress: () => during.push(sortIndexes(register)),
      },
    );
    expect(report.created).toBe(30);
    expect(during).toEqual([NONE, NONE, NONE]);
    expect(sortIndexes(register)).toEqual(before);
    const list = new ContractList(register.db);
    const page = list.list({ sort: "title", direction: "asc", limit: 2 });
    expect(page.rows.map((r) => r.title)).toEqual(["Contrat 970", "Contrat 971"]);
    const latest = list.list({ sort: "updatedAt", direction: "desc", limit: 1 });
    expect(latest.rows.map((r) => r.reference)).toEqual(["R-30"]);
  });

  it("builds it again when a batch fails", async () => {
    class FailingRegister extends ContractRegister {
      calls = 0;
      override upsertByReference(fields: ContractFields, options: WriteOptions): UpsertOutcome {
        this.calls += 1;
        if (this.calls === 15) throw new Error("disk I/O error");
        return super.upsertByReference(fields, options);
      }
    }
    const healthy = registerAt();
    const failing = new FailingRegister(healthy.db, { actor: "bulk test" });
    const run = runImport(
      failing,
      { fileName: "big.csv", content: rows(30) },
      { dryRun: false, batchSize: 10, bulkRows: 10 },
    );
    await expect(run).rejects.toThrow(/disk I\/O error/);
    expect(sortIndexes(healthy).every((sql) => sql !== undefined)).toBe(true);
  });

  it("leaves the indexes alone when the register holds more than the file", async () => {
    const register = registerAt();
    await runImport(register, { fileName: "a.csv", content: rows(30) }, { dryRun: false });
    const during: (string | undefined)[][] = [];
    await runImport(
      register,
      { fileName: "b.csv", content: rows(20, 31) },
      {
        dryRun: false,
        batchSize: 10,
        bulkRows: 10,
        onProgress: () => during.push(sortIndexes(register)),
      },
    );
    expect(during.flat().every((sql) => sql !== undefined)).toBe(true);
  });

  it("is left to build the indexes while its process runs; opening never fails on it", async () => {
    const file = registerFile();
    const first = registerAt(file);
    dropSortIndexes(first);
    // The import that dropped it: a live process other than this one.
    noteImport(first, `${process.ppid} ${new Date().toISOString()}`);
    expect(sortIndexes(registerAt(file))).toEqual(NONE);
    // A note from before the time was noted too: its process alone counts.
    noteImport(first, String(process.ppid));
    expect(sortIndexes(registerAt(file))).toEqual(NONE);
    // Its process is gone, but another one holds the write lock longer than the busy
    // timeout: the opening gives up on the index, not on the register.
    noteImport(first, "999999999");
    const holder = spawn(process.execPath, ["-e", HOLD_WRITE_LOCK, file], { stdio: "pipe" });
    try {
      await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
      expect(sortIndexes(registerAt(file))).toEqual(NONE);
    } finally {
      holder.kill();
    }
    expect(sortIndexes(registerAt(file)).every((sql) => sql !== undefined)).toBe(true);
  }, 20_000);

  it("takes a note older than an hour as stale, whoever has its process id now", () => {
    const file = registerFile();
    const first = registerAt(file);
    const before = sortIndexes(first);
    dropSortIndexes(first);
    // The import died long ago; its process id now belongs to a live process.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
    noteImport(first, `${process.ppid} ${twoHoursAgo}`);
    expect(sortIndexes(registerAt(file))).toEqual(before);
    // So is a note from a clock set ahead.
    dropSortIndexes(first);
    const dayAhead = new Date(Date.now() + 24 * 3600_000).toISOString();
    noteImport(first, `${process.ppid} ${dayAhead}`);
    expect(sortIndexes(registerAt(file))).toEqual(before);
  });

  it("stopped between the two, leaves a register that builds the indexes when opened", () => {
    const file = registerFile();
    const first = registerAt(file);
    const before = sortIndexes(first);
    dropSortIndexes(first);
    first.db.close();
    expect(sortIndexes(registerAt(file))).toEqual(before);
  });
});
