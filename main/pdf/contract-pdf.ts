/**
 * A contract as a PDF: title page, numbered sections, page numbers and a
 * signature block per signatory, with embedded DejaVu fonts.
 */
import type { Contract } from "../../shared/domain/contract";
import type { ContractDocument } from "../../shared/domain/templates";

export interface ContractPdfInput {
  contract: Contract;
  /** The contract's text; without one, the PDF sets out the contract's data. */
  document: ContractDocument | null;
  language: "fr" | "en";
  /** Written into the PDF's metadata. */
  author: string;
  /** The moment printed on the title page; defaults to now. */
  now?: Date;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export async function renderContractPdf(input: ContractPdfInput): Promise<RenderedPdf> {
  throw new Error(`PDF rendering is not built yet (contract #${input.contract.id})`);
}
