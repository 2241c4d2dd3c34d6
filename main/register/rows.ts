/**
 * Between SQLite rows and the contract objects of `shared/`.
 */

import { localToday } from "../../shared/domain/calendar-date";
import type {
  Contract,
  ContractFields,
  ContractSummary,
  HistoryEntry,
  Party,
  ReviewFlag,
} from "../../shared/domain/contract";
import { counterpartyOf, RENEWAL_KINDS, type RenewalKind } from "../../shared/domain/contract";
import { computeKeyDates } from "../../shared/domain/key-dates";
import { majorToMinor, minorToMajor } from "../../shared/domain/money";
import { foldLigatures } from "../../shared/domain/search-text";

export interface ContractRow {
  id: number;
  uid: string;
  reference: string | null;
  title: string;
  type: string | null;
  stage: string;
  value_minor: number | null;
  currency: string | null;
  signature_date: string | null;
  effective_date: string | null;
  end_date: string | null;
  renewal_kind: string;
  renewal_term: string | null;
  notice_period: string | null;
  governing_law: string | null;
  notes: string;
  review_flags: string;
  archived: number;
  deleted: number;
  created_at: string;
  updated_at: string;
  /** The working-day option as it applies (set on insert, then kept by triggers). */
  working_days: number;
}

export interface SummaryRow extends ContractRow {
  counterparty: string | null;
  tag_list: string | null;
}

export interface PartyRow {
  name: string;
  role: string | null;
  signatory: string | null;
  email: string | null;
  internal: number;
}

export interface HistoryRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  changes: string;
  hash: string | null;
}

/** Separates tags inside one `group_concat` cell. */
export const TAG_SEPARATOR = "\u001f";

function renewalKindOf(text: string): RenewalKind {
  return (RENEWAL_KINDS as readonly string[]).includes(text) ? (text as RenewalKind) : "none";
}

/** The key dates a summary shows, on the local calendar's today. */
function summaryDates(row: ContractRow, today: string) {
  const dates = computeKeyDates(
    {
      endDate: row.end_date,
      renewal: {
        kind: renewalKindOf(row.renewal_kind),
        term: row.renewal_term,
        notice: row.notice_period,
      },
      effectiveDate: row.effective_date,
    },
    today,
    { workingDays: row.working_days === 1 },
  );
  return {
    currentTermEnd: dates.currentTermEnd,
    noticeDeadline: dates.noticeDeadline?.date ?? null,
  };
}

export function toSummary(row: SummaryRow): ContractSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    type: row.type,
    stage: row.stage,
    counterparty: row.counterparty,
    effectiveDate: row.effective_date,
    endDate: row.end_date,
    renewal: {
      kind: renewalKindOf(row.renewal_kind),
      term: row.renewal_term,
      notice: row.notice_period,
    },
    value:
      row.value_minor === null || row.currency === null
        ? null
        : minorToMajor(row.value_minor, row.currency),
    currency: row.currency,
    tags: row.tag_list ? row.tag_list.split(TAG_SEPARATOR).sort() : [],
    archived: row.archived === 1,
    needsReview: row.review_flags !== "[]",
    updatedAt: row.updated_at,
    ...summaryDates(row, localToday()),
  };
}

export function toParty(row: PartyRow): Party {
  return {
    name: row.name,
    role: row.role,
    signatory: row.signatory,
    email: row.email,
    internal: row.internal === 1,
  };
}

export function toHistory(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as HistoryEntry["action"],
    changes: JSON.parse(row.changes) as HistoryEntry["changes"],
    hash: row.hash,
  };
}

export function toContract(
  row: ContractRow,
  parties: Party[],
  tags: string[],
  history: HistoryEntry[],
): Contract {
  const summary = toSummary({
    ...row,
    counterparty: counterpartyOf(parties),
    tag_list: tags.join(TAG_SEPARATOR),
  });
  return {
    ...summary,
    uid: row.uid,
    parties,
    signatureDate: row.signature_date,
    governingLaw: row.governing_law,
    notes: row.notes,
    review: JSON.parse(row.review_flags) as ReviewFlag[],
    createdAt: row.created_at,
    history,
  };
}

/** The columns a contract's fields are stored in, in `toColumns` order. */
export const CONTRACT_COLUMNS = [
  "reference",
  "title",
  "type",
  "stage",
  "value_minor",
  "currency",
  "signature_date",
  "effective_date",
  "end_date",
  "renewal_kind",
  "renewal_term",
  "notice_period",
  "governing_law",
  "notes",
] as const satisfies readonly (keyof Columns)[];

type Columns = ReturnType<typeof toColumns>;

/** The values of `toColumns`, in `CONTRACT_COLUMNS` order, to bind by position. */
export function columnValues(c: Columns): Columns[keyof Columns][] {
  return CONTRACT_COLUMNS.map((name) => c[name]);
}

/** The columns a contract's fields are stored in. */
export function toColumns(fields: ContractFields, stage: string) {
  return {
    reference: fields.reference,
    title: fields.title,
    type: fields.type,
    stage,
    value_minor:
      fields.value === null || fields.currency === null
        ? null
        : majorToMinor(fields.value, fields.currency),
    currency: fields.currency,
    signature_date: fields.signatureDate,
    effective_date: fields.effectiveDate,
    end_date: fields.endDate,
    renewal_kind: fields.renewal.kind,
    renewal_term: fields.renewal.term,
    notice_period: fields.renewal.notice,
    governing_law: fields.governingLaw,
    notes: fields.notes,
  };
}

/**
 * The text the search index holds for a contract, ligatures spelled out.
 * `state` (live or archived) lets a search count its matches in the index
 * alone.
 */
export function toSearchRow(fields: ContractFields, archived: boolean) {
  const parties = fields.parties
    .map((p) => [p.name, p.role, p.signatory, p.email].filter(Boolean).join(" "))
    .join(" ; ");
  return {
    title: foldLigatures(fields.title),
    reference: foldLigatures(fields.reference ?? ""),
    parties: foldLigatures(parties),
    notes: foldLigatures(fields.notes),
    tags: foldLigatures(fields.tags.join(" ")),
    state: archived ? "archived" : "live",
  };
}

/** The editable fields of a stored contract, in the shape the history compares. */
export function fieldsOf(contract: Contract): ContractFields {
  return {
    reference: contract.reference,
    title: contract.title,
    type: contract.type,
    stage: contract.stage,
    parties: contract.parties,
    value: contract.value,
    currency: contract.currency,
    signatureDate: contract.signatureDate,
    effectiveDate: contract.effectiveDate,
    endDate: contract.endDate,
    renewal: contract.renewal,
    governingLaw: contract.governingLaw,
    tags: contract.tags,
    notes: contract.notes,
  };
}
