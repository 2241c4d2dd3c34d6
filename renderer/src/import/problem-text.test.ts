import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { problemText } from "./problem-text";

async function translator(lng: "fr" | "en"): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { fr: { translation: fr }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe("problemText", () => {
  it("says main's import sentences again in French, with the values they name", async () => {
    const t = await translator("fr");
    expect(problemText('cannot read "31/02/2024" as a date written DD/MM/YYYY', t)).toBe(
      "« 31/02/2024 » n'est pas une date lisible au format DD/MM/YYYY.",
    );
    expect(problemText('"XYZ" is not a known currency code', t)).toBe(
      "« XYZ » n'est pas un code de devise connu.",
    );
    expect(problemText("only the first 50 tags were kept", t)).toBe(
      "Seules les 50 premières étiquettes ont été conservées.",
    );
    expect(
      problemText(
        'the reference "C-1" is also on row 3: this row replaced what that row imported',
        t,
      ),
    ).toBe(
      "La référence « C-1 » figure aussi à la ligne 3 : cette ligne a remplacé ce que " +
        "l'autre avait importé.",
    );
  });

  it("says each sentence of a joined message, and schema sentences the form knows", async () => {
    const t = await translator("en");
    const joined =
      'cannot read "soon" as one duration (such as "1 year", "30 days" or "6 mois"); ' +
      'an automatic renewal needs a renewal term, so the renewal is left as "none"';
    expect(problemText(joined, t)).toBe(
      "“soon” is not one duration (such as “1 year”, “30 days” or “6 mois”). " +
        "An automatic renewal needs a renewal term, so the renewal is left as “none”.",
    );
    const fr = await translator("fr");
    expect(problemText("title: a contract needs a title", fr)).toBe(
      "Le contrat doit avoir un titre.",
    );
    expect(problemText("expected an email address", fr)).toBe(
      "Saisissez une adresse e-mail valide, par ex. nom@cabinet.fr.",
    );
  });

  it("knows every sentence an import of a file full of bad values gives", async () => {
    const t = await translator("fr");
    // What `pacta import e2e/fixtures/import/bad-values.csv` reports, as main writes it.
    const report = [
      'cannot read "[]/[]/2022" as a date written DD/MM/YYYY',
      'cannot read "60 days; 180 days" as one duration (such as "1 year", "30 days" or "6 mois")',
      'cannot read "12.34.56" as an amount in EUR',
      'cannot read "successive []" as one duration (such as "1 year", "30 days" or "6 mois"); ' +
        'an automatic renewal needs a renewal term, so the renewal is left as "none"',
      "no title: the row was not imported",
      '"XYZ" is not a known currency code',
      "the amount's currency could not be read",
      '"sometimes" is not a renewal kind (none, automatic, optional or evergreen)',
      "the end date is before the effective date",
      "the row has 13 cells but the header has 12; a separator or a quote is probably missing, " +
        "so the row was not imported",
    ];
    const untranslated = report.filter((m) => problemText(m, t) === m);
    expect(untranslated).toEqual([]);
    expect(problemText(report[3] ?? "", t)).toBe(
      "« successive [] » n'est pas une durée lisible (par ex. « 1 an », « 30 jours », " +
        "« 6 mois »). Une tacite reconduction nécessite une durée de renouvellement : le " +
        "renouvellement est laissé à « aucun ».",
    );
  });

  it("keeps a sentence it does not know as written", async () => {
    const t = await translator("fr");
    expect(problemText("something new went wrong", t)).toBe("something new went wrong");
  });
});
