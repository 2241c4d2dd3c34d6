/**
 * The fields every template may use without declaring them: the contract's
 * data (`contract.*`), its parties by role (`party.<role>.*`), the firm's
 * own side (`company.*`), the list of parties and today's date.
 */
import type { CatalogField } from "../../shared/api/templates";
import { localToday } from "../../shared/domain/calendar-date";
import type { Contract, Party } from "../../shared/domain/contract";
import { minorDigits } from "../../shared/domain/money";
import type { FieldType } from "../../shared/domain/templates";

/** How a built-in field prints: a field type, or a duration or renewal kind in words. */
export type Formatter = FieldType | "duration" | "renewal";

interface Builtin {
  key: string;
  fr: string;
  en: string;
  format: Formatter;
}

const CONTRACT_FIELDS: readonly Builtin[] = [
  { key: "contract.title", fr: "Intitulé du contrat", en: "Contract title", format: "text" },
  { key: "contract.reference", fr: "Référence", en: "Reference", format: "text" },
  { key: "contract.type", fr: "Type de contrat", en: "Contract type", format: "text" },
  { key: "contract.value", fr: "Montant", en: "Value", format: "amount" },
  { key: "contract.currency", fr: "Devise", en: "Currency", format: "text" },
  {
    key: "contract.signatureDate",
    fr: "Date de signature",
    en: "Signature date",
    format: "date",
  },
  { key: "contract.effectiveDate", fr: "Date d’effet", en: "Effective date", format: "date" },
  { key: "contract.endDate", fr: "Date de fin", en: "End date", format: "date" },
  {
    key: "contract.renewalKind",
    fr: "Renouvellement",
    en: "Renewal",
    format: "renewal",
  },
  {
    key: "contract.renewalTerm",
    fr: "Durée de renouvellement",
    en: "Renewal term",
    format: "duration",
  },
  { key: "contract.noticePeriod", fr: "Préavis", en: "Notice period", format: "duration" },
  { key: "contract.governingLaw", fr: "Droit applicable", en: "Governing law", format: "text" },
  { key: "contract.counterparty", fr: "Cocontractant", en: "Counterparty", format: "text" },
  { key: "contract.tags", fr: "Étiquettes", en: "Tags", format: "list" },
  { key: "parties", fr: "Parties (liste)", en: "Parties (list)", format: "list" },
  { key: "today", fr: "Date du jour", en: "Today’s date", format: "date" },
];

const PARTY_FIELDS: readonly { name: string; fr: string; en: string }[] = [
  { name: "name", fr: "nom", en: "name" },
  { name: "signatory", fr: "signataire", en: "signatory" },
  { name: "email", fr: "e-mail", en: "email" },
  { name: "role", fr: "rôle", en: "role" },
];
const PARTY_FIELD_NAMES = new Set(PARTY_FIELDS.map((f) => f.name));

const FIXED = new Map(CONTRACT_FIELDS.map((f) => [f.key, f]));
const PARTY_KEY = /^party\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)$/;
const COMPANY_KEY = /^company\.([A-Za-z_][\w-]*)$/;

/** "Prestataire de services" → `prestataire_de_services`; null when nothing is left. */
export function roleKey(role: string): string | null {
  const key = role
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!key) return null;
  return /^[a-z_]/.test(key) ? key : `_${key}`;
}

/** True for a field the app fills from the contract (any party role counts). */
export function isBuiltinKey(key: string): boolean {
  if (FIXED.has(key)) return true;
  const party = PARTY_KEY.exec(key);
  if (party) return PARTY_FIELD_NAMES.has(party[2] ?? "");
  const company = COMPANY_KEY.exec(key);
  return company !== null && PARTY_FIELD_NAMES.has(company[1] ?? "");
}

/** `contract`, `party`, `party.client`, `company`: names of groups, not fields. */
export function isBuiltinGroup(key: string): boolean {
  return ["contract", "party", "company"].includes(key) || /^party\.[A-Za-z_][\w-]*$/.test(key);
}

export function builtinFormat(key: string): Formatter | null {
  const fixed = FIXED.get(key);
  if (fixed) return fixed.format;
  return isBuiltinKey(key) ? "text" : null;
}

/** The field's type as a form shows it (durations and renewal kinds are text). */
export function builtinType(key: string): FieldType | null {
  const format = builtinFormat(key);
  if (format === null) return null;
  return format === "duration" || format === "renewal" ? "text" : format;
}

/** The built-in field's label in one language, or null when not built in. */
export function builtinLabel(key: string, language: "fr" | "en"): string | null {
  const fixed = FIXED.get(key);
  if (fixed) return fixed[language];
  const party = PARTY_KEY.exec(key);
  const company = COMPANY_KEY.exec(key);
  const field = PARTY_FIELDS.find((f) => f.name === (party?.[2] ?? company?.[1]));
  if (!field) return null;
  if (company) return language === "fr" ? `Notre société : ${field.fr}` : `Our firm: ${field.en}`;
  const role = (party?.[1] ?? "").replace(/_/g, " ");
  if (language === "fr") return `Partie « ${role} » : ${field.fr}`;
  return `Party “${role}”: ${field.en}`;
}

/**
 * The catalog the editor's field picker shows: contract fields, the firm's
 * own side, and party fields for each role given (as the register writes them).
 */
export function catalogFields(roles: readonly string[]): CatalogField[] {
  const out: CatalogField[] = CONTRACT_FIELDS.map((f) => ({
    key: f.key,
    label: { fr: f.fr, en: f.en },
    type: f.format === "duration" || f.format === "renewal" ? "text" : f.format,
  }));
  for (const field of PARTY_FIELDS) {
    out.push({
      key: `company.${field.name}`,
      label: { fr: `Notre société : ${field.fr}`, en: `Our firm: ${field.en}` },
      type: "text",
    });
  }
  const seen = new Set<string>();
  for (const role of roles) {
    const key = roleKey(role);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    for (const field of PARTY_FIELDS) {
      out.push({
        key: `party.${key}.${field.name}`,
        label: {
          fr: `Partie « ${role} » : ${field.fr}`,
          en: `Party “${role}”: ${field.en}`,
        },
        type: "text",
      });
    }
  }
  return out;
}

/** One value the contract gives a field, as text a form can show. */
export interface ContractValue {
  /** Dates YYYY-MM-DD, amounts in major units, durations ISO 8601, lists one item per line. */
  text: string;
  origin: "contract" | "party";
}

function listText(items: readonly string[]): string {
  return items.some((i) => i.includes(";")) ? items.join("\n") : items.join("; ");
}

/** Everything the contract says about the built-in fields (empty ones left out). */
export function contractValues(contract: Contract, now: Date): Map<string, ContractValue> {
  const values = new Map<string, ContractValue>();
  const put = (key: string, text: string | null | undefined, origin: ContractValue["origin"]) => {
    if (text !== null && text !== undefined && text.trim() !== "") {
      values.set(key, { text, origin });
    }
  };
  put("contract.title", contract.title, "contract");
  put("contract.reference", contract.reference, "contract");
  put("contract.type", contract.type, "contract");
  if (contract.value !== null && contract.currency) {
    put("contract.value", contract.value.toFixed(minorDigits(contract.currency)), "contract");
  }
  put("contract.currency", contract.currency, "contract");
  put("contract.signatureDate", contract.signatureDate, "contract");
  put("contract.effectiveDate", contract.effectiveDate, "contract");
  put("contract.endDate", contract.endDate, "contract");
  put("contract.renewalKind", contract.renewal.kind, "contract");
  put("contract.renewalTerm", contract.renewal.term, "contract");
  put("contract.noticePeriod", contract.renewal.notice, "contract");
  put("contract.governingLaw", contract.governingLaw, "contract");
  put("contract.counterparty", contract.counterparty, "party");
  if (contract.tags.length > 0) put("contract.tags", listText(contract.tags), "contract");
  if (contract.parties.length > 0) {
    put("parties", listText(contract.parties.map((p) => p.name)), "party");
  }
  put("today", localToday(now), "contract");
  const company = contract.parties.find((p) => p.internal);
  if (company) putParty(put, "company", company);
  for (const party of contract.parties) {
    const key = party.role ? roleKey(party.role) : null;
    if (key && !values.has(`party.${key}.name`)) putParty(put, `party.${key}`, party);
  }
  return values;
}

function putParty(
  put: (key: string, text: string | null, origin: ContractValue["origin"]) => void,
  prefix: string,
  party: Party,
): void {
  put(`${prefix}.name`, party.name, "party");
  put(`${prefix}.signatory`, party.signatory, "party");
  put(`${prefix}.email`, party.email, "party");
  put(`${prefix}.role`, party.role, "party");
}

/** A contract to preview templates with when none is chosen. */
export function sampleContract(language: "fr" | "en", now: Date): Contract {
  const fr = language === "fr";
  const at = now.toISOString();
  const year = now.getUTCFullYear();
  return {
    id: 0,
    uid: "00000000-0000-0000-0000-000000000000",
    reference: `CTR-${year}-001`,
    title: fr ? "Contrat de prestation de services" : "Services agreement",
    type: fr ? "Prestation de services" : "Services",
    stage: "draft",
    counterparty: fr ? "Société Exemple SAS" : "Example Ltd",
    effectiveDate: `${year}-01-01`,
    endDate: `${year + 1}-12-31`,
    renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    value: 12500,
    currency: "EUR",
    tags: fr ? ["prestations", "informatique"] : ["services", "IT"],
    archived: false,
    needsReview: false,
    updatedAt: at,
    currentTermEnd: null,
    noticeDeadline: null,
    parties: [
      {
        name: fr ? "Cabinet Martin & Associés" : "Martin & Partners LLP",
        role: fr ? "prestataire" : "supplier",
        signatory: fr ? "Claire Martin" : "Claire Martin",
        email: "claire.martin@example.com",
        internal: true,
      },
      {
        name: fr ? "Société Exemple SAS" : "Example Ltd",
        role: "client",
        signatory: fr ? "Jean Dupont" : "John Smith",
        email: "legal@example.com",
        internal: false,
      },
    ],
    signatureDate: `${year}-01-01`,
    governingLaw: fr ? "droit français" : "the laws of England and Wales",
    notes: "",
    review: [],
    createdAt: at,
    history: [],
  };
}
