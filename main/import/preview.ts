/**
 * What the import wizard shows before anything is written: the headers, the
 * mapping they suggest, the date formats the values fit, and the first rows
 * as they would be imported.
 */
import type { ImportedRow, ImportPreview } from "../../shared/api/contract";
import { type ImportSource, mapRowOf, parseMapping, suggestionFor } from "./prepare";
import { cellsOf, readSourceFile } from "./read-file";
import { dateSamples, fittingDateFormats } from "./suggest-mapping";

export function previewImport(source: ImportSource, sampleSize = 20): ImportPreview {
  const given = parseMapping(source.mapping);
  const file = readSourceFile(source.fileName, source.content, given?.delimiter ?? "auto");
  const suggestedMapping = suggestionFor(file);
  const mapping = given ?? suggestedMapping;
  const prepared = { fileName: source.fileName, content: source.content, file, mapping };
  const map = mapRowOf(prepared);
  const sample: ImportedRow[] = [];
  for (let i = 0; i < Math.min(sampleSize, file.rows.length); i += 1) {
    const m = map(i);
    sample.push(
      m.ok
        ? {
            row: m.row,
            title: m.fields.title,
            reference: m.fields.reference,
            flags: m.flags,
            error: null,
          }
        : { row: m.row, title: "", reference: null, flags: [], error: m.error },
    );
  }
  for (const b of file.broken) {
    if (b.row <= (sample.at(-1)?.row ?? 0)) {
      sample.push({ row: b.row, title: "", reference: null, flags: [], error: b.message });
    }
  }
  sample.sort((a, b) => a.row - b.row);
  const cells =
    file.format === "csv" ? file.rows.slice(0, 200).map((r) => cellsOf(file.headers, r)) : [];
  return {
    format: file.format,
    headers: file.headers,
    rowCount: file.rows.length + file.broken.length,
    suggestedMapping,
    dateFormats: fittingDateFormats(dateSamples(prepared.mapping.columns, cells)),
    sample: sample.slice(0, sampleSize),
  };
}
