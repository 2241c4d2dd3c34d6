/**
 * Pushing: the outbox drained in the order of each contract's first
 * waiting edit, 50 contracts at a time. Contracts not yet on the portal are
 * looked up by origin id (their uid, in `xmlId` or `originId`) before they
 * are created, 50 adds to a `batch`, so a create whose answer was lost — a
 * timeout after the portal saved it, or a crash before we wrote the link —
 * is found instead of made twice. Updates
 * send only the fields changed here since both sides last agreed, in
 * `batch` calls of up to 50; sending one again changes nothing on the
 * portal. An entry leaves the outbox in the transaction that records its
 * outcome, never before.
 */
import type { Contract } from "../../shared/domain/contract";
import { type BatchCommand, type BatchOutcome, batch, MAX_BATCH_COMMANDS } from "../bitrix24/batch";
import { Bitrix24Error } from "../bitrix24/errors";
import type { Row } from "../bitrix24/read-all";
import { isUnreachable, problem, type SyncContext } from "./context";
import {
  entityTypeIdOf,
  localValues,
  originFieldOf,
  remoteValues,
  same,
  toItemFields,
  type Values,
} from "./mapping";
import { sendMessages } from "./messages";
import { itemSelect } from "./pull";

interface Pending {
  contractId: number;
  lastId: number;
  contract: Contract;
}

const itemOf = (result: unknown): Row | null => {
  const item = (result as { item?: unknown } | null)?.item;
  return typeof item === "object" && item !== null ? (item as Row) : null;
};

export async function push(ctx: SyncContext): Promise<void> {
  const queue = ctx.store.pendingContracts();
  let done = 0;
  const created = new Set<Pending>();
  for (let i = 0; i < queue.length; i += MAX_BATCH_COMMANDS) {
    const chunk: Pending[] = [];
    const deleted: { contractId: number; lastId: number }[] = [];
    for (const p of queue.slice(i, i + MAX_BATCH_COMMANDS)) {
      const contract = liveContract(ctx, p.contractId);
      if (contract === null) deleted.push(p);
      else chunk.push({ ...p, contract });
    }
    await deleteOnPortal(ctx, deleted);
    await linkFound(
      ctx,
      chunk.filter((p) => ctx.store.linkOf(p.contractId) === null),
    );
    await createAll(ctx, chunk, created);
    await update(ctx, chunk, created);
    done += chunk.length;
    ctx.progress({ phase: "push", step: "contracts", done });
  }
  // Then the portal notifications the digests queued.
  await sendMessages(ctx);
}

function liveContract(ctx: SyncContext, id: number): Contract | null {
  try {
    return ctx.register.get(id);
  } catch {
    return null;
  }
}

/** Finds items that already carry these contracts' uids, and links them. */
async function linkFound(ctx: SyncContext, chunk: Pending[]): Promise<void> {
  if (chunk.length === 0) return;
  const target = ctx.settings.target;
  const origin = originFieldOf(target);
  const entityTypeId = entityTypeIdOf(target);
  const answer = await ctx.client.call<{ items?: Row[] }>("crm.item.list", {
    entityTypeId,
    select: itemSelect(ctx),
    filter: { [`@${origin}`]: chunk.map((p) => p.contract.uid) },
    order: { id: "ASC" },
    start: -1,
  });
  const items = Array.isArray(answer.result.items) ? answer.result.items : [];
  for (const item of items) {
    const contractId = chunk.find((p) => p.contract.uid === item[origin])?.contractId;
    if (contractId === undefined || ctx.store.linkOf(contractId) !== null) continue;
    ctx.store.saveLink({
      contractId,
      entityTypeId,
      itemId: Number(item.id),
      base: remoteValues(item, ctx.settings),
      remoteUpdatedTime: typeof item.updatedTime === "string" ? item.updatedTime : null,
    });
  }
}

/** The fields of a new portal item for this contract, its uid as origin id included. */
function createFields(ctx: SyncContext, p: Pending): Record<string, string | number | null> {
  const target = ctx.settings.target;
  const fields: Record<string, string | number | null> = {
    ...toItemFields(localValues(p.contract, ctx.settings), ctx.settings),
    [originFieldOf(target)]: p.contract.uid,
  };
  if (target.kind === "deals") fields.originatorId = "pacta";
  if (target.categoryId !== null) fields.categoryId = target.categoryId;
  return fields;
}

/**
 * Creates the chunk's contracts that are not on the portal yet, in one batch
 * of `crm.item.add` commands in outbox order (the portal runs a batch's
 * commands one after another). A batch whose answer was lost (a timeout
 * after the portal may have saved some or all of it) is never sent again
 * blind: the items are looked up by origin id first, and only the ones not
 * found go out once more.
 */
async function createAll(ctx: SyncContext, chunk: Pending[], created: Set<Pending>) {
  const entityTypeId = entityTypeIdOf(ctx.settings.target);
  let todo = chunk.filter((p) => ctx.store.linkOf(p.contractId) === null);
  for (let attempt = 0; todo.length > 0 && attempt < 2; attempt++) {
    const commands: Record<string, BatchCommand> = {};
    for (const p of todo) {
      commands[`n${p.contractId}`] = {
        method: "crm.item.add",
        params: { entityTypeId, fields: createFields(ctx, p) },
      };
    }
    let outcome: BatchOutcome;
    try {
      outcome = await batch(ctx.client, commands);
    } catch (error) {
      if (error instanceof Bitrix24Error && error.maybeCommitted && attempt === 0) {
        await linkFound(ctx, todo);
        todo = todo.filter((p) => ctx.store.linkOf(p.contractId) === null);
        continue;
      }
      refuseAll(ctx, todo, error);
      return;
    }
    for (const p of todo) {
      const key = `n${p.contractId}`;
      const error = outcome.errors[key];
      const item = itemOf(outcome.results[key]);
      if (error || !item) {
        refuse(ctx, p, error ?? new Error("crm.item.add answered without the item"));
        continue;
      }
      ctx.store.db
        .transaction(() => {
          ctx.store.saveLink({
            contractId: p.contractId,
            entityTypeId,
            itemId: Number(item.id),
            // What the portal holds, its defaults included: where they differ from the
            // contract, the update step right after sends the contract's values.
            base: remoteValues(item, ctx.settings),
            remoteUpdatedTime: typeof item.updatedTime === "string" ? item.updatedTime : null,
          });
          ctx.store.sent(p.contractId, p.lastId);
        })
        .immediate();
      ctx.run.pushed += 1;
      created.add(p);
    }
    return;
  }
}

/** Sends what changed here for every linked contract of the chunk, in one batch. */
async function update(ctx: SyncContext, chunk: Pending[], created: Set<Pending>) {
  const commands: Record<string, BatchCommand> = {};
  const sent = new Map<string, { p: Pending; diff: Values }>();
  for (const p of chunk) {
    const link = ctx.store.linkOf(p.contractId);
    if (!link) continue;
    if (link.remoteDeleted) {
      problem(ctx, `contract #${p.contractId}`, new Error("its portal item was deleted"));
      ctx.store.sent(p.contractId, p.lastId);
      continue;
    }
    const local = localValues(p.contract, ctx.settings);
    const open = ctx.store.conflictsOf(p.contractId);
    const diff: Values = {};
    for (const field of Object.keys(local) as (keyof Values)[]) {
      if (field === "stage" && local.stage === null) continue;
      if (!open.has(field) && !same(local[field], link.base[field])) diff[field] = local[field];
    }
    if (Object.keys(diff).length === 0) {
      ctx.store.sent(p.contractId, p.lastId);
      continue;
    }
    const key = `c${p.contractId}`;
    commands[key] = {
      method: "crm.item.update",
      params: {
        entityTypeId: link.entityTypeId,
        id: link.itemId,
        fields: toItemFields(diff, ctx.settings),
      },
    };
    sent.set(key, { p, diff });
  }
  if (sent.size === 0) return;
  const outcome = await batch(ctx.client, commands);
  for (const [key, { p, diff }] of sent) {
    const error = outcome.errors[key];
    const link = ctx.store.linkOf(p.contractId);
    if (!link) continue;
    if (error?.kind === "not-found") {
      ctx.store.db
        .transaction(() => {
          ctx.store.saveLink({ ...link, remoteDeleted: true });
          ctx.store.sent(p.contractId, p.lastId);
        })
        .immediate();
      problem(ctx, `contract #${p.contractId}`, new Error("its portal item was deleted"));
      continue;
    }
    if (error) {
      refuse(ctx, p, error);
      continue;
    }
    const item = itemOf(outcome.results[key]);
    ctx.store.db
      .transaction(() => {
        ctx.store.saveLink({
          ...link,
          base: { ...link.base, ...diff },
          remoteUpdatedTime:
            typeof item?.updatedTime === "string" ? item.updatedTime : link.remoteUpdatedTime,
        });
        ctx.store.sent(p.contractId, p.lastId);
      })
      .immediate();
    if (!created.has(p)) ctx.run.pushed += 1;
  }
}

/**
 * Contracts deleted here: their portal items go too when the person chose so
 * (an outbox entry `deleted`); otherwise their waiting edits are dropped.
 */
async function deleteOnPortal(ctx: SyncContext, queue: { contractId: number; lastId: number }[]) {
  const commands: Record<string, BatchCommand> = {};
  const sent = new Map<string, { contractId: number; lastId: number; itemId: number }>();
  for (const p of queue) {
    const link = ctx.store.linkOf(p.contractId);
    if (!link || !ctx.deletions.wantsPortalDelete(p.contractId)) {
      ctx.store.sent(p.contractId, p.lastId);
      continue;
    }
    const key = `d${p.contractId}`;
    commands[key] = {
      method: "crm.item.delete",
      params: { entityTypeId: link.entityTypeId, id: link.itemId },
    };
    sent.set(key, { ...p, itemId: link.itemId });
  }
  if (sent.size === 0) return;
  let outcome: BatchOutcome;
  try {
    outcome = await batch(ctx.client, commands);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const p of sent.values()) ctx.store.failed(p.contractId, p.lastId, message);
    if (isUnreachable(error)) throw error;
    problem(ctx, "deleting portal items", error);
    return;
  }
  for (const [key, p] of sent) {
    const error = outcome.errors[key];
    // Already gone (deleted there too, or a retry after a lost answer): done all the same.
    if (error && error.kind !== "not-found") {
      ctx.store.failed(p.contractId, p.lastId, error.message);
      problem(ctx, `contract #${p.contractId}`, error);
      continue;
    }
    ctx.store.db
      .transaction(() => {
        ctx.deletions.dropLink(p.contractId);
        ctx.store.deleteRecord("item", p.itemId);
        ctx.store.sent(p.contractId, p.lastId);
      })
      .immediate();
    ctx.run.pushed += 1;
  }
}

/** The whole batch failed: each contract keeps its entry with the reason; unreachable stops. */
function refuseAll(ctx: SyncContext, ps: Pending[], error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  for (const p of ps) ctx.store.failed(p.contractId, p.lastId, message);
  if (isUnreachable(error)) throw error;
  for (const p of ps) problem(ctx, `contract #${p.contractId}`, error);
}

/** The portal is out of reach: stop, the outbox waits. Refused: note it and go on. */
function refuse(ctx: SyncContext, p: Pending, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ctx.store.failed(p.contractId, p.lastId, message);
  if (isUnreachable(error)) throw error;
  problem(ctx, `contract #${p.contractId}`, error);
}
