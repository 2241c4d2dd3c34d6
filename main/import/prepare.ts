/**
 * The first step of every import: read the file, settle the mapping (the
 * one given, or the one the file suggests) and check it against the file,
 * before anything is written.
 */
import type { z } from "zod";
import type { importSourceSchema } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import { type ImportMapping, importMappingSchema } from "../../shared/domain/import-mapping";
import type { StageDefinition } from "../../shared/domain/stages";
import { mapJsonRow } from "./map-json";
import { type MappedRow, mapCsvRow } from "./map-row";
import { cellsOf, csvColumns, readSourceFile, type SourceFile } from "./read-file";
import { suggestMapping } from "./suggest-mapping";

export type ImportSource = z.input<typeof importSourceSchema>;

export const NO_REFERENCE_NOTE =
  "no reference column: running this import again will create these contracts again";

/** A file read and a mapping settled, ready to import. */
export interface PreparedImport {
  fileName: string;
  /** The file's text, for the mapping worker to read again. */
  content: string;
  file: SourceFile;
  mapping: ImportMapping;
}

export function parseMapping(mapping: ImportSource["mapping"]): ImportMapping | null {
  if (!mapping) return null;
  const parsed = importMappingSchema.safeParse(mapping);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  throw new PactaError("invalid_argument", "the import mapping is not valid", issues);
}

/** The mapping the file suggests: from headers for CSV, the native keys for JSON. */
export function suggestionFor(file: SourceFile): ImportMapping {
  if (file.format === "csv") {
    return suggestMapping(
      file.headers,
      file.rows.slice(0, 200).map((r) => cellsOf(file.headers, r)),
    );
  }
  const keys = new Set(file.headers);
  const columns: ImportMapping["columns"] = {};
  for (const key of ["reference", "title", "type", "stage", "parties", "value"] as const) {
    if (keys.has(key)) columns[key] = key;
  }
  for (const key of ["currency", "signatureDate", "effectiveDate", "endDate"] as const) {
    if (keys.has(key)) columns[key] = key;
  }
  for (const key of ["governingLaw", "tags", "notes"] as const) {
    if (keys.has(key)) columns[key] = key;
  }
  if (keys.has("renewal")) {
    columns.renewalKind = "renewal.kind";
    columns.renewalTerm = "renewal.term";
    columns.noticePeriod = "renewal.notice";
  }
  return importMappingSchema.parse({ columns, dateFormat: "YYYY-MM-DD" });
}

/** Reads the file and checks the mapping against it; throws before anything is written. */
export function prepareImport(source: ImportSource): PreparedImport {
  const given = parseMapping(source.mapping);
  const file = readSourceFile(source.fileName, source.content, given?.delimiter ?? "auto");
  const mapping = given ?? suggestionFor(file);
  if (file.format === "csv") {
    if (!mapping.columns.title) {
      throw new PactaError(
        "invalid_argument",
        "the mapping names no title column, and every contract needs a title",
      );
    }
    const missing = Object.entries(mapping.columns).filter(([, h]) => !file.headers.includes(h));
    if (missing.length > 0) {
      const list = missing.map(([field, header]) => `"${header}" (for ${field})`).join(", ");
      throw new PactaError(
        "invalid_argument",
        `the mapping names columns the file does not have: ${list}`,
      );
    }
  }
  return { fileName: source.fileName, content: source.content, file, mapping };
}

export function mapRowOf(
  prepared: PreparedImport,
  stages?: readonly StageDefinition[],
): (index: number) => MappedRow {
  const { file, mapping } = prepared;
  const options = stages ? { stages } : {};
  if (file.format === "csv") {
    const columns = csvColumns(file.headers);
    return (i) => mapCsvRow(file.rows[i] ?? { row: 0, values: [] }, columns, mapping, options);
  }
  return (i) => mapJsonRow(file.rows[i] ?? { row: 0, value: null }, mapping, options);
}
