/**
 * A contract as a PDF file, for every door: the API (base64 for the UI to
 * save or download) and `pacta export-pdf`.
 */
import type { PactaServices } from "../app/services";
import { renderContractPdf } from "../pdf/contract-pdf";

export interface ExportedPdf {
  fileName: string;
  bytes: Buffer;
  pages: number;
}

/**
 * Renders contract `contractId` with its text, in `language`, else the
 * language of the template its text came from, else French.
 */
export async function exportContractPdf(
  s: PactaServices,
  contractId: number,
  language?: "fr" | "en" | null,
  author?: string,
): Promise<ExportedPdf> {
  const contract = s.register.get(contractId);
  const document = s.documents.get(contractId);
  let lang = language ?? null;
  if (!lang && document?.templateId) {
    lang = s.templates.list(true).find((t) => t.id === document.templateId)?.language ?? null;
  }
  const pdf = await renderContractPdf({
    contract,
    document,
    language: lang ?? "fr",
    // The register's actor, who also signs the history entries, unless named.
    author: author ?? s.actor,
  });
  return { fileName: pdfFileName(contract.reference, contract.title, contractId), ...pdf };
}

/** `C-2026-001 Contrat de fourniture.pdf`: safe on Windows, macOS and Linux. */
export function pdfFileName(reference: string | null, title: string, id: number): string {
  const base = [reference ?? `contract-${id}`, title]
    .join(" ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what we remove.
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "");
  return `${base.slice(0, 120).trim() || `contract-${id}`}.pdf`;
}
