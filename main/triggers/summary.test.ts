/**
 * The comment a trigger posts names stages as people read them, from the
 * register's own stages table, never by their internal keys.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempServices } from "../test-support/temp-register";
import { frenchStageNames, summary } from "./summary";

let s: ReturnType<typeof openTempServices>;
beforeAll(() => {
  s = openTempServices();
});
afterAll(() => s.cleanup());

describe("trigger summary", () => {
  it("shows a stage move with the stages' names", () => {
    const text = summary(
      "Bail commercial",
      {
        groups: ["stage"],
        action: "stage",
        changes: { stage: ["draft", "legal_review"], endDate: ["2027-01-01", "2028-01-01"] },
        actions: [],
      },
      "[Pacta #1]",
      frenchStageNames(s.db),
    );
    expect(text).toContain("- Étape : Brouillon → Revue juridique");
    expect(text).not.toContain("legal_review");
    expect(text).toContain("- Date de fin : 2027-01-01 → 2028-01-01");
    expect(text.endsWith("[Pacta #1]")).toBe(true);
  });

  it("keeps a key it does not know, and a dash for none", () => {
    const names = frenchStageNames(s.db);
    expect(names("no_such_stage")).toBe("no_such_stage");
    const text = summary(
      "X",
      { groups: ["stage"], action: "stage", changes: { stage: [null, "active"] }, actions: [] },
      "[Pacta #2]",
      names,
    );
    expect(text).toContain("- Étape : — → En vigueur");
  });
});
