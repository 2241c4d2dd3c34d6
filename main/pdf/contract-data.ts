/**
 * What the PDF says about the contract itself: the rows of the title page,
 * and, for a contract without a document, its data set out as sections
 * (parties, term and renewal, value, notes) in the same HTML subset a
 * template produces, so one layout serves both.
 */
import type { Contract, Party } from "../../shared/domain/contract";
import type { RenderedSection } from "../../shared/domain/templates";
import { formatDate, formatValue, type PdfLanguage, renewalInWords, WORDS } from "./words";

export interface FieldRow {
  label: string;
  value: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "Label :" with the French no-break space, "Label:" in English. */
export function labelled(label: string, language: PdfLanguage): string {
  return language === "fr" ? `${label}\u00a0:` : `${label}:`;
}

function dateRows(c: Contract, language: PdfLanguage, all: boolean): FieldRow[] {
  const w = WORDS[language];
  const rows: [string, string | null][] = [
    [w.signatureDate, c.signatureDate],
    [w.effectiveDate, c.effectiveDate],
    [w.endDate, c.endDate],
    [w.currentTermEnd, c.currentTermEnd],
    [w.noticeDeadline, c.noticeDeadline],
  ];
  return rows
    .filter(([, v]) => all || v !== null)
    .map(([label, v]) => ({ label, value: v ? formatDate(v, language) : w.notStated }));
}

/** The key dates and renewal terms of the title page (only those known). */
export function keyDateRows(c: Contract, language: PdfLanguage): FieldRow[] {
  const rows = dateRows(c, language, false);
  const hasRenewal = c.renewal.kind !== "none" || c.renewal.notice !== null;
  if (hasRenewal)
    rows.push({ label: WORDS[language].renewal, value: renewalInWords(c.renewal, language) });
  return rows;
}

/** Value, governing law and template of the title page (only those known). */
export function termRows(
  c: Contract,
  language: PdfLanguage,
  template: { name: string | null; version: number | null } | null,
): FieldRow[] {
  const w = WORDS[language];
  const rows: FieldRow[] = [];
  const value = formatValue(c.value, c.currency, language);
  if (value) rows.push({ label: w.value, value });
  if (c.governingLaw) rows.push({ label: w.governingLaw, value: c.governingLaw });
  if (template?.name) {
    rows.push({
      label: language === "fr" ? "Modèle" : "Template",
      value: w.template(template.name, template.version),
    });
  }
  return rows;
}

/** "ACME SAS — Client (notre société)" */
export function partyHeadline(p: Party, language: PdfLanguage): string {
  const side = p.internal ? ` (${WORDS[language].ourSide})` : "";
  return p.role ? `${p.name} — ${p.role}${side}` : `${p.name}${side}`;
}

/** "Signataire : Jean Dupont · jean@acme.fr", or null when neither is known. */
export function partyDetails(p: Party, language: PdfLanguage): string | null {
  const w = WORDS[language];
  const bits = [
    p.signatory ? `${labelled(w.signatory, language)} ${p.signatory}` : null,
    p.email ? `${labelled(w.email, language)} ${p.email}` : null,
  ].filter((b): b is string => b !== null);
  return bits.length > 0 ? bits.join(" · ") : null;
}

function lineItem(label: string, value: string, language: PdfLanguage): string {
  return `<strong>${escapeHtml(labelled(label, language))}</strong> ${escapeHtml(value)}`;
}

function notesHtml(notes: string): string {
  return notes
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${para.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("");
}

/** The contract's data as sections, for a contract that has no document. */
export function dataSections(c: Contract, language: PdfLanguage): RenderedSection[] {
  const w = WORDS[language];
  const parties =
    c.parties.length === 0
      ? `<p>${escapeHtml(w.noParties)}</p>`
      : `<ul>${c.parties
          .map((p) => {
            const details = partyDetails(p, language);
            const head = `<strong>${escapeHtml(p.name)}</strong>`;
            const role = p.role ? ` — ${escapeHtml(p.role)}` : "";
            const side = p.internal ? ` (${escapeHtml(w.ourSide)})` : "";
            return `<li>${head}${role}${side}${details ? `<br>${escapeHtml(details)}` : ""}</li>`;
          })
          .join("")}</ul>`;
  const dates = dateRows(c, language, true)
    .map((r) => lineItem(r.label, r.value, language))
    .join("<br>");
  const renewal = lineItem(w.renewal, renewalInWords(c.renewal, language), language);
  const value = formatValue(c.value, c.currency, language) ?? w.notStated;
  const sections: RenderedSection[] = [
    { title: w.partiesSection, body: parties },
    { title: w.termSection, body: `<p>${dates}</p><p>${renewal}</p>` },
    { title: w.valueSection, body: `<p>${lineItem(w.value, value, language)}</p>` },
  ];
  if (c.notes.trim()) sections.push({ title: w.notesSection, body: notesHtml(c.notes) });
  return sections;
}
