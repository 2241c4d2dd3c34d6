import { describe, expect, it } from "vitest";
import { EMPTY_RULE, parseUserIds, toFormValues, toRuleInput } from "./rule-form";

describe("trigger rule form", () => {
  it("reads user lists and refuses what is not one", () => {
    expect(parseUserIds("2, 3;3 7")).toEqual([2, 3, 7]);
    expect(parseUserIds("2, x")).toBeNull();
    expect(parseUserIds(" ")).toBeNull();
  });

  it("round-trips a rule through the form", () => {
    const input = toRuleInput({
      ...EMPTY_RULE,
      name: "Dates",
      groups: ["dates", "value"],
      push: true,
      move: true,
      stageId: "DT1220_30:CLIENT",
      start: true,
      templateId: "4",
      comment: true,
      attachPdf: true,
      notify: true,
      userIds: "2, 3",
    });
    expect(input).toEqual({
      name: "Dates",
      enabled: true,
      groups: ["dates", "value"],
      actions: [
        { kind: "push" },
        { kind: "moveStage", stageId: "DT1220_30:CLIENT" },
        { kind: "startWorkflow", templateId: 4, parameters: {} },
        { kind: "comment", attachPdf: true },
        { kind: "notify", userIds: [2, 3] },
      ],
    });
    if (input === "userIds") throw new Error("unexpected");
    const rule = {
      ...input,
      id: 1,
      enabled: true,
      actions: input.actions.map((a) => ({ ...a })),
      createdAt: "",
      updatedAt: "",
    };
    expect(toFormValues(rule as Parameters<typeof toFormValues>[0]).userIds).toBe("2, 3");
    expect(toRuleInput({ ...EMPTY_RULE, notify: true, userIds: "a" })).toBe("userIds");
  });

  it("keeps a template's parameters through an edit, leaving emptied ones out", () => {
    const rule = {
      id: 2,
      name: "Validation",
      enabled: true,
      groups: ["stage" as const],
      actions: [
        {
          kind: "startWorkflow" as const,
          templateId: 7,
          parameters: { Lawyer: "user_2", Priority: "high" },
        },
      ],
      createdAt: "",
      updatedAt: "",
    };
    const v = toFormValues(rule);
    expect(v).toMatchObject({ start: true, templateId: "7" });
    const edited = { ...v, parameters: { ...v.parameters, Priority: " ", Note: "Urgent" } };
    const input = toRuleInput(edited);
    if (input === "userIds") throw new Error("unexpected");
    expect(input.actions).toEqual([
      { kind: "startWorkflow", templateId: 7, parameters: { Lawyer: "user_2", Note: "Urgent" } },
    ]);
  });
});
