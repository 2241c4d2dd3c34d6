/**
 * Exports the register (or the part a list query selects) as JSON, shaped
 * like `pacta show --json` without the history, or as CSV with English
 * headers the importer recognises. Both import back as they were.
 */
import type { ListQuery } from "../../shared/api/contract";
import type { Contract, Party } from "../../shared/domain/contract";
import { minorDigits } from "../../shared/domain/money";
import type { ContractList } from "./list";
import type { ContractRegister } from "./register";

export type ExportFormat = "json" | "csv";

export interface ExportedFile {
  fileName: string;
  content: string;
  count: number;
}

export const CSV_HEADERS = [
  "Reference",
  "Title",
  "Type",
  "Stage",
  "Parties",
  "Value",
  "Currency",
  "Signature date",
  "Effective date",
  "End date",
  "Renewal",
  "Renewal term",
  "Notice period",
  "Governing law",
  "Tags",
  "Notes",
] as const;

type Exported = Omit<Contract, "history">;

export function exportContracts(
  register: ContractRegister,
  list: ContractList,
  format: ExportFormat,
  query: ListQuery = {},
  today = new Date(),
): ExportedFile {
  const contracts: Exported[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = list.list({ ...query, sort: "title", direction: "asc", offset, limit: 1000 });
    for (const row of page.rows) {
      const { history: _history, ...rest } = register.get(row.id);
      contracts.push(rest);
    }
    if (page.rows.length < 1000) break;
  }
  const stamp = today.toISOString().slice(0, 10);
  const content = format === "json" ? `${JSON.stringify(contracts, null, 2)}\n` : toCsv(contracts);
  return { fileName: `pacta-${stamp}.${format}`, content, count: contracts.length };
}

function toCsv(contracts: Exported[]): string {
  const lines = [CSV_HEADERS.join(",")];
  for (const c of contracts) {
    const cells = [
      c.reference,
      c.title,
      c.type,
      c.stage,
      c.parties.map(partyCell).join("; "),
      c.value === null || c.currency === null ? null : c.value.toFixed(minorDigits(c.currency)),
      c.currency,
      c.signatureDate,
      c.effectiveDate,
      c.endDate,
      c.renewal.kind,
      c.renewal.term,
      c.renewal.notice,
      c.governingLaw,
      c.tags.join(", "),
      c.notes,
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  // A byte-order mark lets spreadsheet programs read the accents right.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function partyCell(p: Party): string {
  return p.role ? `${p.name} ("${p.role}")` : p.name;
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A cell a spreadsheet would run as a formula (`=cmd|…`, `+SUM(…)`, `@…`,
 * `-2+3`). Plain negative numbers stay as they are.
 */
export function looksLikeFormula(value: string): boolean {
  if (/^-\d+([.,]\d+)?$/.test(value)) return false;
  return /^[=+\-@\t\r]/.test(value);
}
