/**
 * Importing the same file again after a person corrected what it could not
 * read: the correction stays, and its flag goes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { fieldsOf } from "../register/rows";
import { openTempServices } from "../test-support/temp-register";
import { runImport } from "./import-service";

let s: ReturnType<typeof openTempServices>;
beforeEach(() => {
  s = openTempServices();
});
afterEach(() => s.cleanup());

const CSV = [
  "Reference;Title;End date;Renewal;Renewal term;Notice period",
  "R-1;Bail commercial;31/02/2024;automatic;1 year;3 mois",
  "R-2;Contrat de maintenance;[]/[]/2025;none;;",
].join("\n");

const source = () => ({
  fileName: "register.csv",
  content: CSV,
  mapping: {
    columns: {
      reference: "Reference",
      title: "Title",
      endDate: "End date",
      renewalKind: "Renewal",
      renewalTerm: "Renewal term",
      noticePeriod: "Notice period",
    },
    dateFormat: "DD/MM/YYYY" as const,
  },
});

describe("importing a file again", () => {
  it("keeps what a person corrected and drops the flag it answered", async () => {
    const first = await runImport(s.register, source(), { dryRun: false });
    expect(first).toMatchObject({ created: 2, flagged: 2 });
    const id = s.register.idByReference("R-1") ?? 0;
    const flagged = s.register.get(id);
    expect(flagged.review.map((f) => f.field)).toEqual(["endDate"]);
    s.register.update(
      id,
      contractInputSchema.parse({ ...fieldsOf(flagged), endDate: "2024-02-29" }),
    );

    const again = await runImport(s.register, source(), { dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const kept = s.register.get(id);
    expect(kept.endDate).toBe("2024-02-29");
    expect(kept.review).toEqual([]);
    // The contract nobody corrected keeps its flag and its empty date.
    const other = s.register.get(s.register.idByReference("R-2") ?? 0);
    expect(other.endDate).toBeNull();
    expect(other.review).toHaveLength(1);
  });
});
