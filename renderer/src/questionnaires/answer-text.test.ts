import { describe, expect, it } from "vitest";
import { answerText } from "./answer-text";

const w = { yes: "Oui", no: "Non", date: (iso: string) => iso.split("-").reverse().join("/") };

describe("answerText", () => {
  it("says yes/no and dates in the UI's words", () => {
    expect(answerText("yesno", "yes", w)).toBe("Oui");
    expect(answerText("yesno", "no", w)).toBe("Non");
    expect(answerText("date", "2027-03-15", w)).toBe("15/03/2027");
    expect(answerText("scale", "4", w)).toBe("4");
    expect(answerText("text", null, w)).toBeNull();
  });
});
