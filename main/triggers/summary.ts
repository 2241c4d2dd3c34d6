/**
 * The words a trigger sends to the portal: which fields changed, from what
 * to what, in the language the firm chose for the portal (French unless the
 * Bitrix24 settings say English).
 */
import type { PortalLanguage } from "../../shared/api/sync";
import { isIsoDuration } from "../../shared/domain/duration";
import { durationInWords } from "../../shared/domain/explain-dates";
import type { Change } from "./trigger-store";

interface Words {
  /** A renewal's kind, its term and its notice, in words. */
  renewal: { kinds: Record<string, string>; term: string; notice: string };
  labels: Record<string, string>;
  groups: Record<string, string>;
  heading: (title: string, kinds: string) => string;
  textChanged: string;
  /** Between a label and its values: French puts a space before the colon. */
  colon: string;
}

const WORDS: Record<PortalLanguage, Words> = {
  fr: {
    renewal: {
      kinds: {
        none: "sans reconduction",
        automatic: "reconduction tacite",
        optional: "reconduction sur option",
        evergreen: "durée indéterminée",
      },
      term: "durée",
      notice: "préavis",
    },
    labels: {
      title: "Titre",
      reference: "Référence",
      type: "Type",
      renewal: "Renouvellement",
      governingLaw: "Droit applicable",
      parties: "Parties",
      notes: "Notes",
      sections: "Sections du texte",
      text: "Texte du contrat",
      template: "Modèle",
      value: "Montant",
      currency: "Devise",
      signatureDate: "Date de signature",
      effectiveDate: "Date d'effet",
      endDate: "Date de fin",
      stage: "Étape",
      comment: "Commentaire",
    },
    groups: {
      terms: "termes",
      conditions: "conditions",
      value: "montant",
      dates: "dates",
      stage: "étape",
    },
    heading: (title, kinds) => `Pacta : le contrat « ${title} » a changé (${kinds}).`,
    textChanged: "Texte du contrat modifié",
    colon: " : ",
  },
  en: {
    renewal: {
      kinds: {
        none: "no renewal",
        automatic: "automatic renewal",
        optional: "optional renewal",
        evergreen: "evergreen",
      },
      term: "term",
      notice: "notice",
    },
    labels: {
      title: "Title",
      reference: "Reference",
      type: "Type",
      renewal: "Renewal",
      governingLaw: "Governing law",
      parties: "Parties",
      notes: "Notes",
      sections: "Text sections",
      text: "Contract text",
      template: "Template",
      value: "Value",
      currency: "Currency",
      signatureDate: "Signature date",
      effectiveDate: "Effective date",
      endDate: "End date",
      stage: "Stage",
      comment: "Comment",
    },
    groups: {
      terms: "terms",
      conditions: "conditions",
      value: "value",
      dates: "dates",
      stage: "stage",
    },
    heading: (title, kinds) => `Pacta: the contract "${title}" changed (${kinds}).`,
    textChanged: "Contract text changed",
    colon: ": ",
  },
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 119)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const names = value.map((v) =>
      typeof v === "object" && v !== null && "name" in v ? String(v.name) : shown(v),
    );
    return names.join(", ") || "—";
  }
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k} ${shown(v)}`);
    return parts.join(", ") || "—";
  }
  return String(value);
}

/** "automatic renewal, term one year, notice three months". */
function renewalInWords(value: unknown, language: PortalLanguage): string {
  if (typeof value !== "object" || value === null) return shown(value);
  const { kind, term, notice } = value as Record<string, unknown>;
  const w = WORDS[language].renewal;
  const duration = (d: unknown) =>
    typeof d === "string" && isIsoDuration(d) ? durationInWords(d, language) || d : shown(d);
  const parts = [typeof kind === "string" ? (w.kinds[kind] ?? kind) : shown(kind)];
  if (term) parts.push(`${w.term} ${duration(term)}`);
  if (notice) parts.push(`${w.notice} ${duration(notice)}`);
  return parts.join(", ");
}

/** One line per changed field, and a marker that lets a retry find what it sent. */
export function summary(
  title: string,
  change: Change,
  marker: string,
  stageName: (key: string) => string = (key) => key,
  language: PortalLanguage = "fr",
): string {
  const w = WORDS[language];
  const kinds = change.groups.map((g) => w.groups[g] ?? g).join(", ");
  const lines = [w.heading(title, kinds)];
  for (const [field, [before, after]] of Object.entries(change.changes)) {
    if (field === "source" || field === "review") continue;
    if (field === "text") {
      lines.push(`- ${w.textChanged}`);
      continue;
    }
    const label = w.labels[field] ?? field;
    if (field === "stage") {
      const name = (v: unknown) => (typeof v === "string" && v !== "" ? stageName(v) : shown(v));
      lines.push(`- ${label}${w.colon}${name(before)} → ${name(after)}`);
      continue;
    }
    if (field === "renewal") {
      const words = (v: unknown) => renewalInWords(v, language);
      lines.push(`- ${label}${w.colon}${words(before)} → ${words(after)}`);
      continue;
    }
    lines.push(`- ${label}${w.colon}${shown(before)} → ${shown(after)}`);
  }
  lines.push(marker);
  return lines.join("\n");
}

/** Keeps what a firing stores small: long texts are cut. */
export function trimmed(changes: Record<string, [unknown, unknown]>) {
  const cut = (v: unknown) => {
    if (typeof v === "string" && v.length > 500) return `${v.slice(0, 499)}…`;
    return v;
  };
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, [a, b]] of Object.entries(changes)) out[k] = [cut(a), cut(b)];
  return out;
}
