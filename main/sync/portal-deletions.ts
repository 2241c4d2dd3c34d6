/**
 * What deleting a linked contract does on the portal, as the person chose
 * when deleting it:
 *
 * - "delete": an outbox entry `deleted` goes in with the deletion (same
 *   transaction, so it works offline); the push sends `crm.item.delete`
 *   (50 to a batch) and drops the link. An item already gone counts as done.
 * - "keep": the item stays on the portal and is no longer synced. Its link
 *   is kept as a tombstone so the pull recognises the item: it is never
 *   pulled back in as a new contract, and when it changes on the portal the
 *   sync says so in its notices (once per change) instead of ignoring it.
 *
 * A linked contract whose item was deleted on the portal (found by id
 * reconciliation) keeps its data here; the sync notices it and the status
 * counts it until the person deletes the contract or it is linked again.
 */
import type { SyncProblem } from "../../shared/api/sync";
import type { Db } from "../db/open";

export type PortalChoice = "keep" | "delete";

export class PortalDeletions {
  private readonly sql;

  constructor(readonly db: Db) {
    const s = (text: string) => db.prepare(text);
    this.sql = {
      wanted: s(
        `SELECT 1 AS yes FROM sync_outbox
         WHERE contract_id = @contractId AND action = 'deleted' LIMIT 1`,
      ),
      dropLink: s("DELETE FROM sync_links WHERE contract_id = @contractId"),
      dropConflicts: s("DELETE FROM sync_conflicts WHERE contract_id = @contractId"),
      goneOnPortal: s(
        `SELECT l.contract_id AS id FROM sync_links l JOIN contracts c ON c.id = l.contract_id
         WHERE l.remote_deleted = 1 AND c.deleted = 0 ORDER BY l.contract_id`,
      ),
    };
  }

  /** The person asked for the portal item to be deleted too (still waiting in the outbox). */
  wantsPortalDelete(contractId: number): boolean {
    return this.sql.wanted.get({ contractId }) !== undefined;
  }

  /** Forgets a link and its conflicts: the item is gone, or no longer ours. */
  dropLink(contractId: number): void {
    this.sql.dropLink.run({ contractId });
    this.sql.dropConflicts.run({ contractId });
  }

  /** Live contracts whose portal item was deleted on the portal. */
  goneOnPortal(): number[] {
    return (this.sql.goneOnPortal.all() as { id: number }[]).map((r) => r.id);
  }
}

/** Adds a notice to the run: something a person should know, not an error. */
export function notice(
  run: { detail: { notices?: SyncProblem[] } },
  where: string,
  message: string,
): void {
  const list = run.detail.notices ?? [];
  run.detail.notices = list;
  if (list.length < 100) list.push({ where, message });
}
