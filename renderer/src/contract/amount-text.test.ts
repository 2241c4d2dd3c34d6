import { describe, expect, it } from "vitest";
import { amountText, showAmount } from "./amount-text";
import { emptyFormValues, toContractInput } from "./form-values";

const input = (value: string, currency = "EUR") =>
  toContractInput({ ...emptyFormValues(), title: "Bail", value, currency });

describe("amounts in the contract form", () => {
  it("reads them as the importer does, in exact minor units", () => {
    expect(input("1.500").value).toBe(1500);
    expect(input("1 500,50").value).toBe(1500.5);
    expect(input("12,500.50").value).toBe(12500.5);
    expect(input("").value).toBeNull();
  });

  it("marks what it cannot read instead of guessing", () => {
    for (const text of ["1e6", "99999999999999999", "1,2,3", "abc"]) {
      expect(input(text).value).toBeNaN();
    }
  });

  it("shows them with the language's separators", () => {
    expect(showAmount(150050, "EUR", "fr-FR")).toBe("1\u202f500,50");
    expect(showAmount(150050, "EUR", "en-GB")).toBe("1,500.50");
    expect(showAmount(1500, "JPY", "en-GB")).toBe("1,500");
    expect(amountText(12500.5, "EUR", "fr-FR")).toBe("12\u202f500,50");
    expect(amountText(null, "EUR", "fr-FR")).toBe("");
  });
});
