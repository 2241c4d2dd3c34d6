/**
 * One element of a JSON import file → the contract's fields and review
 * flags. The element is shaped like `pacta show --json` prints a contract
 * (`value` in major units), so an export imports back as it was. Keys the
 * register computes (id, uid, history, createdAt, updatedAt, counterparty,
 * needsReview, review, archived) are ignored.
 */
import type { PartyInput, ReviewFlag } from "../../shared/domain/contract";
import type { ImportMapping } from "../../shared/domain/import-mapping";
import { DEFAULT_STAGES } from "../../shared/domain/stages";
import { type Draft, emptyDraft, finishRow, type MappedRow } from "./finish-row";
import type { MapOptions } from "./map-row";
import type { JsonRow } from "./read-file";
import {
  type Read,
  readAmount,
  readCurrency,
  readDate,
  readDuration,
  readRenewalKind,
  readStage,
  readTags,
} from "./read-values";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Text of a JSON value; numbers count as text (a reference may be `2024001`). */
function textOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function mapJsonRow(
  input: JsonRow,
  mapping: ImportMapping,
  options: MapOptions = {},
): MappedRow {
  const { row } = input;
  const columnOf = (field: string): string | null => field;
  if (!isObject(input.value)) {
    return { row, ok: false, error: "expected a contract object", column: null };
  }
  const o = input.value;
  const title = textOf(o.title) ?? "";
  if (title === "") {
    return { row, ok: false, error: "no title: the row was not imported", column: "title" };
  }
  const flags: ReviewFlag[] = [];
  const flag = (field: string, message: string, raw: unknown): void => {
    const text = raw === null || raw === undefined ? null : (textOf(raw) ?? JSON.stringify(raw));
    flags.push({ field, message, raw: text, row, column: field });
  };
  /** A text value, read by `reader`; anything else is flagged and left empty. */
  const read = <T>(field: string, value: unknown, reader: (raw: string) => Read<T>): T | null => {
    if (value === null || value === undefined || value === "") return null;
    const text = textOf(value);
    if (text === null) {
      flag(field, `expected text, found ${Array.isArray(value) ? "a list" : typeof value}`, value);
      return null;
    }
    const result = reader(text);
    if (result.ok) return result.value;
    flag(field, result.message, value);
    return null;
  };
  const plain = (raw: string): Read<string> => ({ ok: true, value: raw });

  const draft: Draft = emptyDraft(title);
  draft.reference = read("reference", o.reference, plain) || null;
  draft.type = read("type", o.type, plain) || mapping.defaults.type || null;
  draft.governingLaw = read("governingLaw", o.governingLaw, plain) || null;
  draft.notes = read("notes", o.notes, plain) ?? "";
  const stages = options.stages ?? DEFAULT_STAGES;
  const stage = read("stage", o.stage ?? mapping.defaults.stage, (raw) => readStage(raw, stages));
  if (stage) draft.stage = stage;
  draft.parties = readJsonParties(o.parties, flag);
  draft.tags = readJsonTags(o.tags, mapping.tagSeparator, flag);

  draft.currency = read("currency", o.currency ?? mapping.defaults.currency, readCurrency);
  if (typeof o.value === "number") {
    draft.value = o.value;
  } else if (o.value !== null && o.value !== undefined && draft.currency) {
    const currency = draft.currency;
    draft.value = read("value", o.value, (raw) => readAmount(raw, currency));
  } else if (o.value !== null && o.value !== undefined) {
    flag("value", "an amount needs a currency", o.value);
  }

  const dateOf = (raw: string) => readDate(raw, mapping.dateFormat);
  draft.signatureDate = read("signatureDate", o.signatureDate, dateOf);
  draft.effectiveDate = read("effectiveDate", o.effectiveDate, dateOf);
  draft.endDate = read("endDate", o.endDate, dateOf);

  if (isObject(o.renewal)) {
    const r = o.renewal;
    draft.renewal.kind = read("renewal.kind", r.kind, readRenewalKind) ?? "none";
    draft.renewal.term = read("renewal.term", r.term, readDuration);
    draft.renewal.notice = read("renewal.notice", r.notice, readDuration);
  } else if (o.renewal !== null && o.renewal !== undefined) {
    flag("renewal", "expected an object {kind, term, notice}", o.renewal);
  }
  if (draft.renewal.kind === "automatic" && draft.renewal.term === null) {
    draft.renewal.kind = "none";
    flag(
      "renewal.kind",
      'an automatic renewal needs a renewal term, so the renewal is left as "none"',
      "automatic",
    );
  }
  return finishRow(row, draft, flags, columnOf);
}

type Flag = (field: string, message: string, raw: unknown) => void;

function readJsonParties(value: unknown, flag: Flag): PartyInput[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    flag("parties", "expected a list of parties", value);
    return [];
  }
  const parties: PartyInput[] = [];
  for (const item of value) {
    const party = typeof item === "string" ? { name: item } : item;
    if (!isObject(party) || typeof party.name !== "string" || party.name.trim() === "") {
      flag("parties", "a party needs a name", item);
      continue;
    }
    const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
    parties.push({
      name: party.name,
      role: text(party.role),
      signatory: text(party.signatory),
      email: text(party.email),
      internal: party.internal === true,
    });
  }
  if (parties.length > 50) {
    flag(
      "parties",
      "only the first 50 parties were kept",
      parties.slice(50).map((p) => p.name),
    );
  }
  return parties.slice(0, 50);
}

function readJsonTags(value: unknown, separator: string, flag: Flag): string[] {
  if (value === null || value === undefined) return [];
  const list = typeof value === "string" ? readTags(value, separator) : value;
  if (!Array.isArray(list) || !list.every((t) => typeof t === "string")) {
    flag("tags", "expected a list of tags", value);
    return [];
  }
  const tags = readTags(list.join("\u0000"), "\u0000");
  if (tags.length > 50) flag("tags", "only the first 50 tags were kept", tags.slice(50));
  return tags.slice(0, 50);
}
