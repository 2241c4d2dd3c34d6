import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices } from "../app/services";
import { DATABASE_FILE } from "../db/open";
import { openTempServices } from "../test-support/temp-register";
import { canonicalJson, entryHash } from "./hash-chain";

let s: ReturnType<typeof openTempServices>;
beforeEach(() => {
  s = openTempServices();
});
afterEach(() => s.cleanup());

/** Three contracts, a few edits and moves: eight entries. */
function someHistory(): number[] {
  const ids = ["Bail", "Cession", "Prestation"].map(
    (title) => s.register.create(contractInputSchema.parse({ title })).id,
  );
  const [a = 0, b = 0] = ids;
  s.register.update(a, contractInputSchema.parse({ title: "Bail commercial" }));
  s.lifecycle.move({ contractId: b, to: "legal_review", comment: "prêt", confirmSkip: false });
  s.register.archive(a);
  s.register.restore(a);
  s.lifecycle.assign({ contractId: b, dueDate: "2026-12-31" });
  return ids;
}

/** A second connection to the file, as an attacker with a SQLite tool would open it. */
function raw(): Database.Database {
  return new Database(path.join(s.dataDir, DATABASE_FILE));
}

describe("the history's hash chain", () => {
  it("chains every entry to the one before it", () => {
    someHistory();
    const rows = s.db.prepare("SELECT * FROM contract_history ORDER BY id").all() as Record<
      string,
      string | number | null
    >[];
    expect(rows).toHaveLength(8);
    const first = rows[0] ?? {};
    expect(first.prev_hash).toBeNull();
    const body = canonicalJson({
      id: first.id,
      contractId: first.contract_id,
      at: first.at,
      actor: first.actor,
      action: first.action,
      changes: JSON.parse(String(first.changes)),
    });
    expect(first.hash).toBe(createHash("sha256").update(`\n${body}`).digest("hex"));
    rows.slice(1).forEach((row, i) => {
      expect(row.prev_hash).toBe(rows[i]?.hash);
    });
    expect(s.register.get(1).history[0]?.hash).toBe(first.hash);
    expect(s.lifecycle.verify()).toEqual({ ok: true, entries: 8, firstBroken: null });
  });

  it("refuses to change or delete an entry", () => {
    someHistory();
    expect(() =>
      s.db.prepare("UPDATE contract_history SET actor = 'x' WHERE id = 2").run(),
    ).toThrow(/append-only/);
    expect(() => s.db.prepare("DELETE FROM contract_history WHERE id = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => s.db.prepare("DELETE FROM stage_moves").run()).toThrow(/append-only/);
  });

  it("names the first entry whose content was changed behind its back", () => {
    someHistory();
    const db = raw();
    db.exec("DROP TRIGGER contract_history_no_update");
    db.prepare(
      `UPDATE contract_history SET changes = '{"title":["Bail","Bail résilié"]}' WHERE id = 4`,
    ).run();
    db.close();
    const check = s.lifecycle.verify();
    expect(check).toMatchObject({
      ok: false,
      entries: 8,
      firstBroken: { id: 4, contractId: 1, reason: "content_changed" },
    });
    expect(check.firstBroken?.at).toBe(s.register.get(1).history[1]?.at);
  });

  it("finds an entry rewritten with a fresh hash at the next link", () => {
    someHistory();
    const db = raw();
    db.exec("DROP TRIGGER contract_history_no_update");
    const row = db.prepare("SELECT * FROM contract_history WHERE id = 5").get() as {
      contract_id: number;
      at: string;
      action: string;
      changes: string;
      prev_hash: string;
    };
    const forged = entryHash(row.prev_hash, {
      id: 5,
      contractId: row.contract_id,
      at: row.at,
      actor: "someone else",
      action: row.action,
      changes: JSON.parse(row.changes),
    });
    db.prepare("UPDATE contract_history SET actor = 'someone else', hash = ? WHERE id = 5").run(
      forged,
    );
    db.close();
    expect(s.lifecycle.verify().firstBroken).toMatchObject({ id: 6, reason: "link_broken" });
  });

  it("finds a removed entry at the one after it", () => {
    someHistory();
    const db = raw();
    db.exec("DROP TRIGGER contract_history_no_delete");
    db.prepare("DELETE FROM contract_history WHERE id = 3").run();
    db.close();
    expect(s.lifecycle.verify()).toMatchObject({
      ok: false,
      entries: 7,
      firstBroken: { id: 4, reason: "link_broken" },
    });
  });

  it("keeps chaining after another process wrote", () => {
    s.register.create(contractInputSchema.parse({ title: "Un" }));
    const other = openServices({ dataDir: s.dataDir, actor: "other" });
    other.register.create(contractInputSchema.parse({ title: "Deux" }));
    other.close();
    s.register.create(contractInputSchema.parse({ title: "Trois" }));
    expect(s.lifecycle.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe("canonical JSON", () => {
  it("sorts keys at every level and reads back the same after a JSON round trip", () => {
    const value = {
      b: [1, { z: true, a: null }, undefined],
      a: { y: "é", x: [Number.NaN, -0] },
      skip: undefined,
    };
    const text = canonicalJson(value);
    expect(text).toBe('{"a":{"x":[null,0],"y":"é"},"b":[1,{"a":null,"z":true},null]}');
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
  });
});
