/**
 * What an import asks SQLite to do for each row. A statement that may
 * write several rows (INSERT ... SELECT, UPDATE, DELETE) opens a savepoint,
 * and every savepoint makes the search index (FTS5) write out what it holds
 * in memory: one such statement per row made a 100,000-row import flush
 * the index 100,000 times. Rows must be written with single-row statements.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { generateCsv } from "../bench/generate";
import { DATABASE_FILE, type Db, openDatabase } from "../db/open";
import { Lifecycle } from "../lifecycle/lifecycle";
import { ContractRegister } from "../register/register";
import { SyncService } from "../sync/sync-service";
import { tempDataDir } from "../test-support/temp-register";
import { runImport } from "./import-service";

const ROWS = 600;
const BATCH = 200;
const MAPPING = {
  columns: {
    reference: "Reference",
    title: "Title",
    parties: "Parties",
    value: "Value",
    currency: "Currency",
    endDate: "End date",
    tags: "Tags",
    notes: "Notes",
  },
  dateFormat: "YYYY-MM-DD",
} as const;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A register wired like the app's (sync hook included), logging every statement run. */
function openLogged(): { db: Db; register: ContractRegister; sync: SyncService; ran: string[] } {
  const dataDir = tempDataDir();
  const file = path.join(dataDir, DATABASE_FILE);
  openDatabase(file).close();
  const ran: string[] = [];
  const db = new Database(file, { verbose: (sql) => ran.push(String(sql)) });
  db.pragma("foreign_keys = ON");
  const register = new ContractRegister(db, { actor: "tester" });
  const lifecycle = new Lifecycle(db, register, { actor: "tester", now: () => new Date() });
  const sync = new SyncService(db, register, lifecycle, { dataDir, cipher: null });
  cleanups.push(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { db, register, sync, ran };
}

/** Statements that may write several rows, and so open a savepoint. */
function multiRowWrites(ran: readonly string[]): string[] {
  return ran.filter((sql) => {
    const text = sql.trimStart();
    if (/^(UPDATE|DELETE)\b/i.test(text)) return true;
    return /^INSERT\b/i.test(text) && !/\bVALUES\s*\(/i.test(text);
  });
}

const count = (db: Db, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("the statements an import runs", () => {
  it("writes new rows with single-row statements; queues nothing unless connected", async () => {
    const { db, register, ran } = openLogged();
    const content = generateCsv(ROWS, 5);
    ran.length = 0;
    const source = { fileName: "big.csv", content, mapping: MAPPING };
    const report = await runImport(register, source, { dryRun: false, batchSize: BATCH });
    expect(report.created).toBe(ROWS);
    // At most a few per batch (marking the batch's contracts for the reminder scan).
    expect(multiRowWrites(ran).length).toBeLessThanOrEqual(2 * (ROWS / BATCH));
    expect(count(db, "sync_outbox")).toBe(0);
  });

  it("queues every imported contract once while a portal is connected", async () => {
    const { db, register, sync, ran } = openLogged();
    sync.store.saveConnection({
      kind: "webhook",
      portal: "https://portal.example/",
      userId: 1,
      userName: "Tester",
      scopes: ["crm"],
      connectedAt: "2026-01-01T00:00:00.000Z",
      secretStorage: "file",
    });
    ran.length = 0;
    const source = { fileName: "big.csv", content: generateCsv(ROWS, 5), mapping: MAPPING };
    await runImport(register, source, { dryRun: false, batchSize: BATCH });
    expect(multiRowWrites(ran).length).toBeLessThanOrEqual(2 * (ROWS / BATCH));
    expect(count(db, "sync_outbox")).toBe(ROWS);
  });

  it("indexes a batch at its end: new words found, old ones gone, none twice", async () => {
    const { db, register } = openLogged();
    const file = (word: string, extra: string[] = []) =>
      [
        "Reference;Title",
        ...Array.from({ length: 300 }, (_, i) => `R-${i};Contrat ${word}`),
        ...extra,
      ].join("\n");
    const run = (content: string) =>
      runImport(register, { fileName: "a.csv", content }, { dryRun: false, batchSize: 100 });
    await run(file("alpha"));
    // Every row changes; R-new is created and then replaced in the same (last) batch.
    const report = await run(file("beta", ["R-new;Contrat gamma", "R-new;Contrat delta"]));
    expect(report).toMatchObject({ created: 1, updated: 301 });
    const matches = (query: string) =>
      (
        db
          .prepare("SELECT count(*) AS n FROM contracts_fts WHERE contracts_fts MATCH ?")
          .get(query) as { n: number }
      ).n;
    expect(matches("alpha")).toBe(0);
    expect(matches("beta")).toBe(300);
    expect(matches("gamma")).toBe(0);
    expect(matches("delta")).toBe(1);
    expect(matches("contrat")).toBe(301);
    expect(
      db.prepare("INSERT INTO contracts_fts (contracts_fts) VALUES ('integrity-check')").run(),
    ).toBeTruthy();
  });
});
