/**
 * Guesses a mapping from a file's headers (French or English, any case,
 * with or without accents) and its first values (which way dates are
 * written).
 */
import {
  DATE_FORMATS,
  type DateFormat,
  parseCalendarDate,
} from "../../shared/domain/calendar-date";
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  importMappingSchema,
} from "../../shared/domain/import-mapping";
import { fold } from "./read-values";

type Language = "fr" | "en";

/** Header names per field, already folded (lower case, no accents, single spaces). */
const NAMES: Record<ImportField, Record<Language, string[]>> = {
  reference: {
    fr: ["reference", "ref", "n", "numero", "numero de contrat", "reference du contrat", "code"],
    en: ["reference", "ref", "no", "number", "contract number", "contract no", "contract ref"],
  },
  title: {
    fr: ["titre", "intitule", "objet", "titre du contrat", "nom du contrat", "libelle"],
    en: ["title", "contract title", "contract name", "subject", "name of contract"],
  },
  type: {
    fr: ["type", "type de contrat", "categorie", "nature", "nature du contrat"],
    en: ["type", "contract type", "category", "kind of contract"],
  },
  stage: {
    fr: ["etape", "statut", "etat", "phase", "stade"],
    en: ["stage", "status", "state", "phase"],
  },
  parties: {
    fr: ["parties", "cocontractant", "cocontractants", "contrepartie", "partenaire", "partie"],
    en: ["parties", "party", "counterparty", "counterparties", "contracting parties"],
  },
  value: {
    fr: ["montant", "valeur", "prix", "montant ht", "montant du contrat", "valeur du contrat"],
    en: ["value", "amount", "price", "contract value", "total value"],
  },
  currency: {
    fr: ["devise", "monnaie"],
    en: ["currency", "currency code"],
  },
  signatureDate: {
    fr: ["date de signature", "signature", "signe le", "date du contrat"],
    en: ["signature date", "date signed", "signed on", "signed", "agreement date"],
  },
  effectiveDate: {
    fr: ["date d effet", "date d entree en vigueur", "entree en vigueur", "date de debut", "debut"],
    en: ["effective date", "start date", "commencement date", "start", "effective"],
  },
  endDate: {
    fr: ["date de fin", "fin", "echeance", "date d echeance", "expiration", "date d expiration"],
    en: ["end date", "expiration", "expiration date", "expiry", "expiry date", "end"],
  },
  renewalKind: {
    fr: ["renouvellement", "type de renouvellement", "reconduction", "mode de renouvellement"],
    en: ["renewal", "renewal kind", "renewal type", "auto renewal"],
  },
  renewalTerm: {
    fr: ["duree de renouvellement", "periode de renouvellement", "duree du renouvellement"],
    en: ["renewal term", "renewal period", "renewal duration"],
  },
  noticePeriod: {
    fr: ["preavis", "delai de preavis", "duree du preavis", "preavis de resiliation"],
    en: ["notice period", "notice", "notice period to terminate renewal", "termination notice"],
  },
  governingLaw: {
    fr: ["loi applicable", "droit applicable", "loi", "droit"],
    en: ["governing law", "applicable law", "law"],
  },
  tags: {
    fr: ["etiquettes", "etiquette", "mots cles", "mots cle"],
    en: ["tags", "tag", "labels", "keywords"],
  },
  notes: {
    fr: ["notes", "note", "remarques", "commentaires", "commentaire", "observations"],
    en: ["notes", "note", "comments", "comment", "remarks", "description"],
  },
};

interface Match {
  field: ImportField;
  header: string;
  /** Length of the matched name: a longer name is a surer match. */
  strength: number;
  exact: boolean;
  language: Language;
}

function matchesOf(header: string): Match[] {
  const folded = fold(header);
  const padded = ` ${folded} `;
  const out: Match[] = [];
  for (const field of IMPORT_FIELDS) {
    for (const language of ["fr", "en"] as const) {
      for (const name of NAMES[field][language]) {
        const exact = folded === name;
        // Inside a longer header only names of 4+ letters count ("Date de fin prévue").
        if (exact || (name.length >= 4 && padded.includes(` ${name} `))) {
          out.push({ field, header, strength: name.length, exact, language });
        }
      }
    }
  }
  return out;
}

/** Field → header, exact names first, then the longest name found inside a header. */
export function suggestColumns(headers: readonly string[]): {
  columns: ImportMapping["columns"];
  language: Language | null;
} {
  const all = headers.flatMap(matchesOf);
  all.sort((a, b) => Number(b.exact) - Number(a.exact) || b.strength - a.strength);
  const columns: ImportMapping["columns"] = {};
  const used = new Set<string>();
  const votes = { fr: 0, en: 0 };
  for (const m of all) {
    if (columns[m.field] !== undefined || used.has(m.header)) continue;
    columns[m.field] = m.header;
    used.add(m.header);
    const other = m.language === "fr" ? "en" : "fr";
    // A name both languages share ("notes", "type") says nothing about the language.
    if (!NAMES[m.field][other].includes(fold(m.header))) votes[m.language] += 1;
  }
  const language = votes.fr > votes.en ? "fr" : votes.en > votes.fr ? "en" : null;
  return { columns, language };
}

/**
 * Which way the dates are written. A first number above 12 means day
 * first; a second number above 12 means month first; when nothing tells,
 * French headers mean day first and English ones month first.
 */
export function guessDateFormat(values: readonly string[], language: Language | null): DateFormat {
  let dayFirst = 0;
  let monthFirst = 0;
  let iso = 0;
  let numeric = 0;
  for (const value of values) {
    const v = value.trim();
    if (parseCalendarDate(v, "YYYY-MM-DD")) iso += 1;
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$/.exec(v);
    if (!m) continue;
    numeric += 1;
    if (Number(m[1]) > 12) dayFirst += 1;
    else if (Number(m[2]) > 12) monthFirst += 1;
  }
  if (dayFirst > monthFirst) return "DD/MM/YYYY";
  if (monthFirst > dayFirst) return "M/D/YYYY";
  if (iso > numeric) return "YYYY-MM-DD";
  return language === "en" ? "M/D/YYYY" : "DD/MM/YYYY";
}

/** The formats that read the most of these dates, best first; all when none tells. */
export function fittingDateFormats(values: readonly string[]): DateFormat[] {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  const scored = DATE_FORMATS.map((format) => ({
    format,
    read: filled.filter((v) => parseCalendarDate(v, format) !== null).length,
  }));
  const fitting = scored.filter((s) => s.read > 0).sort((a, b) => b.read - a.read);
  return fitting.length > 0 ? fitting.map((s) => s.format) : [...DATE_FORMATS];
}

const DATE_FIELDS = ["signatureDate", "effectiveDate", "endDate"] as const;

/** The date cells of the first rows, for guessing and for the preview. */
export function dateSamples(
  columns: ImportMapping["columns"],
  rows: readonly Record<string, string>[],
): string[] {
  const headers = DATE_FIELDS.map((f) => columns[f]).filter((h): h is string => !!h);
  return rows.flatMap((cells) => headers.map((h) => cells[h] ?? "")).filter((v) => v.trim());
}

/** A full mapping for a CSV file: columns from the headers, date format from the values. */
export function suggestMapping(
  headers: readonly string[],
  rows: readonly Record<string, string>[],
): ImportMapping {
  const { columns, language } = suggestColumns(headers);
  const dateFormat = guessDateFormat(dateSamples(columns, rows.slice(0, 200)), language);
  return importMappingSchema.parse({ columns, dateFormat });
}
