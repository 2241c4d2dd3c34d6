import type { ImportMapping } from "../../../shared/domain/import-mapping";

/** A file picked for import, read as text. */
export interface ImportSource {
  fileName: string;
  content: string;
}

/** Stable text for comparing two mappings. */
export function mappingKey(mapping: ImportMapping | null): string {
  return JSON.stringify(mapping);
}
