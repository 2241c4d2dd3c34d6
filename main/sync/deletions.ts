/**
 * Deletions are invisible to `updatedTime` polling: now and then every id
 * of each list is walked (ids only, about N/2500 requests) and what the
 * portal no longer has is dropped here. A contract whose item is gone keeps
 * its data; its link is marked deleted, the push stops sending it, and the
 * run's notices and the sync status (`deletedOnPortal`) tell the person.
 */
import { readAll } from "../bitrix24/read-all";
import type { SyncContext } from "./context";
import { entityTypeIdOf } from "./mapping";
import { notice } from "./portal-deletions";
import { REFERENCE_SOURCES } from "./pull";
import type { RecordKind } from "./store";

/** How often ids are walked. */
export const RECONCILE_EVERY_MS = 24 * 3600_000;

async function idsOf(ctx: SyncContext, entityTypeId: number, filter: object): Promise<Set<number>> {
  const ids = new Set<number>();
  const params = { entityTypeId, select: ["id"], filter: { ...filter } };
  for await (const rows of readAll(ctx.client, "crm.item.list", { params })) {
    for (const row of rows) ids.add(Number(row.id));
    ctx.progress({ phase: "reconcile", step: String(entityTypeId), done: ids.size });
  }
  return ids;
}

function dropMissing(ctx: SyncContext, kind: RecordKind, alive: Set<number>): number[] {
  const gone = ctx.store.recordIds(kind).filter((id) => !alive.has(id));
  ctx.store.db
    .transaction(() => {
      for (const id of gone) ctx.store.deleteRecord(kind, id);
    })
    .immediate();
  return gone;
}

export async function reconcileDeletions(ctx: SyncContext): Promise<void> {
  for (const source of REFERENCE_SOURCES) {
    dropMissing(ctx, source.kind, await idsOf(ctx, source.entityTypeId, {}));
  }
  const target = ctx.settings.target;
  const entityTypeId = entityTypeIdOf(target);
  const filter = target.categoryId === null ? {} : { categoryId: target.categoryId };
  const gone = dropMissing(ctx, "item", await idsOf(ctx, entityTypeId, filter));
  ctx.store.db
    .transaction(() => {
      for (const itemId of gone) {
        const link = ctx.store.linkByItem(entityTypeId, itemId);
        if (!link || link.remoteDeleted) continue;
        if (ctx.store.isDeletedContract(link.contractId)) {
          // Deleted on both sides: nothing is left to keep apart.
          ctx.deletions.dropLink(link.contractId);
          continue;
        }
        ctx.store.saveLink({ ...link, remoteDeleted: true });
        notice(
          ctx.run,
          `contract #${link.contractId}`,
          `its portal item ${entityTypeId}/${itemId} was deleted on the portal; the contract ` +
            "keeps its data here and is no longer sent",
        );
      }
    })
    .immediate();
  ctx.run.detail.pulledBy.deleted = gone.length;
}
