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

/**
 * The mapping with amounts read in euros when it maps an amount column but
 * no currency column and sets no default (the amounts would be lost otherwise).
 */
export function withDefaultCurrency(mapping: ImportMapping): ImportMapping {
  const { columns, defaults } = mapping;
  if (!columns.value || columns.currency || defaults.currency) return mapping;
  return { ...mapping, defaults: { ...defaults, currency: "EUR" } };
}
