import { describe, expect, it } from "vitest";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { actionCallSchema, parseForm } from "./form";
import { InputError, minusDays, readDate, readInput } from "./values";

describe("the relay's reading of a portal call", () => {
  it("parses bracket notation, and no key reaches the prototype", () => {
    const form = parseForm(
      "workflow_id=w1&code=c&document_id%5B0%5D=crm&document_id%5B1%5D=CCrmDocumentDeal" +
        "&document_id%5B2%5D=DEAL_3&event_token=t&properties%5BWaitStage%5D=active" +
        "&auth%5Bapplication_token%5D=a%26b&__proto__%5Bx%5D=1&select%5B%5D=ID&select%5B%5D=TITLE",
    );
    expect(form.properties).toEqual({ WaitStage: "active" });
    expect(form.select).toEqual({ 0: "ID", 1: "TITLE" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const call = actionCallSchema.parse(form);
    expect(call.document_id).toEqual(["crm", "CCrmDocumentDeal", "DEAL_3"]);
    expect(call.auth.application_token).toBe("a&b");
  });

  it("reads dates the portal writes and refuses others", () => {
    expect(readDate("2027-06-30")).toBe("2027-06-30");
    expect(readDate("30.06.2027")).toBe("2027-06-30");
    expect(readDate("2027-06-30T00:00:00+03:00")).toBe("2027-06-30");
    expect(readDate("2027-02-30")).toBeNull();
    expect(readDate("demain")).toBeNull();
    expect(minusDays("2027-03-01", 1)).toBe("2027-02-28");
  });

  it("checks the properties and names the one that is wrong", () => {
    const ok = readInput(
      {
        Responsible: "user_7",
        RenewalDate: "31.12.2027",
        NoticePeriodDays: "60",
        StageDeadlines: "signature=2027-01-10; active=2027-02-01",
        WaitStage: "active",
      },
      SPA_SETTINGS,
    );
    expect(ok).toMatchObject({
      responsibleId: 7,
      renewalDate: "2027-12-31",
      noticeDays: 60,
      stageDeadlines: { signature: "2027-01-10", active: "2027-02-01" },
      waitStage: "DT1220_30:SUCCESS",
    });
    const bad = (props: Record<string, string>) => () =>
      readInput({ Responsible: "user_1", WaitStage: "active", ...props }, SPA_SETTINGS);
    expect(bad({ Responsible: "Camille" })).toThrow(/Responsible must be a portal user/);
    expect(bad({ RenewalDate: "bientôt" })).toThrow(InputError);
    expect(bad({ NoticePeriodDays: "-3" })).toThrow(/NoticePeriodDays/);
    expect(bad({ StageDeadlines: "active" })).toThrow(/StageDeadlines line 1/);
    expect(bad({ WaitStage: " " })).toThrow(/WaitStage is empty/);
    expect(bad({ WaitStage: "nowhere" })).toThrow(/WaitStage "nowhere" is neither a Pacta stage/);
    // A portal stage id the map uses is fine.
    expect(bad({ WaitStage: "DT1220_30:SUCCESS" })().waitStage).toBe("DT1220_30:SUCCESS");
    const noMap = { ...SPA_SETTINGS, stageMap: {} };
    expect(() => readInput({ Responsible: "user_1", WaitStage: "active" }, noMap)).toThrow(
      /the relay has no stage map/,
    );
  });
});
