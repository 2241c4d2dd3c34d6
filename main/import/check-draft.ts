/**
 * The contract schema's answer for a draft, worked out by hand: the same
 * fields `contractInputSchema` gives, key order included, for a fraction
 * of the cost (imports check every row). It only answers when every value
 * passes; anything the schema might refuse or must look at itself (an
 * email address, a value of an unexpected type) gives null, and the caller
 * asks the schema, which also names the problem. A property test holds
 * the two to the same result.
 */

import { isCalendarDate } from "../../shared/domain/calendar-date";
import {
  type ContractFields,
  type Party,
  RENEWAL_KINDS,
  type RenewalKind,
} from "../../shared/domain/contract";
import { normalizeIsoDuration } from "../../shared/domain/duration";
import { isCurrencyCode, majorToMinor } from "../../shared/domain/money";

/** What a reader gives when only the schema can answer. */
const ASK = Symbol("ask the schema");
type Ask = typeof ASK;

/** `optionalText(max)`: trimmed, an empty text is null. */
function optionalText(value: unknown, max: number): string | null | Ask {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return ASK;
  const text = value.trim();
  if (text.length > max) return ASK;
  return text === "" ? null : text;
}

function requiredText(value: unknown, max: number): string | Ask {
  if (typeof value !== "string") return ASK;
  const text = value.trim();
  return text === "" || text.length > max ? ASK : text;
}

function calendarDate(value: unknown): string | null | Ask {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return ASK;
  const text = value.trim();
  return isCalendarDate(text) ? text : ASK;
}

function duration(value: unknown): string | null | Ask {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return ASK;
  return normalizeIsoDuration(value.trim()) ?? ASK;
}

function currency(value: unknown): string | null | Ask {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return ASK;
  const code = value.trim().toUpperCase();
  return isCurrencyCode(code) ? code : ASK;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function party(value: unknown): Party | Ask {
  if (!isRecord(value)) return ASK;
  const name = requiredText(value.name, 300);
  const role = optionalText(value.role, 120);
  const signatory = optionalText(value.signatory, 200);
  // Only an empty email is settled here; an address goes to the schema's check.
  const email = optionalText(value.email, 0);
  const internal = value.internal === undefined ? false : value.internal;
  if (name === ASK || role === ASK || signatory === ASK || email === ASK) return ASK;
  if (typeof internal !== "boolean") return ASK;
  return { name, role, signatory, email, internal };
}

function parties(value: unknown): Party[] | Ask {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 50) return ASK;
  const out: Party[] = [];
  for (const item of value) {
    const p = party(item);
    if (p === ASK) return ASK;
    out.push(p);
  }
  return out;
}

function tags(value: unknown): string[] | Ask {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 50) return ASK;
  const out: string[] = [];
  for (const item of value) {
    const tag = requiredText(item, 60);
    if (tag === ASK) return ASK;
    out.push(tag);
  }
  return [...new Set(out)].sort();
}

function renewal(value: unknown): ContractFields["renewal"] | Ask {
  if (value === undefined) return { kind: "none", term: null, notice: null };
  if (!isRecord(value)) return ASK;
  const kind = value.kind === undefined ? "none" : value.kind;
  if (!(RENEWAL_KINDS as readonly unknown[]).includes(kind)) return ASK;
  const term = duration(value.term);
  const notice = duration(value.notice);
  if (term === ASK || notice === ASK) return ASK;
  return { kind: kind as RenewalKind, term, notice };
}

/** `contractInputSchema.parse(draft)` when it would pass and the answer is plain; else null. */
export function checkDraft(input: object): ContractFields | null {
  const draft = input as Record<string, unknown>;
  const reference = optionalText(draft.reference, 200);
  const title = requiredText(draft.title, 500);
  const type = optionalText(draft.type, 120);
  const hasStage = "stage" in draft;
  const stage = hasStage ? requiredText(draft.stage, Number.POSITIVE_INFINITY) : null;
  const partyList = parties(draft.parties);
  const value = draft.value ?? null;
  const code = currency(draft.currency);
  const signatureDate = calendarDate(draft.signatureDate);
  const effectiveDate = calendarDate(draft.effectiveDate);
  const endDate = calendarDate(draft.endDate);
  const renewalOf = renewal(draft.renewal);
  const governingLaw = optionalText(draft.governingLaw, 200);
  const tagList = tags(draft.tags);
  const notes = draft.notes === undefined ? "" : draft.notes;
  if (
    reference === ASK ||
    title === ASK ||
    type === ASK ||
    stage === ASK ||
    partyList === ASK ||
    code === ASK ||
    signatureDate === ASK ||
    effectiveDate === ASK ||
    endDate === ASK ||
    renewalOf === ASK ||
    governingLaw === ASK ||
    tagList === ASK
  ) {
    return null;
  }
  if (typeof notes !== "string" || notes.length > 100_000) return null;
  if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) return null;
  // The schema's cross-field rules.
  if (value !== null && (code === null || majorToMinor(value, code) === null)) return null;
  if (effectiveDate && endDate && endDate < effectiveDate) return null;
  if (renewalOf.kind === "automatic" && !renewalOf.term) return null;
  const fields: ContractFields = {
    reference,
    title,
    type,
    parties: partyList,
    value,
    currency: code,
    signatureDate,
    effectiveDate,
    endDate,
    renewal: renewalOf,
    governingLaw,
    tags: tagList,
    notes,
  };
  // The schema's key order: `stage`, when given, comes after `type`.
  return stage === null ? fields : withStage(fields, stage);
}

function withStage(fields: ContractFields, stage: string): ContractFields {
  const { reference, title, type, ...rest } = fields;
  return { reference, title, type, stage, ...rest };
}
