/**
 * The last step of mapping a row: check the draft contract with the same
 * schema a person's input goes through. A value the schema still refuses
 * (an end date before the start, a tag too long, a bad email) is emptied
 * and flagged, so the row is imported; only a row with no usable title is
 * refused.
 */
import {
  type ContractFields,
  contractInputSchema,
  type PartyInput,
  type RenewalKind,
  type ReviewFlag,
} from "../../shared/domain/contract";
import { checkDraft } from "./check-draft";

/** A contract being built from one row, before the schema has checked it. */
export interface Draft {
  reference: string | null;
  title: string;
  type: string | null;
  stage?: string;
  parties: PartyInput[];
  value: number | null;
  currency: string | null;
  signatureDate: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  renewal: { kind: RenewalKind; term: string | null; notice: string | null };
  governingLaw: string | null;
  tags: string[];
  notes: string;
}

export type MappedRow =
  | { row: number; ok: true; fields: ContractFields; flags: ReviewFlag[] }
  | { row: number; ok: false; error: string; column: string | null };

/** Where a field came from in the file, for the flags. */
export type ColumnOf = (field: string) => string | null;

export function emptyDraft(title: string): Draft {
  return {
    reference: null,
    title,
    type: null,
    parties: [],
    value: null,
    currency: null,
    signatureDate: null,
    effectiveDate: null,
    endDate: null,
    renewal: { kind: "none", term: null, notice: null },
    governingLaw: null,
    tags: [],
    notes: "",
  };
}

export function finishRow(
  row: number,
  draft: Draft,
  flags: ReviewFlag[],
  columnOf: ColumnOf,
): MappedRow {
  // Most rows pass every check: settle those without the schema's machinery.
  const fields = checkDraft(draft);
  if (fields) return { row, ok: true, fields, flags };
  // Each pass empties what the schema refused; a few passes settle any row.
  for (let pass = 0; pass < 5; pass += 1) {
    const parsed = contractInputSchema.safeParse(draft);
    if (parsed.success) return { row, ok: true, fields: parsed.data, flags };
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "title") {
        return { row, ok: false, error: `title: ${issue.message}`, column: columnOf("title") };
      }
      const field = fieldName(issue.path);
      const raw = clear(draft, issue.path);
      flags.push({ field, message: issue.message, raw, row, column: columnOf(field) });
    }
  }
  return { row, ok: false, error: "the row's values could not be checked", column: null };
}

/** `parties.2.email` → `parties`, `renewal.term` stays as it is. */
function fieldName(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === "renewal" && typeof second === "string") return `renewal.${second}`;
  return String(first ?? "row");
}

/** Empties the value at `path`; returns the text that was there. */
function clear(draft: Draft, path: readonly PropertyKey[]): string | null {
  const [first, index, key] = path;
  switch (first) {
    case "parties":
      return clearParty(draft, index, key);
    case "tags": {
      if (typeof index !== "number") {
        const dropped = draft.tags.slice(50);
        draft.tags = draft.tags.slice(0, 50);
        return dropped.join(", ");
      }
      const [removed] = draft.tags.splice(index, 1);
      return removed ?? null;
    }
    case "renewal": {
      const before = draft.renewal;
      if (index === "term" && before.kind === "automatic") before.kind = "none";
      if (index === "kind") before.kind = "none";
      if (index === "term" || index === "notice") {
        const raw = before[index];
        before[index] = null;
        return raw;
      }
      return null;
    }
    case "currency": {
      const raw = draft.currency;
      draft.currency = null;
      draft.value = null;
      return raw;
    }
    case "notes": {
      draft.notes = "";
      return null;
    }
    case "stage": {
      const raw = draft.stage ?? null;
      delete draft.stage;
      return raw;
    }
    case "reference":
    case "type":
    case "value":
    case "signatureDate":
    case "effectiveDate":
    case "endDate":
    case "governingLaw": {
      const raw = draft[first];
      draft[first] = null;
      return raw === null ? null : String(raw);
    }
    default:
      return null;
  }
}

function clearParty(draft: Draft, index: unknown, key: unknown): string | null {
  if (typeof index !== "number") {
    const dropped = draft.parties.slice(50);
    draft.parties = draft.parties.slice(0, 50);
    return dropped.map((p) => p.name).join("; ");
  }
  const party = draft.parties[index];
  if (!party) return null;
  if (key === "email" || key === "role" || key === "signatory") {
    const raw = party[key] ?? null;
    party[key] = null;
    return raw;
  }
  draft.parties.splice(index, 1);
  return party.name;
}
