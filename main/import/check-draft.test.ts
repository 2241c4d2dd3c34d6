import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { importMappingSchema } from "../../shared/domain/import-mapping";
import { generateCsv } from "../bench/generate";
import { checkDraft } from "./check-draft";
import { emptyDraft } from "./finish-row";
import { mapCsvRow } from "./map-row";
import { csvColumns, readSourceFile } from "./read-file";

/** Mostly a good value, sometimes one the schema refuses or must look at. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });

/** Sometimes missing, sometimes null, sometimes a value. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(fc.constant(null), fc.constant(undefined), arb, arb);

/** Texts near every limit the schema has, with spaces to trim. */
const text = mostly(
  fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("", "  ", " ACME ", "Bail\n", "x".repeat(60), ` ${"x".repeat(120)} `),
  ),
  fc.constantFrom("x".repeat(61), "x".repeat(121), "x".repeat(201), "x".repeat(301)),
);
const title = mostly(
  fc.constantFrom("Bail", " Licence ", "x".repeat(500)),
  fc.constantFrom("", " ", "x".repeat(501), 42),
);
const date = mostly(
  fc.constantFrom("2024-01-31", " 2024-02-29 ", "2019-06-30", "2030-12-31"),
  fc.constantFrom("2023-02-29", "2024-13-01", "31/01/2024", "", 7),
);
const duration = mostly(
  fc.constantFrom("P1Y", " p6m ", "P1Y6M", "P2W", "P30D"),
  fc.constantFrom("P0D", "P", "1 year", "", 3),
);
const currency = mostly(
  fc.constantFrom("EUR", " usd ", "jpy", "KWD", "eur "),
  fc.constantFrom("XYZ", "EU", "", 978),
);
const value = mostly(
  fc.oneof(fc.integer(), fc.constantFrom(12.5, 0.5, -3.1, 100, 1e21)),
  fc.oneof(fc.double(), fc.constantFrom(1.234, 0.001, Number.NaN, Number.POSITIVE_INFINITY, "12")),
);
const party = fc.record(
  {
    name: text,
    role: maybe(text),
    signatory: maybe(text),
    email: maybe(mostly(fc.constantFrom("", " "), fc.constantFrom("a@b.fr", "nope"))),
    internal: mostly(fc.oneof(fc.constant(undefined), fc.boolean()), fc.constant("yes")),
    extra: fc.constant("ignored"),
  },
  { requiredKeys: ["name"] },
);
const list = <T>(arb: fc.Arbitrary<T>) =>
  mostly(
    fc.array(arb, { maxLength: 4 }),
    fc.oneof(fc.array(arb, { minLength: 50, maxLength: 52 }), fc.constant("not a list")),
  );
const draft = fc.record(
  {
    reference: maybe(text),
    title,
    type: maybe(text),
    stage: mostly(fc.constantFrom("draft", " active "), fc.constantFrom("", undefined, 3)),
    parties: list(party),
    value: maybe(value),
    currency: maybe(currency),
    signatureDate: maybe(date),
    effectiveDate: maybe(date),
    endDate: maybe(date),
    renewal: mostly(
      fc.record(
        {
          kind: mostly(
            fc.constantFrom("none", "automatic", "optional", "evergreen", undefined),
            fc.constant("sometimes"),
          ),
          term: maybe(duration),
          notice: maybe(duration),
        },
        { requiredKeys: [] },
      ),
      fc.constant(null),
    ),
    governingLaw: maybe(text),
    tags: list(mostly(fc.constantFrom("rh", " rh", "it", "x".repeat(60)), text)),
    notes: mostly(fc.constantFrom("", " Note "), fc.constantFrom("x".repeat(100_001), null)),
  },
  { requiredKeys: ["title"] },
);

describe("checkDraft", () => {
  it("answers only what the schema answers, key order included", () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(draft, (d) => {
        runs += 1;
        const fast = checkDraft(structuredClone(d));
        if (fast === null) return;
        answered += 1;
        const parsed = contractInputSchema.safeParse(structuredClone(d));
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toStrictEqual(parsed.data);
      }),
      { numRuns: 4000 },
    );
    // The answers are not a rare case that the test could miss.
    expect(answered).toBeGreaterThan(runs / 20);
  });

  it("answers every row of the benchmark file, as the schema would", () => {
    const file = readSourceFile("bench.csv", generateCsv(300));
    if (file.format !== "csv") throw new Error("expected CSV");
    const mapping = importMappingSchema.parse({
      columns: {
        reference: "Reference",
        title: "Title",
        parties: "Parties",
        value: "Value",
        currency: "Currency",
        endDate: "End date",
        renewalKind: "Renewal",
        renewalTerm: "Renewal term",
        tags: "Tags",
        notes: "Notes",
      },
    });
    const columns = csvColumns(file.headers);
    for (const row of file.rows) {
      const mapped = mapCsvRow(row, columns, mapping);
      if (!mapped.ok) throw new Error(mapped.error);
      expect(mapped.flags).toEqual([]);
      expect(checkDraft(mapped.fields)).toStrictEqual(contractInputSchema.parse(mapped.fields));
    }
    const d = { ...emptyDraft(" Bail "), tags: ["b", "a", "b"], stage: "draft" };
    expect(checkDraft(d)).toStrictEqual(contractInputSchema.parse(d));
  });

  it("leaves a value the schema refuses, or an email, to the schema", () => {
    const base = emptyDraft("Bail");
    expect(checkDraft({ ...base, endDate: "2024-02-30" })).toBeNull();
    expect(checkDraft({ ...base, effectiveDate: "2025-01-01", endDate: "2024-01-01" })).toBeNull();
    expect(checkDraft({ ...base, value: 1.234, currency: "EUR" })).toBeNull();
    expect(checkDraft({ ...base, value: 10 })).toBeNull();
    expect(checkDraft({ ...base, parties: [{ name: "A", email: "a@b.fr" }] })).toBeNull();
    const automatic = { kind: "automatic" as const, term: null, notice: null };
    expect(checkDraft({ ...base, renewal: automatic })).toBeNull();
    expect(checkDraft({ ...base, title: "  " })).toBeNull();
  });
});
