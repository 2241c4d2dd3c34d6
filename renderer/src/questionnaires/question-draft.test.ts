import { describe, expect, it } from "vitest";
import { contentOf, draftOf, emptyDraft, moved, triggerOf } from "./question-draft";

describe("questionnaire drafts", () => {
  it("round-trip a questionnaire, options as lines", () => {
    const draft = draftOf({
      id: 1,
      version: 2,
      currentVersion: 2,
      archived: false,
      savedAt: "",
      savedBy: "",
      trigger: { stage: "signature", partyRole: null },
      content: {
        title: "Retour",
        language: "fr",
        intro: "",
        questions: [
          { id: "q1", kind: "choice", text: "Lequel ?", required: true, options: ["A", "B"] },
        ],
      },
    });
    expect(draft.questions[0]?.options).toBe("A\nB");
    const [first] = draft.questions;
    if (!first) throw new Error("no question");
    draft.questions[0] = { ...first, options: " A \n\nB\nC " };
    expect(contentOf(draft).questions[0]).toEqual({
      id: "q1",
      kind: "choice",
      text: "Lequel ?",
      required: true,
      options: ["A", "B", "C"],
    });
    expect(triggerOf(draft)).toEqual({ stage: "signature", partyRole: null });
  });

  it("leave new questions without an id and no trigger when none is picked", () => {
    const d = emptyDraft("en");
    expect(contentOf(d).questions[0]).not.toHaveProperty("id");
    expect(triggerOf(d)).toBeNull();
  });

  it("move a question", () => {
    expect(moved(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moved(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });
});
