import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { stageInputSchema } from "../../shared/domain/pipeline";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openTempServices } from "../test-support/temp-register";

let s: ReturnType<typeof openTempServices>;
beforeEach(() => {
  s = openTempServices();
});
afterEach(() => s.cleanup());

const keys = () => s.lifecycle.pipeline.list().map((st) => st.key);
const api = (channel: string, args: unknown) =>
  dispatch(createHandlers(s, { door: "headless", version: "test" }), channel, args);

describe("the pipeline", () => {
  it("starts with the nine default stages and their settings", () => {
    const stages = s.lifecycle.pipeline.list();
    expect(stages.map((st) => st.key)).toEqual([
      "draft",
      "legal_review",
      "negotiation",
      "approval",
      "signature",
      "active",
      "renewal",
      "terminated",
      "expired",
    ]);
    expect(stages[1]).toEqual({
      key: "legal_review",
      names: { fr: "Revue juridique", en: "Legal review" },
      terminal: false,
      position: 1,
      responsibleRole: "lawyer",
      defaultDays: 10,
      required: true,
      retired: false,
    });
    expect(stages.filter((st) => st.required).map((st) => st.key)).toEqual([
      "legal_review",
      "approval",
      "signature",
    ]);
    expect(stages.find((st) => st.key === "approval")).toMatchObject({
      responsibleRole: "manager",
      defaultDays: 7,
    });
  });

  it("adds a stage with a key from its name, before the terminal stages", () => {
    const added = s.lifecycle.pipeline.save(
      stageInputSchema.parse({
        names: { fr: "Conformité RGPD", en: "GDPR compliance" },
        responsibleRole: "lawyer",
        defaultDays: 5,
        required: true,
      }),
    );
    expect(added).toMatchObject({ key: "gdpr_compliance", position: 7, required: true });
    expect(keys().slice(6)).toEqual(["renewal", "gdpr_compliance", "terminated", "expired"]);
    const after = s.lifecycle.pipeline.save(
      stageInputSchema.parse({ names: { fr: "Relecture", en: "Proofreading" }, after: "draft" }),
    );
    expect(after.position).toBe(1);
    expect(() =>
      s.lifecycle.pipeline.save(stageInputSchema.parse({ names: { fr: "Brouillon", en: "X" } })),
    ).toThrow(/"draft" already has this name/);
  });

  it("renames a stage and changes its settings, keeping its key", () => {
    const renamed = s.lifecycle.pipeline.save(
      stageInputSchema.parse({
        key: "negotiation",
        names: { fr: "Discussion", en: "Discussion" },
        responsibleRole: "manager",
        defaultDays: null,
        required: true,
      }),
    );
    expect(renamed).toMatchObject({
      key: "negotiation",
      names: { fr: "Discussion", en: "Discussion" },
      responsibleRole: "manager",
      defaultDays: null,
      required: true,
      position: 2,
    });
    expect(s.list.facets().stages.find((st) => st.key === "negotiation")?.names.fr).toBe(
      "Discussion",
    );
  });

  it("reorders from a full list of keys only", () => {
    const order = keys();
    const swapped = [order[0], order[2], order[1], ...order.slice(3)] as string[];
    expect(s.lifecycle.pipeline.reorder(swapped).map((st) => st.key)).toEqual(swapped);
    expect(() => s.lifecycle.pipeline.reorder(swapped.slice(1))).toThrow(/leaves out draft/);
    expect(keys()).toEqual(swapped);
  });

  it("retires a stage: contracts there stay, nobody enters it, and it can come back", () => {
    const id = s.register.create(contractInputSchema.parse({ title: "Bail" })).id;
    s.lifecycle.move({ contractId: id, to: "legal_review", comment: null, confirmSkip: false });
    expect(s.lifecycle.pipeline.retire("legal_review", true).retired).toBe(true);
    expect(s.register.get(id).stage).toBe("legal_review");
    // A retired required stage is no longer asked about.
    const other = s.register.create(contractInputSchema.parse({ title: "Autre" })).id;
    const { move } = s.lifecycle.move({
      contractId: other,
      to: "approval",
      comment: null,
      confirmSkip: false,
    });
    expect(move.skipped).toEqual([]);
    expect(() => s.lifecycle.pipeline.retire("draft", true)).toThrow(/new contracts start/);
    expect(s.lifecycle.pipeline.retire("legal_review", false).retired).toBe(false);
  });

  it("answers the API with typed results and field issues", async () => {
    const list = await api("lifecycle.listStages", {});
    expect(list.ok && (list.value as unknown[]).length).toBe(9);
    const bad = await api("lifecycle.saveStage", { names: { fr: "", en: "X" } });
    expect(bad).toMatchObject({
      ok: false,
      error: { reason: "invalid_argument", issues: [{ path: ["names", "fr"] }] },
    });
    const retire = await api("lifecycle.retireStage", { key: "draft" });
    expect(retire).toMatchObject({ ok: false, error: { issues: [{ path: ["key"] }] } });
  });
});

describe("people", () => {
  it("adds, changes, lists and archives people", () => {
    const jeanne = s.lifecycle.people.save({
      name: "Jeanne Martin",
      email: "jeanne@cabinet.fr",
      role: "lawyer",
      bitrixUserId: null,
    });
    expect(jeanne).toEqual({
      id: 1,
      name: "Jeanne Martin",
      email: "jeanne@cabinet.fr",
      role: "lawyer",
      bitrixUserId: null,
      archived: false,
    });
    const changed = s.lifecycle.people.save({ ...jeanne, role: "manager", bitrixUserId: "12" });
    expect(changed).toMatchObject({ role: "manager", bitrixUserId: "12" });
    s.lifecycle.people.archive(jeanne.id, true);
    expect(s.lifecycle.people.list()).toEqual([]);
    expect(s.lifecycle.people.list(true)).toHaveLength(1);
  });

  it("refuses a bad or already used email, naming the field", async () => {
    const first = await api("lifecycle.savePerson", {
      name: "Jeanne",
      email: "jeanne@cabinet.fr",
      role: "lawyer",
    });
    expect(first.ok).toBe(true);
    const again = await api("lifecycle.savePerson", {
      name: "Other",
      email: "JEANNE@cabinet.fr",
      role: "lawyer",
    });
    expect(again).toMatchObject({
      ok: false,
      error: { reason: "invalid_argument", issues: [{ path: ["email"] }] },
    });
    const bad = await api("lifecycle.savePerson", { name: "X", email: "x@", role: "lawyer" });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: ["email"] }] } });
  });
});
