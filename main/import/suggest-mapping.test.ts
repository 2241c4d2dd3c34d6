import { describe, expect, it } from "vitest";
import {
  fittingDateFormats,
  guessDateFormat,
  suggestColumns,
  suggestMapping,
} from "./suggest-mapping";

describe("suggestColumns", () => {
  it("recognises French headers, whatever their case and accents", () => {
    const headers = [
      "RÉFÉRENCE",
      "Intitulé",
      "Cocontractant",
      "Montant",
      "devise",
      "Date de signature",
      "Date d'effet",
      "Date de fin",
      "Renouvellement",
      "Durée de renouvellement",
      "Préavis",
      "Loi applicable",
      "Etiquettes",
      "Remarques",
    ];
    const { columns, language } = suggestColumns(headers);
    expect(columns).toEqual({
      reference: "RÉFÉRENCE",
      title: "Intitulé",
      parties: "Cocontractant",
      value: "Montant",
      currency: "devise",
      signatureDate: "Date de signature",
      effectiveDate: "Date d'effet",
      endDate: "Date de fin",
      renewalKind: "Renouvellement",
      renewalTerm: "Durée de renouvellement",
      noticePeriod: "Préavis",
      governingLaw: "Loi applicable",
      tags: "Etiquettes",
      notes: "Remarques",
    });
    expect(language).toBe("fr");
  });

  it("recognises English headers", () => {
    const headers = ["Ref", "Title", "Parties", "Value", "Currency", "Expiration", "Notice period"];
    const { columns, language } = suggestColumns(headers);
    expect(columns).toEqual({
      reference: "Ref",
      title: "Title",
      parties: "Parties",
      value: "Value",
      currency: "Currency",
      endDate: "Expiration",
      noticePeriod: "Notice period",
    });
    expect(language).toBe("en");
  });

  it("finds a known name inside a longer header, and leaves unknown headers alone", () => {
    const { columns } = suggestColumns([
      "Titre",
      "Date de fin prévue",
      "Préavis (jours)",
      "Montant HT (€)",
      "Responsable",
    ]);
    expect(columns).toEqual({
      title: "Titre",
      endDate: "Date de fin prévue",
      noticePeriod: "Préavis (jours)",
      value: "Montant HT (€)",
    });
  });

  it("gives each header to one field only", () => {
    const { columns } = suggestColumns(["Type de renouvellement", "Type", "Renewal term"]);
    expect(columns).toEqual({
      renewalKind: "Type de renouvellement",
      type: "Type",
      renewalTerm: "Renewal term",
    });
  });
});

describe("guessDateFormat", () => {
  it("reads day first when a first number is above 12", () => {
    expect(guessDateFormat(["01/02/2024", "15/03/2024"], null)).toBe("DD/MM/YYYY");
  });

  it("reads month first when a second number is above 12", () => {
    expect(guessDateFormat(["6/21/1999", "1/2/2000", "[]/[]/2020"], null)).toBe("M/D/YYYY");
  });

  it("keeps ISO when the values are ISO", () => {
    expect(guessDateFormat(["2024-01-31", "", "2024-02-01"], "fr")).toBe("YYYY-MM-DD");
  });

  it("falls back on the headers' language when nothing tells", () => {
    expect(guessDateFormat(["01/02/2024"], "fr")).toBe("DD/MM/YYYY");
    expect(guessDateFormat(["01/02/2024"], "en")).toBe("M/D/YYYY");
    expect(guessDateFormat([], null)).toBe("DD/MM/YYYY");
  });

  it("lists the formats that fit the values, best first", () => {
    expect(fittingDateFormats(["6/21/1999", "1/2/2000"])).toEqual(["M/D/YYYY", "DD/MM/YYYY"]);
    expect(fittingDateFormats([])).toEqual(["YYYY-MM-DD", "DD/MM/YYYY", "M/D/YYYY"]);
  });
});

describe("suggestMapping", () => {
  it("builds a full mapping with defaults and the guessed date format", () => {
    const mapping = suggestMapping(
      ["Titre", "Date de fin"],
      [{ Titre: "Bail", "Date de fin": "31/12/2030" }],
    );
    expect(mapping.columns).toEqual({ title: "Titre", endDate: "Date de fin" });
    expect(mapping.dateFormat).toBe("DD/MM/YYYY");
    expect(mapping.delimiter).toBe("auto");
    expect(mapping.partySeparator).toBe(";");
  });
});
