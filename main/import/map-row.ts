/**
 * One CSV row + the mapping → the contract's fields and the review flags
 * for every value that could not be read. A value it cannot read is left
 * empty and flagged; the row is still imported. Only a row without a title
 * is refused.
 */
import type { ReviewFlag } from "../../shared/domain/contract";
import type { ImportField, ImportMapping } from "../../shared/domain/import-mapping";
import { DEFAULT_STAGES, type StageDefinition } from "../../shared/domain/stages";
import { type Draft, emptyDraft, finishRow, type MappedRow } from "./finish-row";
import type { CsvColumns, CsvRow } from "./read-file";
import {
  hasWord,
  type Read,
  readAmount,
  readCurrency,
  readDate,
  readDuration,
  readParties,
  readRenewalKind,
  readStage,
  readTags,
  withoutWords,
} from "./read-values";

export type { MappedRow } from "./finish-row";

export interface MapOptions {
  /** The register's stages, to read a stage column by key or name. */
  stages?: readonly StageDefinition[];
}

const MAX_ITEMS = 50;

/** The import field each contract field is read from, for the flags' columns. */
const SOURCE_OF: Record<string, ImportField> = {
  "renewal.kind": "renewalKind",
  "renewal.term": "renewalTerm",
  "renewal.notice": "noticePeriod",
};

export function mapCsvRow(
  input: CsvRow,
  columns: CsvColumns,
  mapping: ImportMapping,
  options: MapOptions = {},
): MappedRow {
  const { row } = input;
  const columnOf = (field: string): string | null =>
    mapping.columns[(SOURCE_OF[field] ?? field) as ImportField] ?? null;
  const cell = (field: ImportField): string => {
    const column = mapping.columns[field];
    const at = column === undefined ? undefined : columns.get(column);
    return at === undefined ? "" : unescapeFormula((input.values[at] ?? "").trim());
  };
  const title = cell("title");
  if (title === "") {
    return {
      row,
      ok: false,
      error: "no title: the row was not imported",
      column: columnOf("title"),
    };
  }
  const flags: ReviewFlag[] = [];
  const flag = (field: string, message: string, raw: string | null): void => {
    flags.push({ field, message, raw, row, column: columnOf(field) });
  };
  /** Reads a cell; on failure flags it and gives null. */
  const read = <T>(field: string, raw: string, reader: (raw: string) => Read<T>): T | null => {
    if (raw === "") return null;
    const result = reader(raw);
    if (result.ok) return result.value;
    flag(field, result.message, raw);
    return null;
  };

  const draft: Draft = emptyDraft(title);
  draft.reference = cell("reference") || null;
  draft.type = cell("type") || mapping.defaults.type || null;
  draft.governingLaw = cell("governingLaw") || null;
  draft.notes = cell("notes");

  const stages = options.stages ?? DEFAULT_STAGES;
  const stage = read("stage", cell("stage") || (mapping.defaults.stage ?? ""), (raw) =>
    readStage(raw, stages),
  );
  if (stage) draft.stage = stage;

  const parties = readParties(cell("parties"), mapping.partySeparator);
  if (parties.length > MAX_ITEMS) {
    const dropped = parties.slice(MAX_ITEMS).map((p) => p.name);
    flag("parties", `only the first ${MAX_ITEMS} parties were kept`, dropped.join("; "));
  }
  draft.parties = parties.slice(0, MAX_ITEMS);

  const tags = readTags(cell("tags"), mapping.tagSeparator);
  if (tags.length > MAX_ITEMS) {
    flag("tags", `only the first ${MAX_ITEMS} tags were kept`, tags.slice(MAX_ITEMS).join(", "));
  }
  draft.tags = tags.slice(0, MAX_ITEMS);

  readMoney(draft, cell("value"), cell("currency"), mapping, read, flag);

  const dateOf = (raw: string) => readDate(raw, mapping.dateFormat);
  draft.signatureDate = read("signatureDate", cell("signatureDate"), dateOf);
  draft.effectiveDate = read("effectiveDate", cell("effectiveDate"), dateOf);

  const evergreen = mapping.evergreenWords;
  const endRaw = cell("endDate");
  const termRaw = cell("renewalTerm");
  const endEvergreen = hasWord(endRaw, evergreen);
  const termEvergreen = hasWord(termRaw, evergreen);
  if (endEvergreen) {
    noteLeftovers("endDate", endRaw, evergreen, flag);
  } else {
    draft.endDate = read("endDate", endRaw, dateOf);
  }
  if (termEvergreen) {
    noteLeftovers("renewal.term", termRaw, evergreen, flag);
  } else {
    draft.renewal.term = read("renewal.term", termRaw, readDuration);
  }
  draft.renewal.notice = read("renewal.notice", cell("noticePeriod"), readDuration);

  const kindRaw = cell("renewalKind");
  if (kindRaw !== "") {
    draft.renewal.kind = read("renewal.kind", kindRaw, readRenewalKind) ?? "none";
  } else if (endEvergreen || termEvergreen) {
    draft.renewal.kind = "evergreen";
  } else if (termRaw !== "" && mapping.renewalTermImplies) {
    draft.renewal.kind = mapping.renewalTermImplies;
  }
  if (draft.renewal.kind === "automatic" && draft.renewal.term === null) {
    // The schema refuses an automatic renewal with no term: keep "none" until reviewed.
    draft.renewal.kind = "none";
    const termFlag = flags.find((f) => f.field === "renewal.term");
    const why = 'an automatic renewal needs a renewal term, so the renewal is left as "none"';
    if (termFlag) termFlag.message = `${termFlag.message}; ${why}`;
    else flag("renewal.kind", why, kindRaw || null);
  }
  return finishRow(row, draft, flags, columnOf);
}

type Flag = (field: string, message: string, raw: string | null) => void;
type ReadCell = <T>(field: string, raw: string, reader: (raw: string) => Read<T>) => T | null;

function readMoney(
  draft: Draft,
  valueRaw: string,
  currencyRaw: string,
  mapping: ImportMapping,
  read: ReadCell,
  flag: Flag,
): void {
  const currency = currencyRaw
    ? read("currency", currencyRaw, readCurrency)
    : read("currency", mapping.defaults.currency ?? "", readCurrency);
  if (valueRaw === "") {
    // A default currency only goes with an amount; a currency column is kept as written.
    draft.currency = currencyRaw ? currency : null;
    return;
  }
  if (currency === null) {
    // Without a currency the amount cannot be kept exactly; keep neither.
    const why = currencyRaw
      ? "the amount's currency could not be read"
      : "an amount needs a currency: map a currency column or set a default currency";
    flag("value", why, valueRaw);
    return;
  }
  draft.currency = currency;
  draft.value = read("value", valueRaw, (raw) => readAmount(raw, currency));
}

/** An evergreen word with more text around it: evergreen, but a person should look. */
function noteLeftovers(field: string, raw: string, words: readonly string[], flag: Flag): void {
  if (withoutWords(raw, words) !== "") {
    flag(field, `read as evergreen (no end date); the rest of "${raw}" was not used`, raw);
  }
}

/**
 * Our CSV export writes `'=…` for a cell that starts like a spreadsheet
 * formula, so that opening it in Excel runs nothing; read it back as it was.
 */
export function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
