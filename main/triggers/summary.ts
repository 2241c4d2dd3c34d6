/**
 * The words a trigger sends to the portal: which fields changed, from what
 * to what, in French (the portal's users read the firm's language).
 * TODO(triggers): follow the app's language setting instead of French only.
 */
import type { Db } from "../db/open";
import type { Change } from "./trigger-store";

/** A stage's French name from the register's stages table (its key if unknown). */
export function frenchStageNames(db: Db): (key: string) => string {
  const read = db.prepare("SELECT name_fr FROM stages WHERE key = ?").pluck();
  return (key) => {
    const name = read.get(key);
    return typeof name === "string" ? name : key;
  };
}

const LABELS: Record<string, string> = {
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
};

const GROUPS: Record<string, string> = {
  terms: "termes",
  conditions: "conditions",
  value: "montant",
  dates: "dates",
  stage: "étape",
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

/** One line per changed field, and a marker that lets a retry find what it sent. */
export function summary(
  title: string,
  change: Change,
  marker: string,
  stageName: (key: string) => string = (key) => key,
): string {
  const kinds = change.groups.map((g) => GROUPS[g] ?? g).join(", ");
  const lines = [`Pacta : le contrat « ${title} » a changé (${kinds}).`];
  for (const [field, [before, after]] of Object.entries(change.changes)) {
    if (field === "source" || field === "review") continue;
    if (field === "text") {
      lines.push("- Texte du contrat modifié");
      continue;
    }
    if (field === "stage") {
      const name = (v: unknown) => (typeof v === "string" && v !== "" ? stageName(v) : shown(v));
      lines.push(`- ${LABELS.stage} : ${name(before)} → ${name(after)}`);
      continue;
    }
    lines.push(`- ${LABELS[field] ?? field} : ${shown(before)} → ${shown(after)}`);
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
