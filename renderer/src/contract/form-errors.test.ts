import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { contractInputSchema } from "../../../shared/domain/contract";
import { issuesToErrors } from "./form-errors";

// Echoes the message key, so the test sees which words were chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe("issuesToErrors", () => {
  it("puts the schema's and the server's issues next to the right fields, in our words", () => {
    const errors = issuesToErrors(
      [
        { path: ["title"], message: "a contract needs a title", code: "too_small" },
        { path: ["parties", 0, "email"], message: "expected an email address" },
        { path: ["renewal", "term"], message: "an automatic renewal needs a renewal term" },
        { path: ["reference"], message: "already used by another contract" },
        { path: ["tags", 2], message: "Too big", code: "too_big" },
        { path: ["governingLaw"], message: "something new" },
      ],
      t,
    );
    expect(errors).toEqual({
      title: "validation.titleRequired",
      "parties.0.email": "validation.email",
      "renewal.term.amount": "validation.automaticNeedsTerm",
      reference: "validation.referenceTaken",
      tags: "validation.tooLong",
      governingLaw: "something new",
    });
  });

  it("says whether an amount has too many decimals or is too large to keep exactly", () => {
    const valueIssue = (value: number, currency: string) => {
      const parsed = contractInputSchema.safeParse({ title: "Bail", value, currency });
      return parsed.success ? null : issuesToErrors(parsed.error.issues, t).value;
    };
    expect(valueIssue(1.005, "EUR")).toBe("validation.tooManyDecimals");
    expect(valueIssue(1e21, "EUR")).toBe("validation.amountTooLarge");
    expect(valueIssue(2 ** 53, "JPY")).toBe("validation.amountTooLarge");
    expect(valueIssue(90071992547409.9, "EUR")).toBe("validation.amountTooLarge");
    expect(valueIssue(9999999999999.99, "EUR")).toBeNull();
  });
});
