import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PactaError } from "../../shared/api/result";
import {
  type ContractFields,
  contractInputSchema,
  type ReviewFlag,
} from "../../shared/domain/contract";
import { openDatabase } from "../db/open";
import { verifyHistory } from "../lifecycle/verify";
import { ContractRegister } from "../register/register";
import type { UpsertOutcome, WriteOptions } from "../register/register-types";
import { fieldsOf } from "../register/rows";
import { ImportJobs, NO_REFERENCE_NOTE, previewImport, runImport } from "./import-service";

const fixtures = path.resolve(__dirname, "../../e2e/fixtures/import");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), "utf8");
const opened: { close(): void }[] = [];

function openRegister(): ContractRegister {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-import-"));
  const db = openDatabase(path.join(dir, "pacta.sqlite"));
  opened.push(db);
  return new ContractRegister(db, { actor: "import test" });
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function contractCount(register: ContractRegister): number {
  return (register.db.prepare("SELECT count(*) AS n FROM contracts").get() as { n: number }).n;
}

function byReference(register: ContractRegister, reference: string) {
  const id = register.idByReference(reference);
  if (id === null) throw new Error(`no contract ${reference}`);
  return register.get(id);
}

/** Many small rows, `Ref;Title`, references R-1 … R-n. */
function manyRows(n: number): string {
  const lines = ["Référence;Titre"];
  for (let i = 1; i <= n; i += 1) lines.push(`R-${i};Contrat ${i}`);
  return lines.join("\n");
}

describe("runImport", () => {
  it("imports a French CSV (';', BOM, multi-line cell) with its headers detected", async () => {
    const register = openRegister();
    const source = { fileName: "contrats-fr.csv", content: fixture("contrats-fr.csv") };
    const report = await runImport(register, source, { dryRun: false });
    expect(report).toMatchObject({ rows: 3, created: 3, updated: 0, skipped: 0, flagged: 0 });
    expect(report.problems).toEqual([]);
    const first = byReference(register, "FR-2024-001");
    expect(first).toMatchObject({
      title: "Contrat de maintenance",
      type: "Prestation de services",
      value: 12000.5,
      currency: "EUR",
      signatureDate: "2024-01-15",
      effectiveDate: "2024-02-01",
      endDate: "2025-01-31",
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
      governingLaw: "France",
      tags: ["locaux", "maintenance"],
      notes: "Première ligne\ndeuxième ligne; avec un point-virgule",
    });
    expect(first.parties.map((p) => [p.name, p.role])).toEqual([
      ["Société Générale d'Entretien SA", "Prestataire"],
      ["Cabinet Lefèvre", "Client"],
    ]);
    expect(first.history[0]?.action).toBe("imported");
    expect(byReference(register, "FR-2024-003")).toMatchObject({
      renewal: { kind: "evergreen", term: null, notice: "P30D" },
      value: null,
      currency: null,
      notes: "Signé à Malmö",
    });
  });

  it("flags bad values with row and column, skips what cannot be imported", async () => {
    const register = openRegister();
    const source = { fileName: "bad-values.csv", content: fixture("bad-values.csv") };
    const report = await runImport(register, source, { dryRun: false });
    expect(report).toMatchObject({ rows: 5, created: 3, skipped: 2, flagged: 3 });
    const where = report.problems.map((p) => `${p.row}:${p.column ?? "-"}:${p.field ?? "-"}`);
    expect(where).toEqual([
      "1:Effective date:effectiveDate",
      "1:End date:endDate",
      "1:Notice period:renewal.notice",
      "2:Value:value",
      "2:Renewal term:renewal.term",
      "3:Title:title",
      "4:Currency:currency",
      "4:Value:value",
      "4:Notice period:renewal.notice",
      "4:Renewal:renewal.kind",
      "4:End date:endDate",
      "5:-:-",
    ]);
    expect(report.problems[5]?.message).toBe("no title: the row was not imported");
    expect(report.problems[11]?.message).toMatch(/13 cells but the header has 12/);
    const bad1 = byReference(register, "BAD-1");
    expect(bad1).toMatchObject({
      value: 1234.5,
      currency: "USD",
      effectiveDate: null,
      endDate: null,
      renewal: { kind: "automatic", term: "P1Y", notice: null },
      needsReview: true,
    });
    expect(bad1.review.map((f: ReviewFlag) => [f.row, f.column, f.raw])).toEqual([
      [1, "Effective date", "[]/[]/2022"],
      [1, "End date", "31/02/2024"],
      [1, "Notice period", "60 days; 180 days"],
    ]);
    expect(byReference(register, "BAD-2").renewal.kind).toBe("none");
    expect(register.idByReference("BAD-3")).toBeNull();
  });

  it("round-trips JSON: an export imports back to the same fields", async () => {
    const source = openRegister();
    const report = await runImport(
      source,
      { fileName: "contracts.json", content: fixture("contracts.json") },
      { dryRun: false },
    );
    expect(report).toMatchObject({ rows: 3, created: 2, skipped: 1, flagged: 1 });
    const exported = ["JSON-1", "JSON-2"].map((r) => byReference(source, r));
    expect(exported[0]).toMatchObject({ stage: "negotiation", value: 25000.5 });
    const target = openRegister();
    const content = JSON.stringify(exported, null, 2);
    const again = await runImport(target, { fileName: "export.json", content }, { dryRun: false });
    expect(again).toMatchObject({ rows: 2, created: 2, flagged: 0, problems: [] });
    for (const contract of exported) {
      expect(fieldsOf(byReference(target, contract.reference ?? ""))).toEqual(fieldsOf(contract));
    }
    const back = await runImport(source, { fileName: "export.json", content }, { dryRun: false });
    expect(back).toMatchObject({ created: 0, unchanged: 1, updated: 1 });
  });

  it("refuses bad JSON with a clear message and writes nothing", async () => {
    const register = openRegister();
    const content = '[\n  {"reference": "A", "title": "Lease"},\n  {"reference": "B", "tit';
    const run = runImport(register, { fileName: "cut.json", content }, { dryRun: false });
    await expect(run).rejects.toThrow(PactaError);
    await expect(run).rejects.toThrow(/cut\.json: the JSON stops in the middle at line 3/);
    expect(contractCount(register)).toBe(0);
  });

  it("runs again without duplicates: matched rows are unchanged", async () => {
    const register = openRegister();
    const source = { fileName: "contrats-fr.csv", content: fixture("contrats-fr.csv") };
    await runImport(register, source, { dryRun: false });
    const again = await runImport(register, source, { dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(contractCount(register)).toBe(3);
  });

  it("writes nothing in a dry run, yet counts what it would do", async () => {
    const register = openRegister();
    await runImport(register, { fileName: "a.csv", content: manyRows(3) }, { dryRun: false });
    const content = `${manyRows(5)}\nR-5;Contrat 5 bis\nR-2;Contrat 2`;
    const dry = await runImport(
      register,
      { fileName: "a.csv", content },
      {
        dryRun: true,
        batchSize: 2,
      },
    );
    // R-1..R-3 exist: unchanged; new; R-5 again, in the next batch: updated;
    // R-2 again, the same: unchanged.
    expect(dry).toMatchObject({ dryRun: true, rows: 7, created: 2, updated: 1, unchanged: 4 });
    expect(contractCount(register)).toBe(3);
    const real = await runImport(register, { fileName: "a.csv", content }, { dryRun: false });
    expect(real).toMatchObject({ created: 2, updated: 1, unchanged: 4 });
  });

  it("into an empty register, updates a reference written elsewhere meanwhile", async () => {
    const register = openRegister();
    // R-15 comes in from another window between the first and second batch;
    // R-3 is in the file twice.
    const content = `${manyRows(20)}\nR-3;Contrat 3 bis`;
    const run = runImport(
      register,
      { fileName: "a.csv", content },
      {
        dryRun: false,
        batchSize: 10,
        onProgress: (done) => {
          if (done !== 10) return;
          register.create(
            contractInputSchema.parse({ title: "Saisi à la main", reference: "R-15" }),
          );
        },
      },
    );
    const report = await run;
    expect(report).toMatchObject({ rows: 21, created: 19, updated: 2, skipped: 0 });
    expect(report.problems.map((p) => p.row)).toEqual([21]);
    expect(contractCount(register)).toBe(20);
    expect(byReference(register, "R-15").title).toBe("Contrat 15");
    expect(byReference(register, "R-3").title).toBe("Contrat 3 bis");
  });

  it("reads back a contract its own batch wrote: parties, tags, stage and history", async () => {
    const register = openRegister();
    const content = [
      "Référence;Titre;Parties;Étiquettes;Étape",
      "R-1;Premier;Alpha SA;rh;draft",
      ...Array.from({ length: 5 }, (_, i) => `X-${i};Autre ${i};Beta;it;draft`),
      'R-1;Premier, revu;"Alpha SA; Gamma SARL";rh, achats;active',
    ].join("\n");
    const report = await runImport(register, { fileName: "r.csv", content }, { dryRun: false });
    expect(report).toMatchObject({ rows: 7, created: 6, updated: 1, skipped: 0 });
    const first = byReference(register, "R-1");
    expect(first).toMatchObject({ title: "Premier, revu", stage: "active" });
    expect(first.parties.map((p) => p.name)).toEqual(["Alpha SA", "Gamma SARL"]);
    expect(first.tags).toEqual(["achats", "rh"]);
    expect(first.history.map((h) => h.action)).toEqual(["imported", "imported"]);
    expect(first.history[1]?.changes).toMatchObject({ title: ["Premier", "Premier, revu"] });
    expect(verifyHistory(register.db)).toMatchObject({ ok: true, entries: 7 });
    const visits = register.db
      .prepare(
        `SELECT stage, left_at IS NULL AS open FROM contract_stages
         WHERE contract_id = ? ORDER BY id`,
      )
      .raw()
      .all(first.id);
    expect(visits).toEqual([
      ["draft", 0],
      ["active", 1],
    ]);
  });

  it("counts in a dry run what the real run does when a later batch repeats", async () => {
    const content = [
      "Référence;Titre;Étape;Montant;Devise",
      "V-a;Bail;active;100;EUR",
      "V-b;Prêt;;200;EUR",
      "V-c;Achat;;300;EUR",
      "F-1;Autre;;;",
      "F-2;Autre;;;",
      // The stage left empty keeps the stored one; "draft" is what an empty stage got.
      "V-a;Bail;;100;EUR",
      "V-b;Prêt;draft;200;EUR",
      // An amount the file cannot read keeps the stored one; then a real change.
      "V-c;Achat;;trois cents;EUR",
      "V-c;Achat révisé;;300;EUR",
    ].join("\n");
    const source = { fileName: "v.csv", content };
    const register = openRegister();
    const dry = await runImport(register, source, { dryRun: true, batchSize: 5 });
    expect(contractCount(register)).toBe(0);
    const real = await runImport(register, source, { dryRun: false, batchSize: 5 });
    expect(real).toMatchObject({ created: 5, updated: 1, unchanged: 3 });
    expect({ ...dry, dryRun: false }).toEqual(real);
  });

  it("flags an amount with too many decimals or too large to keep, never rounds it", async () => {
    const register = openRegister();
    const csv = ["Ref;Titre;Montant;Devise", "A-1;Un;0.050;EUR", "A-2;Deux;70368744177664.01;EUR"];
    // The file's own text: a JSON number a double cannot hold to the cent.
    const json = '[{"reference":"J-1","title":"Trois","value":70368744177664.01,"currency":"EUR"}]';
    const a = await runImport(
      register,
      { fileName: "a.csv", content: csv.join("\n") },
      { dryRun: false },
    );
    const b = await runImport(register, { fileName: "b.json", content: json }, { dryRun: false });
    expect([...a.problems, ...b.problems].map((p) => p.message)).toEqual([
      'more decimals than EUR has: "0.050"',
      'too large to be kept exactly in EUR: "70368744177664.01"',
      "too large to be kept exactly in EUR",
    ]);
    for (const reference of ["A-1", "A-2", "J-1"]) {
      expect(byReference(register, reference)).toMatchObject({ value: null, review: [{}] });
    }
  });

  it("keeps the batches before a crash and nothing of the failing batch", async () => {
    class CrashingRegister extends ContractRegister {
      calls = 0;
      override upsertByReference(fields: ContractFields, options: WriteOptions): UpsertOutcome {
        this.calls += 1;
        if (this.calls === 25) throw new Error("disk I/O error");
        return super.upsertByReference(fields, options);
      }
    }
    const healthy = openRegister();
    const crashing = new CrashingRegister(healthy.db, { actor: "import test" });
    const source = { fileName: "many.csv", content: manyRows(40) };
    const progress: number[] = [];
    const run = runImport(crashing, source, {
      dryRun: false,
      batchSize: 10,
      onProgress: (done) => progress.push(done),
    });
    await expect(run).rejects.toThrow(/stopped in rows 21–30: disk I\/O error/);
    expect(progress).toEqual([10, 20]);
    expect(contractCount(healthy)).toBe(20);
    expect(healthy.idByReference("R-20")).not.toBeNull();
    expect(healthy.idByReference("R-21")).toBeNull();
    const rerun = await runImport(healthy, source, { dryRun: false, batchSize: 10 });
    expect(rerun).toMatchObject({ created: 20, unchanged: 20 });
    expect(contractCount(healthy)).toBe(40);
  });

  it("warns when no column is the reference, since a re-run would duplicate", async () => {
    const register = openRegister();
    const content = "Titre;Montant\nBail;100";
    const mapping = { columns: { title: "Titre" }, defaults: { currency: "EUR" } };
    const report = await runImport(
      register,
      { fileName: "a.csv", content, mapping },
      {
        dryRun: false,
      },
    );
    expect(report.problems).toEqual([
      { row: 0, column: null, field: "reference", message: NO_REFERENCE_NOTE },
    ]);
  });

  it("refuses a mapping that names a missing column or no title", async () => {
    const register = openRegister();
    const content = "Titre;Réf\nBail;1";
    const missing = { columns: { title: "Titre", reference: "Ref" } };
    await expect(
      runImport(register, { fileName: "a.csv", content, mapping: missing }, { dryRun: false }),
    ).rejects.toThrow(/columns the file does not have: "Ref" \(for reference\)/);
    const noTitle = { columns: { reference: "Réf" } };
    await expect(
      runImport(register, { fileName: "a.csv", content, mapping: noTitle }, { dryRun: false }),
    ).rejects.toThrow(/no title column/);
  });
});

describe("previewImport", () => {
  it("suggests a mapping and shows the first rows as they would import", () => {
    const preview = previewImport(
      { fileName: "bad-values.csv", content: fixture("bad-values.csv") },
      4,
    );
    expect(preview).toMatchObject({ format: "csv", rowCount: 5 });
    expect(preview.suggestedMapping.columns.renewalTerm).toBe("Renewal term");
    expect(preview.suggestedMapping.dateFormat).toBe("DD/MM/YYYY");
    expect(preview.sample.map((s) => [s.row, s.flags.length, s.error !== null])).toEqual([
      [1, 3, false],
      [2, 2, false],
      [3, 0, true],
      [4, 5, false],
    ]);
  });
});

describe("ImportJobs", () => {
  it("runs an import in the background and reports its progress", async () => {
    const register = openRegister();
    const jobs = new ImportJobs(register);
    const { jobId } = jobs.start({ fileName: "many.csv", content: manyRows(2500) }, false);
    expect(jobs.status(jobId)).toMatchObject({ state: "running", total: 2500 });
    const done = await jobs.wait(jobId);
    expect(done).toMatchObject({ state: "done", done: 2500, error: null });
    expect(done.report?.created).toBe(2500);
    expect(() => jobs.status("nope")).toThrow(/no import job "nope"/);
  });

  it("refuses an unreadable file at once, and reports a failed run", async () => {
    const register = openRegister();
    const jobs = new ImportJobs(register);
    expect(() => jobs.start({ fileName: "x.json", content: "[{" }, false)).toThrow(PactaError);
    register.db.close();
    const { jobId } = jobs.start({ fileName: "a.csv", content: manyRows(2) }, false);
    const failed = await jobs.wait(jobId);
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/database connection is not open/);
  });
});
