/**
 * What writing a file's row over a stored contract does: it must not undo
 * what a person fixed by hand, and it changes only what differs.
 */
import type { ContractFields, ReviewFlag } from "../../shared/domain/contract";

/** A stored contract's fields and review flags, as a write compares them. */
export interface StoredState {
  fields: ContractFields;
  review: ReviewFlag[];
}

/**
 * A value the file cannot read must not wipe what a person entered since:
 * where the register has a value for a flagged field, keep it, and drop
 * the flag (the stored value is the correction).
 */
export function keepCorrections(
  before: ContractFields,
  next: ContractFields,
  review: ReviewFlag[],
): { fields: ContractFields; review: ReviewFlag[] } {
  const fields: ContractFields = { ...next, renewal: { ...next.renewal } };
  const stored = before as unknown as Record<string, unknown>;
  const target = fields as unknown as Record<string, unknown>;
  const left: ReviewFlag[] = [];
  const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || isEmptyList(v);
  const valueAt = (from: ContractFields, top: string, sub: string | undefined): unknown => {
    const record = from as unknown as Record<string, unknown>;
    return sub === undefined ? record[top] : from.renewal[sub as keyof ContractFields["renewal"]];
  };
  for (const flag of review) {
    const [top = "", sub] = flag.field.split(".");
    // Only a value the file left empty can hide a correction; a flag on a
    // value the file did give (a warning) stays as it is.
    const corrected =
      top in stored && isEmpty(valueAt(next, top, sub)) && !isEmpty(valueAt(before, top, sub));
    if (!corrected) {
      left.push(flag);
      continue;
    }
    // A renewal is one decision: keep the whole corrected renewal.
    target[top] = stored[top];
  }
  return { fields, review: left };
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * The fields `next` leaves once written over `current` (the stage kept
 * where `next` has none), and what differs, field by field: nothing when
 * the write would change nothing.
 */
export function changesOver(
  current: StoredState,
  next: ContractFields,
  review: ReviewFlag[],
): { after: ContractFields; changes: Record<string, [unknown, unknown]> } {
  const before = current.fields;
  const after: ContractFields = { ...next, stage: next.stage ?? before.stage };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof ContractFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = [before[key], after[key]];
    }
  }
  if (JSON.stringify(review) !== JSON.stringify(current.review)) {
    changes.review = [current.review, review];
  }
  return { after, changes };
}
