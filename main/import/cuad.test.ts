/**
 * The real CUAD file (510 commercial contracts from SEC filings), read in
 * place from ../shared/data with the mapping the repository ships. The
 * expected values below were read from the CSV by hand.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importMappingSchema } from "../../shared/domain/import-mapping";
import { openDatabase } from "../db/open";
import { ContractRegister } from "../register/register";
import { runImport } from "./import-service";

const repoRoot = path.resolve(__dirname, "../..");
const csvFile = path.resolve(repoRoot, "../shared/data/cuad/master_clauses.csv");
const mappingFile = path.join(repoRoot, "e2e/fixtures/cuad-mapping.json");
const present = fs.existsSync(csvFile);
const skipReason = present ? "" : ` (skipped: ${csvFile} is not on this machine)`;

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function importCuad() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-cuad-"));
  const db = openDatabase(path.join(dir, "pacta.sqlite"));
  opened.push(db);
  const register = new ContractRegister(db, { actor: "cuad test" });
  const mapping = importMappingSchema.parse(JSON.parse(fs.readFileSync(mappingFile, "utf8")));
  const source = {
    fileName: "master_clauses.csv",
    content: fs.readFileSync(csvFile, "utf8"),
    mapping,
  };
  const report = await runImport(register, source, { dryRun: false });
  const find = (prefix: string) => {
    const row = db
      .prepare("SELECT id FROM contracts WHERE reference LIKE @p || '%'")
      .get({ p: prefix }) as { id: number } | undefined;
    if (!row) throw new Error(`no contract whose reference starts with ${prefix}`);
    return register.get(row.id);
  };
  return { register, report, source, find, db };
}

describe("CUAD master_clauses.csv", () => {
  it.skipIf(!present)(`imports all 510 rows, flags what it cannot read${skipReason}`, async () => {
    const { report, db } = await importCuad();
    expect(report).toMatchObject({ rows: 510, created: 510, skipped: 0 });
    // 49 agreement, 36 effective and 22 expiration dates are partial ("[]/[]/2022") or
    // day-first; 6 end dates fall before the effective date; 7 renewal terms and 4
    // notice periods are not one duration; one end date and one term mix a date with
    // "perpetual"; one contract names 54 parties.
    expect(report.flagged).toBe(74);
    expect(report.problems).toHaveLength(127);
    const byField: Record<string, number> = {};
    for (const p of report.problems) byField[p.field ?? "-"] = (byField[p.field ?? "-"] ?? 0) + 1;
    expect(byField).toEqual({
      signatureDate: 49,
      effectiveDate: 36,
      endDate: 29,
      "renewal.term": 8,
      "renewal.notice": 4,
      parties: 1,
    });
    const kinds = db
      .prepare("SELECT renewal_kind AS k, count(*) AS n FROM contracts GROUP BY k ORDER BY k")
      .all();
    expect(kinds).toEqual([
      { k: "automatic", n: 142 },
      { k: "evergreen", n: 74 },
      { k: "none", n: 294 },
    ]);
  });

  it.skipIf(!present)(`reads five contracts as a person would${skipReason}`, async () => {
    const { find } = await importCuad();
    const themart = find("2ThemartComInc");
    expect(themart).toMatchObject({
      title: "CO-BRANDING AND ADVERTISING AGREEMENT",
      type: "Commercial",
      signatureDate: "1999-06-21",
      effectiveDate: "1999-06-21",
      endDate: "2000-06-21",
      renewal: { kind: "automatic", term: "P1Y", notice: "P30D" },
      governingLaw: "California",
      review: [],
    });
    expect(themart.parties.map((p) => [p.name, p.role])).toEqual([
      ["I-ESCROW, INC.", "i-Escrow"],
      ["2THEMART.COM, INC.", "2TheMart"],
    ]);

    // "perpetual" expiration: evergreen, no end date, nothing to review.
    expect(find("ACCURAYINC_09_01_2010")).toMatchObject({
      title: "Multiple LINAC and Multi-Modality Distributor Agreement",
      signatureDate: "2010-06-08",
      endDate: null,
      renewal: { kind: "evergreen", term: null, notice: null },
      governingLaw: "Germany",
      review: [],
    });

    // Partial dates "[]/[]/2020" and "[]/[]/2022" are flagged; the renewal still reads.
    const arca = find("ArcaUsTreasuryFund");
    expect(arca).toMatchObject({
      signatureDate: null,
      effectiveDate: null,
      endDate: null,
      renewal: { kind: "automatic", term: "P1Y", notice: null },
    });
    expect(arca.review.map((f) => [f.column, f.raw])).toEqual([
      ["Agreement Date-Answer", "[]/[]/2020"],
      ["Effective Date-Answer", "[]/[]/2020"],
      ["Expiration Date-Answer", "[]/[]/2022"],
    ]);

    // "4 years, 6 months" renewal term and "6 months" notice.
    expect(find("TubeMediaCorp")).toMatchObject({
      endDate: "2011-03-31",
      renewal: { kind: "automatic", term: "P4Y6M", notice: "P6M" },
      review: [],
    });

    // A day-first "31/01/2025" in a month-first file: flagged with its row and column.
    const coral = find("CORALGOLDRESOURCES");
    expect(coral).toMatchObject({ effectiveDate: "2020-02-01", endDate: null });
    expect(coral.review).toEqual([
      {
        field: "endDate",
        message: 'cannot read "31/01/2025" as a date written M/D/YYYY',
        raw: "31/01/2025",
        row: 105,
        column: "Expiration Date-Answer",
      },
    ]);

    // "(6) months" and "60) days": the stray parenthesis does not stop the reading.
    // A "perpetual" renewal term keeps the end date the expiration column gives.
    expect(find("IPAYMENT,INC_05_14_2007")).toMatchObject({
      endDate: "2010-06-30",
      renewal: { kind: "evergreen", term: null, notice: "P6M" },
    });
    expect(find("PacificapEntertainmentHoldingsInc").renewal).toEqual({
      kind: "automatic",
      term: "P3Y",
      notice: "P60D",
    });
  });

  it.skipIf(!present)(`imports again without duplicates${skipReason}`, async () => {
    const { register, source } = await importCuad();
    const again = await runImport(register, source, { dryRun: false });
    expect(again).toMatchObject({ rows: 510, created: 0, updated: 0, unchanged: 510 });
  });
});
