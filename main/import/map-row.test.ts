import { describe, expect, it } from "vitest";
import { type ImportMappingInput, importMappingSchema } from "../../shared/domain/import-mapping";
import { mapJsonRow } from "./map-json";
import { type MappedRow, mapCsvRow } from "./map-row";
import { csvColumns } from "./read-file";
import { readParty } from "./read-values";

const COLUMNS = {
  reference: "Ref",
  title: "Title",
  parties: "Parties",
  value: "Value",
  currency: "Currency",
  effectiveDate: "Start",
  endDate: "End",
  renewalKind: "Renewal",
  renewalTerm: "Term",
  noticePeriod: "Notice",
  stage: "Stage",
  tags: "Tags",
} as const;

function map(cells: Record<string, string>, extra: Partial<ImportMappingInput> = {}): MappedRow {
  const mapping = importMappingSchema.parse({
    columns: COLUMNS,
    dateFormat: "DD/MM/YYYY",
    ...extra,
  });
  const headers = Object.keys(cells);
  const row = { row: 7, values: headers.map((h) => cells[h] ?? "") };
  return mapCsvRow(row, csvColumns(headers), mapping);
}

function imported(m: MappedRow) {
  if (!m.ok) throw new Error(`expected the row to import, got: ${m.error}`);
  return m;
}

describe("mapCsvRow", () => {
  it("reads every kind of value", () => {
    const m = imported(
      map({
        Ref: " C-1 ",
        Title: "Maintenance",
        Parties: 'ACME SA ("Prestataire"); Martin & Fils (le "Client")',
        Value: "12 000,50",
        Currency: "eur",
        Start: "01/02/2024",
        End: "31/01/2025",
        Renewal: "Tacite reconduction",
        Term: "1 an",
        Notice: "trois (3) mois",
        Stage: "Négociation",
        Tags: "b, a, b",
      }),
    );
    expect(m.flags).toEqual([]);
    expect(m.fields).toMatchObject({
      reference: "C-1",
      title: "Maintenance",
      parties: [
        { name: "ACME SA", role: "Prestataire" },
        { name: "Martin & Fils", role: "Client" },
      ],
      value: 12000.5,
      currency: "EUR",
      effectiveDate: "2024-02-01",
      endDate: "2025-01-31",
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
      stage: "negotiation",
      tags: ["a", "b"],
    });
  });

  it("empties and flags what it cannot read, with row and column, and keeps the row", () => {
    const m = imported(
      map({
        Title: "Supply",
        Value: "12.34.56",
        Currency: "EUR",
        Start: "[]/[]/2022",
        End: "31/02/2024",
        Notice: "60 days; 180 days",
        Stage: "somewhere",
      }),
    );
    expect(m.fields).toMatchObject({ value: null, effectiveDate: null, endDate: null });
    expect(m.fields.renewal.notice).toBeNull();
    expect(m.flags.map((f) => [f.field, f.column, f.raw, f.row])).toEqual([
      ["stage", "Stage", "somewhere", 7],
      ["value", "Value", "12.34.56", 7],
      ["effectiveDate", "Start", "[]/[]/2022", 7],
      ["endDate", "End", "31/02/2024", 7],
      ["renewal.notice", "Notice", "60 days; 180 days", 7],
    ]);
    expect(m.flags[3]?.message).toBe('cannot read "31/02/2024" as a date written DD/MM/YYYY');
  });

  it("flags an unknown currency and the amount that needed it", () => {
    const m = imported(map({ Title: "T", Value: "100", Currency: "XYZ" }));
    expect(m.fields.value).toBeNull();
    expect(m.fields.currency).toBeNull();
    expect(m.flags.map((f) => f.field)).toEqual(["currency", "value"]);
  });

  it("uses the default currency for an amount, and asks for one when there is none", () => {
    const withDefault = imported(
      map({ Title: "T", Value: "1,5" }, { defaults: { currency: "EUR" } }),
    );
    expect(withDefault.fields).toMatchObject({ value: 1.5, currency: "EUR" });
    const without = imported(map({ Title: "T", Value: "1,5" }));
    expect(without.flags[0]?.message).toMatch(/needs a currency/);
  });

  it("keeps an automatic renewal with an unreadable term as none, and says why", () => {
    const m = imported(map({ Title: "T", Renewal: "automatique", Term: "successive []" }));
    expect(m.fields.renewal).toEqual({ kind: "none", term: null, notice: null });
    expect(m.flags).toHaveLength(1);
    expect(m.flags[0]).toMatchObject({ field: "renewal.term", column: "Term" });
    expect(m.flags[0]?.message).toMatch(/automatic renewal needs a renewal term/);
  });

  it("reads a filled term as the kind the mapping says, when there is no kind column", () => {
    const columns = { title: "Title", renewalTerm: "Term", endDate: "End" };
    const extra = { columns, renewalTermImplies: "automatic" as const };
    const m = imported(map({ Title: "T", Term: "successive 2 years" }, extra));
    expect(m.fields.renewal).toEqual({ kind: "automatic", term: "P2Y", notice: null });
    const none = imported(map({ Title: "T", Term: "" }, extra));
    expect(none.fields.renewal.kind).toBe("none");
  });

  it("reads an evergreen word as evergreen with no end date, and no flag", () => {
    const columns = { title: "Title", renewalTerm: "Term", endDate: "End" };
    const extra = {
      columns,
      renewalTermImplies: "automatic" as const,
      evergreenWords: ["perpetual"],
    };
    const m = imported(map({ Title: "T", End: "Perpetual", Term: "" }, extra));
    expect(m.fields).toMatchObject({ endDate: null, renewal: { kind: "evergreen", term: null } });
    expect(m.flags).toEqual([]);
    const mixed = imported(map({ Title: "T", End: "09/05/2019; perpetual" }, extra));
    expect(mixed.fields.renewal.kind).toBe("evergreen");
    expect(mixed.flags[0]?.message).toMatch(/read as evergreen/);
  });

  it("flags an end date before the start instead of refusing the row", () => {
    const m = imported(map({ Title: "T", Start: "01/02/2024", End: "01/01/2024" }));
    expect(m.fields.endDate).toBeNull();
    expect(m.flags[0]).toMatchObject({ field: "endDate", column: "End", raw: "2024-01-01" });
  });

  it("refuses a row without a title, naming the column", () => {
    const m = map({ Title: "  ", Ref: "X" });
    expect(m).toEqual({
      row: 7,
      ok: false,
      error: "no title: the row was not imported",
      column: "Title",
    });
  });

  it("keeps 50 parties and flags the rest", () => {
    const parties = Array.from({ length: 53 }, (_, i) => `Party ${i}`).join("; ");
    const m = imported(map({ Title: "T", Parties: parties }));
    expect(m.fields.parties).toHaveLength(50);
    expect(m.flags[0]).toMatchObject({ field: "parties", raw: "Party 50; Party 51; Party 52" });
  });
});

describe("readParty", () => {
  it("reads the names and roles contracts use", () => {
    expect(readParty('I-ESCROW, INC.  ("i-Escrow" )')).toEqual({
      name: "I-ESCROW, INC.",
      role: "i-Escrow",
    });
    expect(readParty("ACME Corp., (“Seller”)")).toEqual({ name: "ACME Corp.", role: "Seller" });
    expect(readParty('Fund (OFFSHORE) Master, L.P. ("Fund")')).toEqual({
      name: "Fund (OFFSHORE) Master, L.P.",
      role: "Fund",
    });
    expect(readParty("Plain Name Ltd")).toEqual({ name: "Plain Name Ltd", role: null });
    expect(readParty('(individually "Party", collectively "Parties")')).toBeNull();
    expect(readParty('[] ("Franchisee")')).toBeNull();
  });
});

describe("mapJsonRow", () => {
  const mapping = importMappingSchema.parse({ columns: {} });

  it("reads the shape `pacta show --json` prints", () => {
    const m = imported(
      mapJsonRow(
        {
          row: 1,
          value: {
            id: 3,
            title: "Lease",
            reference: 2024001,
            value: 1234.56,
            currency: "EUR",
            renewal: { kind: "automatic", term: "P1Y", notice: "3 months" },
            parties: [{ name: "Acme", internal: true }, "Globex"],
            tags: ["x"],
            history: [],
          },
        },
        mapping,
      ),
    );
    expect(m.flags).toEqual([]);
    expect(m.fields).toMatchObject({
      reference: "2024001",
      value: 1234.56,
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
      parties: [
        { name: "Acme", internal: true },
        { name: "Globex", internal: false },
      ],
    });
  });

  it("flags a bad email, a bad type and too many decimals, and keeps the contract", () => {
    const m = imported(
      mapJsonRow(
        {
          row: 4,
          value: {
            title: "NDA",
            parties: [{ name: "Initech", email: "not-an-email" }],
            value: 10.5,
            currency: "JPY",
            endDate: 20240101,
            governingLaw: ["France"],
          },
        },
        mapping,
      ),
    );
    expect(m.fields).toMatchObject({ value: null, endDate: null, governingLaw: null });
    expect(m.fields.parties[0]).toMatchObject({ name: "Initech", email: null });
    expect(m.flags.map((f) => [f.field, f.row, f.column])).toEqual([
      ["governingLaw", 4, "governingLaw"],
      ["endDate", 4, "endDate"],
      ["parties", 4, "parties"],
      ["value", 4, "value"],
    ]);
  });
});
