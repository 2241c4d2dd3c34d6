/**
 * Re-importing a file must not undo what a person fixed by hand.
 */
import type { Contract, ContractFields, ReviewFlag } from "../../shared/domain/contract";
import { fieldsOf } from "./rows";

/**
 * A value the file cannot read must not wipe what a person entered since:
 * where the register has a value for a flagged field, keep it, and drop
 * the flag (the stored value is the correction).
 */
export function keepCorrections(
  current: Contract,
  next: ContractFields,
  review: ReviewFlag[],
): { fields: ContractFields; review: ReviewFlag[] } {
  const fields: ContractFields = { ...next, renewal: { ...next.renewal } };
  const before = fieldsOf(current);
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
