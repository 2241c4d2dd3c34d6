/**
 * `pacta move` and `pacta verify` as scripts use them: the real binary on a
 * real data folder.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices } from "../app/services";
import { runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
  const s = openServices({ dataDir, actor: "setup" });
  for (const title of ["Bail commercial", "Cession de parts"]) {
    s.register.create(contractInputSchema.parse({ title }));
  }
  s.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

describe("pacta move", () => {
  it("moves a contract, with a comment", () => {
    const r = pacta("move", "1", "legal_review", "--comment", "ready for review");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Contract #1: draft → legal_review, due \d{4}-\d\d-\d\d\n$/);
    const shown = JSON.parse(pacta("show", "1", "--json").stdout);
    expect(shown.stage).toBe("legal_review");
    expect(shown.history.at(-1)).toMatchObject({
      action: "moved",
      changes: { stage: ["draft", "legal_review"], comment: [null, "ready for review"] },
    });
  });

  it("fails naming the required stages a move would skip, unless --yes", () => {
    const refused = pacta("move", "2", "signature");
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      "pacta: moving contract #2 to signature skips the required stages legal_review, " +
        "approval; add --yes to confirm\n",
    );
    const confirmed = pacta("move", "2", "signature", "--yes");
    expect(confirmed.status, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain("(skipped legal_review, approval)");
  });

  it("exits 2 on an unknown stage or a bad ID, and 1 on a missing contract", () => {
    const unknown = pacta("move", "1", "nowhere");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no stage "nowhere"; stages are: draft, legal_review/);
    expect(pacta("move", "one", "active").status).toBe(2);
    expect(pacta("move", "1").status).toBe(2);
    const missing = pacta("move", "42", "active");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("pacta: there is no contract #42\n");
  });
});

describe("pacta verify", () => {
  it("reports an intact history in one line, or as JSON", () => {
    pacta("move", "1", "legal_review");
    const r = pacta("verify");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("History intact: 3 entries, hash chain verified.\n");
    const json = pacta("verify", "--json");
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, entries: 3, firstBroken: null });
  });

  it("exits 1 naming the first broken entry on stderr", () => {
    pacta("move", "1", "legal_review");
    const db = new Database(path.join(dataDir, "pacta.sqlite"));
    db.exec("DROP TRIGGER contract_history_no_update");
    db.prepare("UPDATE contract_history SET actor = 'mallory' WHERE id = 2").run();
    const at = (db.prepare("SELECT at FROM contract_history WHERE id = 2").get() as { at: string })
      .at;
    db.close();
    const r = pacta("verify");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `pacta: history broken at entry #2 (contract #2, ${at}): content_changed: ` +
        "its content does not match its hash: the entry was changed\n",
    );
    const json = pacta("verify", "--json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      firstBroken: { id: 2, contractId: 2, reason: "content_changed" },
    });
  });
});
