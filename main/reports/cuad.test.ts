/**
 * The report on the real CUAD register (510 contracts from SEC filings,
 * read in place from ../shared/data): the SQL figures against the same
 * figures worked out contract by contract with the register's own key-date
 * rules, on days when many of those contracts end, renew or lapse.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../shared/domain/calendar-date";
import { importMappingSchema } from "../../shared/domain/import-mapping";
import { computeKeyDates } from "../../shared/domain/key-dates";
import { WINDOWS } from "../../shared/domain/reports";
import type { PactaServices } from "../app/services";
import { runImport } from "../import/import-service";
import { openTempServices } from "../test-support/temp-register";

const repoRoot = path.resolve(__dirname, "../..");
const csvFile = path.resolve(repoRoot, "../shared/data/cuad/master_clauses.csv");
const mappingFile = path.join(repoRoot, "e2e/fixtures/cuad-mapping.json");
const present = fs.existsSync(csvFile);
const skipReason = present ? "" : ` (skipped: ${csvFile} is not on this machine)`;

interface Row {
  end_date: string | null;
  renewal_kind: "none" | "automatic" | "optional" | "evergreen";
  renewal_term: string | null;
  notice_period: string | null;
  stage: string;
}

let s: (PactaServices & { cleanup(): void }) | null = null;
let rows: Row[] = [];

beforeAll(async () => {
  if (!present) return;
  s = openTempServices();
  const mapping = importMappingSchema.parse(JSON.parse(fs.readFileSync(mappingFile, "utf8")));
  await runImport(
    s.register,
    { fileName: "master_clauses.csv", content: fs.readFileSync(csvFile, "utf8"), mapping },
    { dryRun: false },
  );
  rows = s.db
    .prepare(
      `SELECT end_date, renewal_kind, renewal_term, notice_period, stage FROM contracts
       WHERE deleted = 0 AND archived = 0`,
    )
    .all() as Row[];
});

afterAll(() => s?.cleanup());

/** The figures worked out one contract at a time with `computeKeyDates`. */
function byHand(today: string) {
  const ending = { "30": 0, "60": 0, "90": 0 };
  const notice = { "30": 0, "60": 0, "90": 0 };
  const outcomes = { renewed: 0, terminated: 0, lapsed: 0 };
  for (const r of rows) {
    const dates = computeKeyDates(
      {
        endDate: r.end_date,
        renewal: { kind: r.renewal_kind, term: r.renewal_term, notice: r.notice_period },
      },
      today,
    );
    const due =
      dates.noticeDeadline?.date ?? (dates.optionLapsed ? null : dates.decisionDate?.date);
    for (const d of WINDOWS) {
      const key = String(d) as "30" | "60" | "90";
      const until = addDays(today, d);
      const end = r.renewal_kind === "evergreen" ? null : dates.currentTermEnd;
      if (end && end >= today && end <= until) ending[key] += 1;
      if (due && due >= today && due <= until) notice[key] += 1;
    }
    if (r.end_date && r.end_date < today) {
      if (r.renewal_kind === "automatic") outcomes.renewed += 1;
      if (r.renewal_kind === "none" || r.renewal_kind === "optional") outcomes.lapsed += 1;
    }
  }
  return { ending, notice, outcomes };
}

describe(`report figures on the CUAD register${skipReason}`, () => {
  it.skipIf(!present)("counts every imported contract, none active, no values", () => {
    const r = s?.reports.report({}, "2010-01-01");
    expect(rows.length).toBeGreaterThan(500);
    expect(r?.contracts).toBe(rows.length);
    // Imported contracts start at the first stage with no values.
    expect(r?.active).toBe(0);
    expect(r?.valueByStage).toEqual([]);
    expect(r?.lateStages).toEqual([]);
    expect(r?.stageTimes).toEqual([]);
  });

  it.skipIf(!present)("agrees with the key-date rules on the dates coming up", () => {
    let seen = 0;
    for (const today of ["2005-06-30", "2010-01-01", "2012-03-15", "2020-01-01", "2027-01-01"]) {
      const r = s?.reports.report({}, today);
      const hand = byHand(today);
      expect({ today, ending: r?.endingWithin, notice: r?.noticeDueWithin }).toEqual({
        today,
        ending: hand.ending,
        notice: hand.notice,
      });
      expect(r?.renewalOutcomes).toEqual(hand.outcomes);
      seen += hand.ending["90"] + hand.notice["90"];
    }
    // The chosen days do catch contracts ending and notices due.
    expect(seen).toBeGreaterThan(10);
  });
});
