import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RENEWAL_KINDS } from "../../shared/domain/contract";
import type { MappedRow } from "./finish-row";
import { mapRowOf, prepareImport } from "./prepare";
import { decodeRows, encodeRows } from "./row-codec";

const fixtures = path.resolve(__dirname, "../../e2e/fixtures/import");

const text = fc.string({ maxLength: 8 });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const party = fc.record({
  name: text,
  role: orNull(text),
  signatory: orNull(text),
  email: orNull(text),
  internal: fc.boolean(),
});
const flag = fc.record({
  field: text,
  message: text,
  raw: orNull(text),
  row: orNull(fc.nat()),
  column: orNull(text),
});
const fields = fc.record(
  {
    reference: orNull(text),
    title: text,
    type: orNull(text),
    stage: text,
    parties: fc.array(party, { maxLength: 3 }),
    value: orNull(fc.double({ noNaN: true })),
    currency: orNull(text),
    signatureDate: orNull(text),
    effectiveDate: orNull(text),
    endDate: orNull(text),
    renewal: fc.record({
      kind: fc.constantFrom(...RENEWAL_KINDS),
      term: orNull(text),
      notice: orNull(text),
    }),
    governingLaw: orNull(text),
    tags: fc.array(text, { maxLength: 3 }),
    notes: text,
  },
  { requiredKeys: ["reference", "title", "type", "parties", "value", "currency"] },
);
const mapped: fc.Arbitrary<MappedRow> = fc.oneof(
  fc.record({
    row: fc.nat(),
    ok: fc.constant(true as const),
    fields: fields.map((f) => ({
      // The schema's key order, which the decoder keeps.
      reference: f.reference,
      title: f.title ?? "",
      type: f.type,
      ...(f.stage === undefined ? {} : { stage: f.stage }),
      parties: f.parties,
      value: f.value,
      currency: f.currency,
      signatureDate: f.signatureDate ?? null,
      effectiveDate: f.effectiveDate ?? null,
      endDate: f.endDate ?? null,
      renewal: f.renewal ?? { kind: "none", term: null, notice: null },
      governingLaw: f.governingLaw ?? null,
      tags: f.tags ?? [],
      notes: f.notes ?? "",
    })),
    flags: fc.array(flag, { maxLength: 3 }),
  }),
  fc.record({
    row: fc.nat(),
    ok: fc.constant(false as const),
    error: text,
    column: orNull(text),
  }),
);

describe("row codec", () => {
  it("decodes what it encoded, down to the JSON text", () => {
    fc.assert(
      fc.property(fc.array(mapped, { maxLength: 6 }), (generated) => {
        // Plain objects, as the mapping makes them (fast-check's have no prototype).
        const rows = structuredClone(generated);
        const back = decodeRows(encodeRows(rows));
        expect(back).toStrictEqual(rows);
        expect(JSON.stringify(back)).toBe(JSON.stringify(rows));
      }),
      { numRuns: 500 },
    );
  });

  it("carries real rows: flags, failures, JSON parties, stages", () => {
    for (const name of ["bad-values.csv", "contrats-fr.csv", "contracts.json"]) {
      const content = fs.readFileSync(path.join(fixtures, name), "utf8");
      const prepared = prepareImport({ fileName: name, content });
      const map = mapRowOf(prepared);
      const rows = prepared.file.rows.map((_, i) => map(i));
      expect(JSON.stringify(decodeRows(encodeRows(rows)))).toBe(JSON.stringify(rows));
    }
  });

  it("refuses cells that end in the middle of a row", () => {
    const cells = encodeRows([{ row: 1, ok: false, error: "no title", column: null }]);
    expect(() => decodeRows(cells.slice(0, -1))).toThrow(/end too early/);
  });
});
