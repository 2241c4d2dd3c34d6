/**
 * A person's answer to a conflict, per field. "Theirs" writes the portal's
 * value here; "mine" keeps ours and queues it for the next push. Either way
 * both sides then agree on a new base, and the conflict is gone — in one
 * transaction.
 */
import { PactaError } from "../../shared/api/result";
import type { SyncSettings } from "../../shared/api/sync";
import { contractInputSchema } from "../../shared/domain/contract";
import type { Lifecycle } from "../lifecycle/lifecycle";
import type { ContractRegister } from "../register/register";
import { fieldsOf } from "../register/rows";
import { localStageOf, type Plain, withValues } from "./mapping";
import type { SyncStore } from "./store";

export interface ResolveParts {
  store: SyncStore;
  register: ContractRegister;
  lifecycle: Lifecycle;
  settings: SyncSettings;
  fromPortal<T>(write: () => T): T;
}

export function resolveConflict(
  parts: ResolveParts,
  conflictId: number,
  keep: "mine" | "theirs",
  at: string,
): void {
  const { store, register } = parts;
  store.db
    .transaction(() => {
      const conflict = store.conflict(conflictId);
      if (!conflict) throw new PactaError("not_found", `there is no conflict #${conflictId}`);
      const id = conflict.contract_id;
      const link = store.linkOf(id);
      if (!link) throw new PactaError("not_found", `contract #${id} is not linked to the portal`);
      const theirs = JSON.parse(conflict.theirs) as Plain;
      if (keep === "theirs") {
        const contract = register.get(id);
        if (conflict.field === "stage") {
          const to = localStageOf(theirs, parts.settings);
          if (to === null) {
            throw new PactaError(
              "invalid_argument",
              `the portal stage "${String(theirs)}" maps to no stage here; add it to the stage map`,
            );
          }
          if (to !== contract.stage) {
            parts.fromPortal(() =>
              parts.lifecycle.move({ contractId: id, to, comment: "Bitrix24", confirmSkip: true }),
            );
          }
        } else {
          const next = contractInputSchema.safeParse(
            withValues(fieldsOf(contract), { [conflict.field]: theirs }),
          );
          if (!next.success) {
            const what = next.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
            throw new PactaError("invalid_argument", `the portal's value does not fit: ${what}`);
          }
          parts.fromPortal(() => register.update(id, next.data));
        }
      } else {
        store.enqueue(id, "resolved", at);
      }
      // The portal holds `theirs`: that is the new base, so "mine" now reads as a change of ours.
      store.saveLink({ ...link, base: { ...link.base, [conflict.field]: theirs } });
      store.deleteConflict(conflictId);
    })
    .immediate();
}
