/**
 * Reads an import file into rows of raw values: CSV (`,`, `;` or tab, with
 * or without a UTF-8 BOM, quoted multi-line cells) or JSON (an array of
 * contracts shaped like `pacta show --json` prints them).
 *
 * Row numbers count data rows from 1: in a CSV file the header line is not
 * counted, in a JSON file row 1 is the array's first element.
 */
import Papa from "papaparse";
import { PactaError } from "../../shared/api/result";
import type { ImportMapping } from "../../shared/domain/import-mapping";

export type Delimiter = "," | ";" | "\t";

/** One data row of a CSV file: its cells' text, in the order of the headers. */
export interface CsvRow {
  row: number;
  values: readonly string[];
}

/** Header → its position in every row's `values`. */
export type CsvColumns = ReadonlyMap<string, number>;

export function csvColumns(headers: readonly string[]): CsvColumns {
  return new Map(headers.map((h, i) => [h, i]));
}

/** A row as header → cell text, for the few rows a preview shows. */
export function cellsOf(headers: readonly string[], row: CsvRow): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, row.values[i] ?? ""]));
}

/** One element of a JSON file, as it was written. */
export interface JsonRow {
  row: number;
  value: unknown;
}

/** A row the reader could not turn into values; it is reported, not imported. */
export interface BrokenRow {
  row: number;
  message: string;
}

export type SourceFile =
  | { format: "csv"; headers: string[]; delimiter: Delimiter; rows: CsvRow[]; broken: BrokenRow[] }
  | { format: "json"; headers: string[]; rows: JsonRow[]; broken: BrokenRow[] };

const BOM = "\ufeff";

export function detectFormat(fileName: string, content: string): "csv" | "json" {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  const start = content.replace(BOM, "").trimStart();
  return start.startsWith("[") || start.startsWith("{") ? "json" : "csv";
}

export function readSourceFile(
  fileName: string,
  content: string,
  delimiter: ImportMapping["delimiter"] = "auto",
): SourceFile {
  const text = content.startsWith(BOM) ? content.slice(1) : content;
  if (text.trim() === "") {
    throw new PactaError("import_unreadable", `${fileName} is empty`);
  }
  return detectFormat(fileName, text) === "json"
    ? readJson(fileName, text)
    : readCsv(fileName, text, delimiter);
}

/** The separator the header line uses most, outside quotes; `,` when none. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return best && counts[best] > 0 ? best : ",";
}

function readCsv(fileName: string, text: string, wanted: ImportMapping["delimiter"]): SourceFile {
  const delimiter = wanted === "auto" ? detectDelimiter(text) : wanted;
  // Empty lines go here; lines of blank cells (`;;;`) below, more cheaply
  // than the parser's "greedy" mode, which joins and trims every row.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    // The parser counts lines of blank cells; the rows we name do not.
    const upTo = quoteError.row === undefined ? [] : parsed.data.slice(0, quoteError.row + 1);
    const row = upTo.filter((cells) => !blank(cells)).length - 1;
    const where =
      quoteError.row === undefined ? "" : row <= 0 ? " in the header line" : ` at row ${row}`;
    const what =
      quoteError.code === "MissingQuotes"
        ? "a quoted cell is never closed"
        : "a quoted cell has text after its closing quote";
    throw new PactaError("import_unreadable", `${fileName}: ${what}${where}`);
  }
  const lines = parsed.data.filter((cells) => !blank(cells));
  const [headerCells, ...data] = lines;
  const headers = uniqueHeaders(headerCells ?? []);
  const rows: CsvRow[] = [];
  const broken: BrokenRow[] = [];
  data.forEach((cellsOfRow, index) => {
    const row = index + 1;
    const extra = cellsOfRow.slice(headers.length).filter((c) => c.trim() !== "");
    if (extra.length > 0) {
      broken.push({
        row,
        message:
          `the row has ${cellsOfRow.length} cells but the header has ${headers.length}; ` +
          "a separator or a quote is probably missing, so the row was not imported",
      });
      return;
    }
    rows.push({ row, values: cellsOfRow });
  });
  return { format: "csv", headers, delimiter, rows, broken };
}

/** Blank headers get a name, repeated ones a number, so each column has one key. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function readJson(fileName: string, text: string): SourceFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PactaError("import_unreadable", `${fileName}: ${describeJsonError(text, error)}`);
  }
  // One contract as `pacta show --json` prints it is accepted too.
  const items: unknown[] = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  if (items.length === 0 && !Array.isArray(value)) {
    const found = value === null ? "null" : typeof value;
    throw new PactaError(
      "import_unreadable",
      `${fileName}: expected an array of contracts, found ${found}`,
    );
  }
  const headers = new Set<string>();
  const rows: JsonRow[] = [];
  const broken: BrokenRow[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    if (!isObject(item)) {
      broken.push({ row, message: "expected a contract object here" });
      return;
    }
    for (const key of Object.keys(item)) headers.add(key);
    rows.push({ row, value: item });
  });
  return { format: "json", headers: [...headers], rows, broken };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Turns the parser's words into "line L, column C" of the file. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const end = text.trimEnd().length;
  const at = position ? Number(position[1]) : end;
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, "");
  if (at >= end && (position || /end of JSON input/i.test(message))) {
    const where = lineAndColumn(text, end);
    return (
      `the JSON stops in the middle at line ${where.line}, column ${where.column}` +
      ` (${reason}; the file looks truncated)`
    );
  }
  if (!position) return `not valid JSON: ${message}`;
  const where = lineAndColumn(text, at);
  return `not valid JSON at line ${where.line}, column ${where.column}: ${reason}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
