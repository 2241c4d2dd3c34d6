import { describe, expect, it } from "vitest";
import {
  insertionIndex,
  lateness,
  nameClash,
  type PipelineStage,
  personInputSchema,
  reorderProblems,
  retireProblem,
  skippedRequired,
  stageInputSchema,
  stageKeyFrom,
  upcomingStages,
} from "./pipeline";
import { DEFAULT_STAGES } from "./stages";

const REQUIRED = new Set(["legal_review", "approval", "signature"]);

function pipeline(changes: Partial<Record<string, Partial<PipelineStage>>> = {}): PipelineStage[] {
  return DEFAULT_STAGES.map((s, position) => ({
    ...s,
    position,
    responsibleRole: null,
    defaultDays: null,
    required: REQUIRED.has(s.key),
    retired: false,
    ...changes[s.key],
  }));
}

describe("stage keys", () => {
  it("derives an ASCII key from a name, accents and ligatures spelled out", () => {
    expect(stageKeyFrom("Revue de conformité", [])).toBe("revue_de_conformite");
    expect(stageKeyFrom("  Œuvre -- d'art!  ", [])).toBe("oeuvre_d_art");
    expect(stageKeyFrom("Проверка", [])).toBe("stage");
  });

  it("never reuses a key", () => {
    expect(stageKeyFrom("Draft", ["draft"])).toBe("draft_2");
    expect(stageKeyFrom("Draft", ["draft", "draft_2"])).toBe("draft_3");
  });

  it("keeps keys short enough for the key pattern", () => {
    const key = stageKeyFrom("a very long stage name ".repeat(5), []);
    expect(key.length).toBeLessThanOrEqual(36);
    expect(stageInputSchema.shape.key.parse(key)).toBe(key);
  });
});

describe("pipeline rules", () => {
  it("puts a new stage before the terminal ones, or after the one named", () => {
    const stages = pipeline();
    expect(insertionIndex(stages, null)).toBe(7);
    expect(insertionIndex(stages, "draft")).toBe(1);
  });

  it("finds a clash of names in either language, ignoring case and accents", () => {
    const stages = pipeline();
    expect(nameClash(stages, { fr: "brouillon", en: "Other" }, null)?.key).toBe("draft");
    expect(nameClash(stages, { fr: "Autre", en: "LEGAL REVIEW" }, null)?.key).toBe("legal_review");
    expect(nameClash(stages, { fr: "Brouillon", en: "Draft" }, "draft")).toBeNull();
  });

  it("accepts a reorder only as a full permutation", () => {
    const keys = pipeline().map((s) => s.key);
    expect(reorderProblems(keys, [...keys].reverse())).toEqual([]);
    expect(reorderProblems(keys, keys.slice(1))).toEqual(["the order leaves out draft"]);
    expect(reorderProblems(keys, [...keys, "draft"])).toEqual(['"draft" is listed twice']);
    expect(reorderProblems(keys, [...keys, "nowhere"])).toEqual(['there is no stage "nowhere"']);
  });

  it("refuses to retire the start stage or the last active one", () => {
    expect(retireProblem(pipeline(), "negotiation")).toBeNull();
    expect(retireProblem(pipeline(), "draft")).toMatch(/where new contracts start/);
    expect(retireProblem(pipeline(), "nowhere")).toMatch(/no stage/);
    const allButOne = Object.fromEntries(
      DEFAULT_STAGES.filter((s) => s.key !== "active").map((s) => [s.key, { retired: true }]),
    );
    expect(retireProblem(pipeline(allButOne), "active")).toMatch(/last active stage/);
  });
});

describe("skipped required stages", () => {
  const stages = pipeline();

  it("names the required stages a forward move jumps over", () => {
    expect(skippedRequired(stages, "draft", "signature")).toEqual(["legal_review", "approval"]);
    expect(skippedRequired(stages, "draft", "active")).toEqual([
      "legal_review",
      "approval",
      "signature",
    ]);
    expect(skippedRequired(stages, "legal_review", "negotiation")).toEqual([]);
  });

  it("lets a contract go back, or end, without confirmation", () => {
    expect(skippedRequired(stages, "signature", "draft")).toEqual([]);
    expect(skippedRequired(stages, "draft", "terminated")).toEqual([]);
  });

  it("ignores retired stages", () => {
    const retired = pipeline({ approval: { retired: true } });
    expect(skippedRequired(retired, "draft", "signature")).toEqual(["legal_review"]);
  });
});

describe("timeline rules", () => {
  it("lists what comes next without retired or terminal stages", () => {
    const stages = pipeline({ renewal: { retired: true } });
    expect(upcomingStages(stages, "signature")).toEqual(["active"]);
    expect(upcomingStages(stages, "terminated")).toEqual([]);
    expect(upcomingStages(stages, "nowhere")).toEqual([]);
  });

  it("is late only after the due date", () => {
    expect(lateness(null, "2026-03-01")).toEqual({ late: false, daysLate: 0 });
    expect(lateness("2026-03-01", "2026-03-01")).toEqual({ late: false, daysLate: 0 });
    expect(lateness("2026-02-27", "2026-03-01")).toEqual({ late: true, daysLate: 2 });
  });
});

describe("input schemas", () => {
  it("checks a person's email and trims what people type", () => {
    const ok = personInputSchema.parse({
      name: " Jeanne Martin ",
      email: " jeanne@cabinet.fr ",
      role: "lawyer",
    });
    expect(ok).toMatchObject({ name: "Jeanne Martin", email: "jeanne@cabinet.fr" });
    expect(ok.bitrixUserId).toBeNull();
    const bad = personInputSchema.safeParse({ name: "X", email: "not-an-email", role: "lawyer" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["email"]);
  });

  it("reads stage settings with defaults", () => {
    const s = stageInputSchema.parse({ names: { fr: "Conformité", en: "Compliance" } });
    expect(s).toMatchObject({
      responsibleRole: null,
      defaultDays: null,
      required: false,
      terminal: false,
      after: null,
    });
    expect(
      stageInputSchema.safeParse({ names: { fr: "A", en: "B" }, defaultDays: -1 }).success,
    ).toBe(false);
  });
});
