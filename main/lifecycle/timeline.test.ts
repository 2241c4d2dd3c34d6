import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { openTempServices } from "../test-support/temp-register";

/** Noon on this machine's calendar, so that days do not depend on the time zone. */
const noon = (day: string) => {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
};
const iso = (day: string) => noon(day).toISOString();

let clock: Date;
let s: ReturnType<typeof openTempServices>;
beforeEach(() => {
  clock = noon("2026-03-02");
  s = openTempServices(() => clock);
});
afterEach(() => s.cleanup());

const at = (day: string) => {
  clock = noon(day);
};
const move = (contractId: number, to: string, comment: string | null = null) =>
  s.lifecycle.move({ contractId, to, comment, confirmSkip: true });

function person(name: string, email: string, role = "lawyer") {
  return s.lifecycle.people.save({ name, email, role, bitrixUserId: null });
}

describe("a contract's timeline", () => {
  it("shows stages passed with time spent, the current one late in red, and what comes", () => {
    const id = s.register.create(contractInputSchema.parse({ title: "Prestation" })).id;
    at("2026-03-10");
    move(id, "legal_review", "first draft done");
    at("2026-03-30");
    move(id, "negotiation");

    const onTime = s.lifecycle.timeline(id, "2026-04-29");
    expect(onTime.passed).toEqual([
      {
        stage: "draft",
        enteredAt: iso("2026-03-02"),
        leftAt: iso("2026-03-10"),
        days: 8,
        dueDate: "2026-03-16",
        late: false,
        responsible: null,
      },
      {
        stage: "legal_review",
        enteredAt: iso("2026-03-10"),
        leftAt: iso("2026-03-30"),
        days: 20,
        dueDate: "2026-03-20",
        late: true,
        responsible: null,
      },
    ]);
    expect(onTime.current).toEqual({
      stage: "negotiation",
      enteredAt: iso("2026-03-30"),
      days: 30,
      dueDate: "2026-04-29",
      late: false,
      daysLate: 0,
      responsible: null,
    });
    expect(onTime.upcoming).toEqual(["approval", "signature", "active", "renewal"]);
    expect(onTime.moves.map((m) => [m.from, m.to, m.comment])).toEqual([
      ["draft", "legal_review", "first draft done"],
      ["legal_review", "negotiation", null],
    ]);

    const late = s.lifecycle.timeline(id, "2026-05-02");
    expect(late.current).toMatchObject({ late: true, daysLate: 3 });
    // Without a day given, "today" is the service clock's.
    at("2026-04-30");
    expect(s.lifecycle.timeline(id).current).toMatchObject({ late: true, daysLate: 1 });
  });

  it("has nothing to come for an ended contract, and no deadline for active ones", () => {
    const id = s.register.create(contractInputSchema.parse({ title: "Bail" })).id;
    move(id, "active");
    const t = s.lifecycle.timeline(id, "2030-01-01");
    expect(t.current).toMatchObject({ stage: "active", dueDate: null, late: false });
    expect(t.upcoming).toEqual(["renewal"]);
    move(id, "terminated");
    expect(s.lifecycle.timeline(id).upcoming).toEqual([]);
  });
});

describe("assigning the current stage", () => {
  it("sets the responsible person and due date, and records it", () => {
    const id = s.register.create(contractInputSchema.parse({ title: "Cession" })).id;
    const jeanne = person("Jeanne Martin", "jeanne@cabinet.fr");
    at("2026-03-03");
    const t = s.lifecycle.assign({
      contractId: id,
      stage: "draft",
      responsibleId: jeanne.id,
      dueDate: "2026-03-20",
    });
    expect(t.current).toMatchObject({
      dueDate: "2026-03-20",
      responsible: { id: jeanne.id, name: "Jeanne Martin" },
    });
    const contract = s.register.get(id);
    expect(contract.updatedAt).toBe(iso("2026-03-03"));
    expect(contract.history.at(-1)).toMatchObject({
      action: "assigned",
      changes: {
        responsible: [null, { id: jeanne.id, name: "Jeanne Martin" }],
        dueDate: ["2026-03-16", "2026-03-20"],
      },
    });

    // Only what changes is written; nothing changed, nothing written.
    s.lifecycle.assign({ contractId: id, responsibleId: jeanne.id });
    expect(s.register.get(id).history).toHaveLength(2);
    s.lifecycle.assign({ contractId: id, dueDate: null });
    expect(s.register.get(id).history.at(-1)?.changes).toEqual({
      dueDate: ["2026-03-20", null],
    });
    expect(s.lifecycle.timeline(id).current.responsible?.name).toBe("Jeanne Martin");
  });

  it("refuses an archived or unknown person, and a stage the contract has left", () => {
    const id = s.register.create(contractInputSchema.parse({ title: "Cession" })).id;
    const paul = person("Paul Durand", "paul@cabinet.fr", "manager");
    s.lifecycle.people.archive(paul.id, true);
    expect(() => s.lifecycle.assign({ contractId: id, responsibleId: paul.id })).toThrow(
      /Paul Durand is archived/,
    );
    expect(() => s.lifecycle.assign({ contractId: id, responsibleId: 99 })).toThrow(
      /no person #99/,
    );
    move(id, "legal_review");
    expect(() => s.lifecycle.assign({ contractId: id, stage: "draft", dueDate: null })).toThrow(
      /now at "legal_review"/,
    );
  });
});
