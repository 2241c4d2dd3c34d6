import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
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
const newContract = (title = "Bail commercial") =>
  s.register.create(contractInputSchema.parse({ title })).id;

function openVisit(contractId: number) {
  return s.db
    .prepare(
      `SELECT stage, due_date, responsible_id, entered_at FROM contract_stages
       WHERE contract_id = ? AND left_at IS NULL`,
    )
    .get(contractId);
}

describe("moving a contract", () => {
  it("starts a new contract in draft, due after the stage's default days", () => {
    const id = newContract();
    expect(openVisit(id)).toEqual({
      stage: "draft",
      due_date: "2026-03-16",
      responsible_id: null,
      entered_at: iso("2026-03-02"),
    });
  });

  it("records who, when, from, to and why, in one go", () => {
    const id = newContract();
    at("2026-03-05");
    const { move, timeline } = s.lifecycle.move({
      contractId: id,
      to: "legal_review",
      comment: "Draft ready",
      confirmSkip: false,
    });
    expect(move).toMatchObject({ from: "draft", to: "legal_review", actor: "tester", skipped: [] });
    expect(move.at).toBe(iso("2026-03-05"));
    expect(timeline.current).toMatchObject({ stage: "legal_review", dueDate: "2026-03-15" });
    const contract = s.register.get(id);
    expect(contract.stage).toBe("legal_review");
    expect(contract.updatedAt).toBe(iso("2026-03-05"));
    expect(contract.history.at(-1)).toMatchObject({
      action: "moved",
      actor: "tester",
      changes: { stage: ["draft", "legal_review"], comment: [null, "Draft ready"] },
    });
    const visits = s.db
      .prepare("SELECT stage, left_at FROM contract_stages WHERE contract_id = ? ORDER BY id")
      .all(id);
    expect(visits).toEqual([
      { stage: "draft", left_at: iso("2026-03-05") },
      { stage: "legal_review", left_at: null },
    ]);
  });

  it("asks before skipping required stages, and writes nothing until confirmed", () => {
    const id = newContract();
    const before = s.register.get(id);
    let thrown: unknown;
    try {
      s.lifecycle.move({ contractId: id, to: "signature", comment: null, confirmSkip: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      reason: "confirmation_required",
      message: expect.stringMatching(/skips the required stages legal_review, approval/),
      issues: [
        { path: ["skipped", "legal_review"], message: expect.any(String) },
        { path: ["skipped", "approval"], message: expect.any(String) },
      ],
    });
    expect(s.register.get(id)).toEqual(before);
    expect(s.db.prepare("SELECT count(*) AS n FROM stage_moves").get()).toEqual({ n: 0 });

    const { move } = s.lifecycle.move({
      contractId: id,
      to: "signature",
      comment: null,
      confirmSkip: true,
    });
    expect(move.skipped).toEqual(["legal_review", "approval"]);
    expect(s.register.get(id).history.at(-1)?.changes).toEqual({
      stage: ["draft", "signature"],
      skipped: [null, ["legal_review", "approval"]],
    });
  });

  it("goes back without confirmation, to whoever held that stage before", () => {
    const id = newContract();
    const jeanne = s.lifecycle.people.save({
      name: "Jeanne Martin",
      email: "jeanne@cabinet.fr",
      role: "lawyer",
      bitrixUserId: null,
    });
    s.lifecycle.assign({ contractId: id, responsibleId: jeanne.id });
    s.lifecycle.move({ contractId: id, to: "legal_review", comment: null, confirmSkip: false });
    expect(openVisit(id)).toMatchObject({ responsible_id: null });
    const back = s.lifecycle.move({
      contractId: id,
      to: "draft",
      comment: "Needs another pass",
      confirmSkip: false,
    });
    expect(back.timeline.current.responsible).toEqual({ id: jeanne.id, name: "Jeanne Martin" });
  });

  it("refuses unknown, retired and current stages, and deleted contracts", () => {
    const id = newContract();
    const move = (to: string) =>
      s.lifecycle.move({ contractId: id, to, comment: null, confirmSkip: true });
    expect(() => move("nowhere")).toThrow(/no stage "nowhere"/);
    s.lifecycle.pipeline.retire("negotiation", true);
    expect(() => move("negotiation")).toThrow(/"negotiation" is retired/);
    expect(() => move("draft")).toThrow(/already there/);
    s.register.remove(id);
    expect(() => move("active")).toThrow(/no contract #1/);
  });
});

describe("stage changes outside moves", () => {
  it("refuses a stage change through the contract form, and keeps other edits", () => {
    const id = newContract();
    const fields = (input: object) =>
      contractInputSchema.parse({ title: "Bail commercial", ...input });
    expect(() => s.register.update(id, fields({ stage: "active" }))).toThrow(
      /change its stage with a move/,
    );
    const edited = s.register.update(id, fields({ stage: "draft", notes: "ok" }));
    expect(edited.notes).toBe("ok");
    expect(edited.stage).toBe("draft");
  });

  it("records a stage an import changes as a move, and keeps one open visit", () => {
    const write = (stage: string) =>
      s.db.transaction(() =>
        s.register.upsertByReference(
          contractInputSchema.parse({ reference: "R-1", title: "Bail", stage }),
          { action: "imported", source: "file.csv, row 2" },
        ),
      )();
    write("draft");
    at("2026-03-04");
    expect(write("active")).toBe("updated");
    const id = s.register.idByReference("R-1") ?? 0;
    const t = s.lifecycle.timeline(id);
    expect(t.current).toMatchObject({ stage: "active", dueDate: null });
    expect(t.passed.map((p) => [p.stage, p.days])).toEqual([["draft", 2]]);
    expect(t.moves).toMatchObject([
      { from: "draft", to: "active", comment: "file.csv, row 2", skipped: [] },
    ]);
  });

  it("refuses to create a contract at a retired stage", () => {
    s.lifecycle.pipeline.retire("renewal", true);
    expect(() =>
      s.register.create(contractInputSchema.parse({ title: "X", stage: "renewal" })),
    ).toThrow(/"renewal" is retired/);
  });
});

describe("the lifecycle API", () => {
  it("answers a skip with a confirmation_required result the UI can ask about", async () => {
    const handlers = createHandlers(s, { door: "headless", version: "test" });
    const id = newContract();
    const first = await dispatch(handlers, "lifecycle.move", { contractId: id, to: "approval" });
    expect(first).toMatchObject({
      ok: false,
      error: { reason: "confirmation_required", issues: [{ path: ["skipped", "legal_review"] }] },
    });
    const second = await dispatch(handlers, "lifecycle.move", {
      contractId: id,
      to: "approval",
      confirmSkip: true,
      comment: "  ",
    });
    expect(second).toMatchObject({ ok: true, value: { move: { to: "approval", comment: null } } });
    const bad = await dispatch(handlers, "lifecycle.move", { contractId: id, to: "Bad Key" });
    expect(bad).toMatchObject({ ok: false, error: { reason: "invalid_argument" } });
  });
});
