/**
 * The comment a trigger posts names stages as people read them, from the
 * register's own stages table, never by their internal keys.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stageNames } from "../lifecycle/stage-names";
import { openTempServices } from "../test-support/temp-register";
import { summary } from "./summary";

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
      stageNames(s.db, "fr"),
    );
    expect(text).toContain("- Étape : Brouillon → Revue juridique");
    expect(text).not.toContain("legal_review");
    expect(text).toContain("- Date de fin : 2027-01-01 → 2028-01-01");
    expect(text.endsWith("[Pacta #1]")).toBe(true);
  });

  it("keeps a key it does not know, and a dash for none", () => {
    const names = stageNames(s.db, "fr");
    expect(names("no_such_stage")).toBe("no_such_stage");
    const text = summary(
      "X",
      { groups: ["stage"], action: "stage", changes: { stage: [null, "active"] }, actions: [] },
      "[Pacta #2]",
      names,
    );
    expect(text).toContain("- Étape : — → En vigueur");
  });

  it("says a renewal in words, in either language", () => {
    const renewal = {
      groups: ["terms" as const],
      action: "updated" as const,
      changes: {
        renewal: [
          { kind: "none", term: null, notice: null },
          { kind: "automatic", term: "P1Y", notice: "P3M" },
        ] as [unknown, unknown],
      },
      actions: [],
    };
    const fr = summary("Bail", renewal, "[Pacta #4]", stageNames(s.db, "fr"), "fr");
    expect(fr).toContain("- Renouvellement : sans reconduction → reconduction tacite,");
    expect(fr).toContain("reconduction tacite, durée un an, préavis trois mois");
    const en = summary("Lease", renewal, "[Pacta #5]", stageNames(s.db, "en"), "en");
    expect(en).toContain(
      "- Renewal: no renewal → automatic renewal, term one year, notice three months",
    );
  });

  it("speaks English when the portal's language is English", () => {
    const text = summary(
      "Office lease",
      {
        groups: ["stage", "dates"],
        action: "stage",
        changes: {
          stage: ["draft", "active"],
          endDate: ["2027-01-01", "2028-01-01"],
          text: [1, 2],
        },
        actions: [],
      },
      "[Pacta #3]",
      stageNames(s.db, "en"),
      "en",
    );
    expect(text.split("\n")).toEqual([
      'Pacta: the contract "Office lease" changed (stage, dates).',
      "- Stage: Draft → Active",
      "- End date: 2027-01-01 → 2028-01-01",
      "- Contract text changed",
      "[Pacta #3]",
    ]);
  });
});
