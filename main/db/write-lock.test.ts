/**
 * A write beside another process's write (the CLI beside the app) waits for
 * that process to commit, up to the busy timeout, instead of failing at once
 * with "database is locked": every write transaction begins IMMEDIATE.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { stageInputSchema } from "../../shared/domain/pipeline";
import { templateContentSchema } from "../../shared/domain/templates";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openTempServices, tempDataDir } from "../test-support/temp-register";
import { holdWriteLock, type WriteLockHolder } from "../test-support/write-lock-holder";
import { type Migration, migrate } from "./migrate";
import { DATABASE_FILE } from "./open";

/** How long the other process keeps the lock: well under the 5 s busy timeout. */
const HOLD_MS = 1000;
/** The other process's own write, made while it holds the lock. */
const OTHER_WRITE = "INSERT INTO settings (key, value) VALUES ('other.process', 'wrote')";

const holders: WriteLockHolder[] = [];
const closing: (() => void)[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) h.stop();
  for (const close of closing.splice(0)) close();
});

function services(): ReturnType<typeof openTempServices> {
  const s = openTempServices();
  closing.push(() => s.cleanup());
  return s;
}

/** Runs `write` while another process holds the write lock; answers how long it waited. */
async function besideOtherWrite<T>(file: string, sql: string, write: () => T) {
  const holder = await holdWriteLock(file, sql, HOLD_MS);
  holders.push(holder);
  const started = performance.now();
  const result = write();
  const waited = performance.now() - started;
  await holder.released;
  return { result, waited };
}

const otherWrite = (db: Database.Database) =>
  db.prepare("SELECT value FROM settings WHERE key = 'other.process'").pluck().get();

const template = (body: string) =>
  templateContentSchema.parse({
    name: "Contrat de prestation",
    fields: [],
    sections: [{ id: "objet", title: "Objet", body: `<p>${body}</p>` }],
  });

describe("a write while another process writes", () => {
  it("saves a template version once the other process commits", async () => {
    const s = services();
    const t = s.templates.create(template("Première version."));
    const file = path.join(s.dataDir, DATABASE_FILE);
    // The save reads the template's current version, then writes the next one.
    const { result, waited } = await besideOtherWrite(file, OTHER_WRITE, () =>
      s.templates.save(t.id, template("Deuxième version."), 1),
    );
    expect(result.version).toBe(2);
    expect(s.templates.versions(t.id).map((v) => v.version)).toEqual([2, 1]);
    expect(otherWrite(s.db)).toBe("wrote");
    // It waited for the lock rather than finding it free (generous: the machine is loaded).
    expect(waited).toBeGreaterThan(HOLD_MS / 4);
  });

  it("adds a pipeline stage once the other process commits", async () => {
    const s = services();
    const file = path.join(s.dataDir, DATABASE_FILE);
    // The save reads every stage (names, order), then inserts and renumbers.
    const { result, waited } = await besideOtherWrite(file, OTHER_WRITE, () =>
      s.lifecycle.pipeline.save(
        stageInputSchema.parse({ names: { fr: "Conformité", en: "Compliance" } }),
      ),
    );
    expect(result.key).toBe("compliance");
    expect(s.lifecycle.pipeline.list().map((st) => st.key)).toContain("compliance");
    expect(otherWrite(s.db)).toBe("wrote");
    expect(waited).toBeGreaterThan(HOLD_MS / 4);
  });

  it("opening a register another process is migrating waits, then skips what it did", async () => {
    const dir = tempDataDir();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file, { timeout: 5000 });
    closing.push(() => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    db.pragma("journal_mode = WAL");
    const first: Migration = { version: 1, name: "notes", up: "CREATE TABLE notes (x TEXT)" };
    const sameAsOther = "CREATE TABLE notes (x TEXT); PRAGMA user_version = 1";
    const { result } = await besideOtherWrite(file, sameAsOther, () => migrate(db, [first]));
    expect(result).toBe(1);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").pluck().get(),
    ).toBe(1);
  });

  it("past the busy timeout, says another program is writing, and changes nothing", async () => {
    const s = services();
    const file = path.join(s.dataDir, DATABASE_FILE);
    const holder = await holdWriteLock(file, OTHER_WRITE, 8000);
    holders.push(holder);
    const handlers = createHandlers(s, { door: "headless", version: "test" });
    const answer = await dispatch(handlers, "lifecycle.saveStage", {
      names: { fr: "Conformité", en: "Compliance" },
    });
    expect(answer).toMatchObject({ ok: false, error: { reason: "register_busy" } });
    expect(JSON.stringify(answer)).toMatch(/another program is writing to the register/);
    holder.stop();
    expect(s.lifecycle.pipeline.list().map((st) => st.key)).not.toContain("compliance");
  }, 15_000);
});
