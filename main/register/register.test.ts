import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContractInput, contractInputSchema } from "../../shared/domain/contract";
import { openTempServices } from "../test-support/temp-register";
import { CONTRACT_COLUMNS, columnValues, toColumns } from "./rows";

type Temp = ReturnType<typeof openTempServices>;
let s: Temp;
beforeEach(() => {
  s = openTempServices();
});
afterEach(() => s.cleanup());

const fields = (input: ContractInput) => contractInputSchema.parse(input);

const supply: ContractInput = {
  reference: "C-2026-001",
  title: "Contrat de fourniture de café",
  type: "Fourniture",
  parties: [
    { name: "Cabinet Dupont", role: "client", internal: true },
    { name: "Société Générale des Cœurs", role: "fournisseur", email: "legal@sgc.fr" },
  ],
  value: 12500.5,
  currency: "EUR",
  effectiveDate: "2026-01-01",
  endDate: "2027-12-31",
  renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
  governingLaw: "France",
  tags: ["café", "achats"],
  notes: "Préavis de résiliation par lettre recommandée.",
};

describe("contract columns", () => {
  it("binds every stored column, by position in the list's order", () => {
    const columns = toColumns(fields(supply), "draft");
    expect([...CONTRACT_COLUMNS].sort()).toEqual(Object.keys(columns).sort());
    expect(columnValues(columns)).toEqual(CONTRACT_COLUMNS.map((c) => columns[c]));
    expect(columnValues(columns).slice(0, 3)).toEqual(["C-2026-001", supply.title, "Fourniture"]);
  });
});

describe("contract register", () => {
  it("stores a contract exactly and reads it back", () => {
    const c = s.register.create(fields(supply));
    expect(c.id).toBeGreaterThan(0);
    expect(c.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.value).toBe(12500.5);
    expect(c.currency).toBe("EUR");
    expect(c.stage).toBe("draft");
    expect(c.counterparty).toBe("Société Générale des Cœurs");
    expect(c.renewal).toEqual({ kind: "automatic", term: "P1Y", notice: "P3M" });
    expect(c.tags).toEqual(["achats", "café"]);
    expect(c.history).toHaveLength(1);
    expect(c.history[0]?.action).toBe("created");
    expect(c.history[0]?.actor).toBe("tester");
    const row = s.db.prepare("SELECT value_minor FROM contracts WHERE id = ?").get(c.id);
    expect(row).toEqual({ value_minor: 1250050 });
  });

  it("records who changed what on update, and nothing when nothing changed", () => {
    const c = s.register.create(fields(supply));
    const edited = s.register.update(c.id, fields({ ...supply, title: "Contrat café v2" }));
    expect(edited.history).toHaveLength(2);
    expect(edited.history[1]?.changes).toEqual({
      title: ["Contrat de fourniture de café", "Contrat café v2"],
    });
    const again = s.register.update(c.id, fields({ ...supply, title: "Contrat café v2" }));
    expect(again.history).toHaveLength(2);
  });

  it("refuses an edit based on an old version", () => {
    const c = s.register.create(fields(supply));
    s.register.update(c.id, fields({ ...supply, title: "Changed elsewhere" }));
    expect(() => s.register.update(c.id, fields(supply), c.updatedAt)).toThrow(/after this edit/);
  });

  it("refuses a second live contract with the same reference", () => {
    s.register.create(fields(supply));
    expect(() => s.register.create(fields({ ...supply, title: "Other" }))).toThrow(
      /already used by contract #1/,
    );
  });

  it("archives, restores and deletes, keeping the history", () => {
    const c = s.register.create(fields(supply));
    expect(s.register.archive(c.id).archived).toBe(true);
    expect(s.list.list({}).total).toBe(0);
    expect(s.list.list({ archived: "only" }).total).toBe(1);
    expect(s.register.restore(c.id).archived).toBe(false);
    s.register.remove(c.id);
    expect(() => s.register.get(c.id)).toThrow(/no contract #1/);
    const history = s.db
      .prepare("SELECT action FROM contract_history WHERE contract_id = ? ORDER BY id")
      .all(c.id);
    expect(history.map((h) => (h as { action: string }).action)).toEqual([
      "created",
      "archived",
      "restored",
      "deleted",
    ]);
    // The reference is free again.
    expect(s.register.create(fields(supply)).id).toBe(2);
  });

  it("rejects an unknown stage with a field issue", () => {
    expect(() => s.register.create(fields({ ...supply, stage: "nowhere" }))).toThrow(
      /no stage "nowhere"/,
    );
  });
});

describe("import batches", () => {
  const foreignKeys = () => s.db.pragma("foreign_keys", { simple: true });

  it("take the firm's working-days setting, and check foreign keys again after", () => {
    s.db.prepare("UPDATE settings SET value = '1' WHERE key = 'reminders.workingDays'").run();
    s.register.writeBatch(() => s.register.upsertByReference(fields(supply), {}));
    const row = s.db.prepare("SELECT working_days FROM contracts WHERE reference = ?");
    expect(row.get(supply.reference)).toEqual({ working_days: 1 });
    expect(foreignKeys()).toBe(1);
    const orphan = s.db.prepare("INSERT INTO contract_tags (contract_id, tag) VALUES (999, 'x')");
    expect(() => orphan.run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("still refuse an unknown stage, and check foreign keys again after a failure", () => {
    const write = () =>
      s.register.writeBatch(() => {
        s.register.upsertByReference(fields({ ...supply, reference: "A-1" }), {});
        s.register.upsertByReference(fields({ ...supply, stage: "nowhere" }), {});
      });
    expect(write).toThrow(/stage/);
    expect(s.register.idByReference("A-1")).toBeNull();
    expect(foreignKeys()).toBe(1);
  });
});

describe("search and filters", () => {
  beforeEach(() => {
    s.register.create(fields(supply));
    s.register.create(
      fields({
        reference: "NDA-7",
        title: "Accord de confidentialité",
        type: "NDA",
        parties: [{ name: "Иван Петров", role: "consultant" }],
        endDate: "2026-03-01",
        tags: ["rh"],
        notes: "Clause de non-sollicitation",
      }),
    );
  });

  const titles = (search: string) => s.list.list({ search }).rows.map((r) => r.title);

  it("ignores accents, case and ligatures", () => {
    expect(titles("CONFIDENTIALITE")).toEqual(["Accord de confidentialité"]);
    expect(titles("coeurs")).toEqual(["Contrat de fourniture de café"]);
    expect(titles("resiliation")).toEqual(["Contrat de fourniture de café"]);
    expect(titles("петров")).toEqual(["Accord de confidentialité"]);
    expect(titles("cafe")).toEqual(["Contrat de fourniture de café"]);
  });

  it("matches prefixes across title, reference, parties, notes and tags", () => {
    expect(titles("nda")).toEqual(["Accord de confidentialité"]);
    expect(titles("c-2026")).toEqual(["Contrat de fourniture de café"]);
    expect(titles("dupo")).toEqual(["Contrat de fourniture de café"]);
    expect(titles("sollicit")).toEqual(["Accord de confidentialité"]);
    expect(titles("achats")).toEqual(["Contrat de fourniture de café"]);
  });

  it("never fails on query syntax a person might type", () => {
    for (const q of [
      '"',
      "((",
      "AND",
      "a AND OR b",
      "*",
      "-",
      "NOT",
      "café*",
      ':"x',
      "NEAR(a b)",
    ]) {
      expect(() => s.list.list({ search: q })).not.toThrow();
    }
    expect(s.list.list({ search: "---" }).total).toBe(0);
  });

  it("combines search with stage, type, tag and ending-within filters", () => {
    expect(s.list.list({ type: "NDA" }).total).toBe(1);
    expect(s.list.list({ tag: "rh", search: "accord" }).total).toBe(1);
    expect(s.list.list({ tag: "rh", search: "café" }).total).toBe(0);
    expect(s.list.list({ stage: "draft" }).total).toBe(2);
    expect(s.list.list({ stage: "active" }).total).toBe(0);
    expect(
      s.list.list({ endingWithinDays: 30 }, "2026-02-15").rows.map((r) => r.reference),
    ).toEqual(["NDA-7"]);
    expect(s.list.list({ endingWithinDays: 10 }, "2026-02-15").total).toBe(0);
  });

  it("finds archived contracts only when asked, and counts them right", () => {
    const nda = s.list.list({ search: "accord" }).rows[0];
    if (!nda) throw new Error("no NDA");
    s.register.archive(nda.id);
    expect(s.list.list({ search: "accord" }).total).toBe(0);
    expect(s.list.list({ search: "accord", archived: "include" }).total).toBe(1);
    expect(s.list.list({ search: "accord", archived: "only" }).rows[0]?.archived).toBe(true);
    s.register.restore(nda.id);
    expect(s.list.list({ search: "accord" }).total).toBe(1);
    // The index's hidden live/archived marker is not searchable text.
    expect(s.list.list({ search: "live" }).total).toBe(0);
    expect(s.list.list({ search: "archived", archived: "include" }).total).toBe(0);
    s.register.remove(nda.id);
    expect(s.list.list({ search: "accord", archived: "include" }).total).toBe(0);
  });

  it("sorts both ways, with missing values last", () => {
    const asc = s.list.list({ sort: "endDate", direction: "asc" }).rows.map((r) => r.reference);
    expect(asc).toEqual(["NDA-7", "C-2026-001"]);
    const byValue = s.list.list({ sort: "value", direction: "desc" }).rows.map((r) => r.reference);
    expect(byValue).toEqual(["C-2026-001", "NDA-7"]);
    const byValueAsc = s.list.list({ sort: "value", direction: "asc" }).rows;
    expect(byValueAsc.map((r) => r.reference)).toEqual(["C-2026-001", "NDA-7"]);
  });

  it("lists facets for the filters", () => {
    const f = s.list.facets();
    expect(f.types).toEqual(["Fourniture", "NDA"]);
    expect(f.tags).toEqual(["achats", "café", "rh"]);
    expect(f.stages.map((st) => st.key)).toContain("legal_review");
  });
});
