/**
 * Stage triggers, results taken together and the CSV exports, on a
 * register with known answers.
 */
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import type { QuestionnaireContentInput } from "../../shared/domain/questionnaires";
import { openTempServices } from "../test-support/temp-register";
import { FEEDBACK, seedContract } from "./test-fixtures";

let s: ReturnType<typeof openTempServices>;

beforeEach(() => {
  s = openTempServices();
});

afterEach(() => s.cleanup());

function move(contractId: number, to: string) {
  s.lifecycle.move({ contractId, to, comment: null, confirmSkip: true });
}

describe("stage triggers", () => {
  it("attach the questionnaire to the parties once, when the contract enters the stage", () => {
    const q = s.questionnaires.definitions.create(FEEDBACK, {
      stage: "signature",
      partyRole: null,
    });
    const contractId = seedContract(s);
    expect(s.questionnaires.answers.forContract(contractId)).toEqual([]);
    move(contractId, "signature");
    const [first, ...others] = s.questionnaires.answers.forContract(contractId);
    expect(others).toEqual([]);
    expect(first).toMatchObject({
      questionnaireId: q.id,
      version: 1,
      triggerStage: "signature",
      party: { name: "ООО «Ромашка»", role: "client" },
      createdBy: "tester",
    });
    move(contractId, "negotiation");
    move(contractId, "signature");
    expect(s.questionnaires.answers.forContract(contractId)).toHaveLength(1);
  });

  it("pick parties by role, and fire nothing for a contract created at the stage", () => {
    s.questionnaires.definitions.create(FEEDBACK, { stage: "active", partyRole: "Prestataire" });
    const created = s.register.create(
      contractInputSchema.parse({
        title: "Déjà signé",
        stage: "active",
        parties: [{ name: "X", role: "prestataire" }],
      }),
    );
    expect(s.questionnaires.answers.forContract(created.id)).toEqual([]);
    const contractId = seedContract(s);
    move(contractId, "active");
    const attached = s.questionnaires.answers.forContract(contractId);
    expect(attached.map((a) => a.party.name)).toEqual(["Cabinet Durand"]);
  });

  it("fire no more once the questionnaire is archived", () => {
    const q = s.questionnaires.definitions.create(FEEDBACK, {
      stage: "signature",
      partyRole: null,
    });
    s.questionnaires.definitions.archive(q.id, true);
    const contractId = seedContract(s);
    move(contractId, "signature");
    expect(s.questionnaires.answers.forContract(contractId)).toEqual([]);
  });
});

function answered() {
  const q = s.questionnaires.definitions.create(FEEDBACK, null);
  const contractId = seedContract(s);
  const given: Record<string, string>[] = [
    { q1: "Rapide", q2: "Recherche", q3: "4", q5: "oui" },
    { q2: "Recherche", q3: "5", q4: "01/02/2027", q5: "non" },
    { q1: '=HYPERLINK("x")', q2: "Bouche-à-oreille", q3: "2", q5: "yes" },
  ];
  for (const values of given) {
    const a = s.questionnaires.answers.attach(q.id, contractId, 1);
    const outcome = s.questionnaires.answer(a.id, values, "manual");
    if (!outcome.stored) throw new Error(JSON.stringify(outcome.problems));
  }
  // One handed out and not answered: counted as attached, not as answered.
  s.questionnaires.answers.attach(q.id, contractId, 0);
  return q.id;
}

describe("results", () => {
  it("count the options and average the scales", () => {
    const r = s.questionnaires.results(answered());
    expect(r).toMatchObject({ attachments: 4, answered: 3 });
    const byId = new Map(r.questions.map((x) => [x.questionId, x]));
    expect(byId.get("q2")?.counts).toEqual([
      { option: "Bouche-à-oreille", count: 1 },
      { option: "Salon « Droit & Tech »", count: 0 },
      { option: "Recherche", count: 2 },
    ]);
    expect(byId.get("q3")?.average).toBeCloseTo(11 / 3, 10);
    expect(byId.get("q3")?.counts.map((c) => c.count)).toEqual([0, 1, 0, 1, 1]);
    expect(byId.get("q5")?.counts).toEqual([
      { option: "yes", count: 2 },
      { option: "no", count: 1 },
    ]);
    expect(byId.get("q1")).toMatchObject({ answered: 2, counts: [], average: null });
  });

  it("keep old answers readable after the questions change", () => {
    const id = answered();
    const before = s.questionnaires.definitions.get(id);
    const content: QuestionnaireContentInput = {
      ...before.content,
      questions: [
        ...before.content.questions.filter((x) => x.id !== "q1"),
        { kind: "yesno", text: "Nouveau ?" },
      ],
    };
    const saved = s.questionnaires.definitions.save(id, content, null, before.version);
    expect(saved.version).toBe(2);
    expect(saved.content.questions.at(-1)?.id).toBe("q6");
    const old = s.questionnaires.answers.forQuestionnaire(id)[0];
    expect(old?.version).toBe(1);
    expect(old?.questions.map((x) => x.id)).toContain("q1");
    expect(old?.answers.find((a) => a.questionId === "q1")?.value).toBe("Rapide");
    expect(
      s.questionnaires.results(id).questions.find((x) => x.questionId === "q3")?.answered,
    ).toBe(3);
  });
});

describe("CSV export", () => {
  it("parses back with a comma, and with a semicolon and decimal commas", () => {
    const id = answered();
    for (const separator of [",", ";"] as const) {
      const csv = s.questionnaires.csv(id, "answers", separator);
      expect(csv.content.startsWith("\uFEFF")).toBe(true);
      const rows = Papa.parse<string[]>(csv.content.slice(1), {
        delimiter: separator,
        skipEmptyLines: true,
      }).data;
      expect(rows[0]?.slice(0, 3)).toEqual(["Référence du contrat", "Contrat", "Destinataire"]);
      expect(rows[0]?.[9]).toBe("q3. Satisfaction générale");
      expect(rows).toHaveLength(4);
      expect(rows[1]?.slice(7)).toEqual(["Rapide", "Recherche", "4", "", "oui"]);
      expect(rows[2]?.[10]).toBe("2027-02-01");
      // A cell a spreadsheet would run as a formula is written as text.
      expect(rows[3]?.[7]).toBe('\'=HYPERLINK("x")');
      const summary = s.questionnaires.csv(id, "summary", separator);
      const lines = Papa.parse<string[]>(summary.content.slice(1), {
        delimiter: separator,
        skipEmptyLines: true,
      }).data;
      const q3 = "q3. Satisfaction générale";
      const average = lines.find((l) => l[0] === q3 && l[1] === "moyenne");
      expect(average?.[3]).toBe(separator === ";" ? "3,67" : "3.67");
      expect(lines).toContainEqual(["q2. Comment nous avez-vous connus ?", "Recherche", "2", ""]);
    }
  });
});
