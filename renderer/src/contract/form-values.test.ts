import { describe, expect, it } from "vitest";
import { contractInputSchema } from "../../../shared/domain/contract";
import { formPath } from "./form-errors";
import {
  durationFromIso,
  durationToIso,
  emptyFormValues,
  emptyParty,
  toContractInput,
} from "./form-values";

describe("durations in the form", () => {
  it("writes a number and a unit as ISO 8601", () => {
    expect(durationToIso({ amount: 1, unit: "Y", kept: null })).toBe("P1Y");
    expect(durationToIso({ amount: 6, unit: "M", kept: null })).toBe("P6M");
    expect(durationToIso({ amount: 30, unit: "D", kept: null })).toBe("P30D");
    expect(durationToIso({ amount: "", unit: "D", kept: null })).toBeNull();
  });

  it("reads stored durations back, merging years into months", () => {
    expect(durationFromIso("P2W", "M")).toEqual({ amount: 2, unit: "W", kept: null });
    expect(durationFromIso("P1Y6M", "Y")).toEqual({ amount: 18, unit: "M", kept: null });
    expect(durationFromIso(null, "M")).toEqual({ amount: "", unit: "M", kept: null });
  });

  it("keeps a duration one unit cannot show until it is replaced", () => {
    const value = durationFromIso("P1M15D", "M");
    expect(value.amount).toBe("");
    expect(durationToIso(value)).toBe("P1M15D");
  });
});

describe("toContractInput", () => {
  it("produces what the shared schema accepts", () => {
    const values = emptyFormValues();
    values.title = "Bail commercial";
    values.value = "1 234,50";
    values.endDate = "2027-03-31";
    values.parties = [{ ...emptyParty(), name: "Société Générale", email: "" }];
    values.renewal = {
      kind: "automatic",
      term: { amount: 1, unit: "Y", kept: null },
      notice: { amount: 3, unit: "M", kept: null },
    };
    const parsed = contractInputSchema.parse(toContractInput(values));
    expect(parsed.endDate).toBe("2027-03-31");
    expect(parsed.renewal).toEqual({ kind: "automatic", term: "P1Y", notice: "P3M" });
    expect(parsed.parties[0]?.email).toBeNull();
    expect(parsed.currency).toBe("EUR");
  });

  it("names form fields for the schema's issue paths", () => {
    const values = emptyFormValues();
    values.parties = [{ ...emptyParty(), email: "not-an-email" }];
    const result = contractInputSchema.safeParse(toContractInput(values));
    const paths = result.success ? [] : result.error.issues.map((i) => formPath(i.path));
    expect(paths).toEqual(expect.arrayContaining(["title", "parties.0.name", "parties.0.email"]));
  });

  it("puts a missing renewal term under the term's amount", () => {
    const values = emptyFormValues();
    values.title = "Maintenance";
    values.parties = [];
    values.renewal.kind = "automatic";
    const result = contractInputSchema.safeParse(toContractInput(values));
    const paths = result.success ? [] : result.error.issues.map((i) => formPath(i.path));
    expect(paths).toEqual(["renewal.term.amount"]);
  });
});
