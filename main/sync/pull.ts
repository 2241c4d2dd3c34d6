/**
 * Pulling: companies, contacts, deals and users into `portal_records`, then
 * the items that hold contracts, each one compared field by field with its
 * contract. Reads are keyset walks inside `batch` (about N/2500 requests);
 * later pulls ask only for what changed since the last `updatedTime` seen,
 * less an overlap margin, since the portal's clock and same-second updates
 * make the edge fuzzy. Deletions are found by walking the ids now and then.
 */
import { contractInputSchema } from "../../shared/domain/contract";
import { DEFAULT_STAGE_KEY } from "../../shared/domain/stages";
import { type Row, readAll } from "../bitrix24/read-all";
import { fieldsOf } from "../register/rows";
import { problem, type SyncContext } from "./context";
import {
  entityTypeIdOf,
  localStageOf,
  localValues,
  originFieldOf,
  remoteValues,
  same,
  type Values,
  withValues,
} from "./mapping";
import { notice } from "./portal-deletions";
import type { Link, RecordKind } from "./store";

/** How far back an incremental pull reaches before the last `updatedTime` seen. */
export const OVERLAP_MS = 5 * 60_000;

interface Source {
  kind: RecordKind;
  entityTypeId: number;
  select: string[];
  title: (row: Row) => string;
}

const text = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

export const REFERENCE_SOURCES: Source[] = [
  {
    kind: "company",
    entityTypeId: 4,
    select: ["id", "title", "updatedTime", "isMyCompany"],
    title: (r) => text(r.title),
  },
  {
    kind: "contact",
    entityTypeId: 3,
    select: ["id", "name", "lastName", "companyId", "updatedTime"],
    title: (r) => [text(r.name), text(r.lastName)].filter(Boolean).join(" "),
  },
  {
    kind: "deal",
    entityTypeId: 2,
    select: ["id", "title", "companyId", "contactIds", "stageId", "updatedTime"],
    title: (r) => text(r.title),
  },
];

/** `2026-12-04T10:00:00+03:00` moved by `ms`, written in the same offset. */
export function shiftAtom(atom: string, ms: number): string {
  const at = Date.parse(atom);
  const zone = /([+-]\d\d:\d\d|Z)$/.exec(atom)?.[1] ?? "Z";
  if (Number.isNaN(at)) return atom;
  const minutes = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * offsetMinutes(zone);
  const local = new Date(at + ms + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${zone}`;
}

function offsetMinutes(zone: string): number {
  return Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
}

function later(a: string | null, b: unknown): string | null {
  if (typeof b !== "string" || Number.isNaN(Date.parse(b))) return a;
  return a === null || Date.parse(b) > Date.parse(a) ? b : a;
}

/** Walks one list since its cursor, page by page; `each` runs inside one transaction a page. */
async function walk(
  ctx: SyncContext,
  kind: string,
  entityTypeId: number,
  select: string[],
  extraFilter: Record<string, string | number>,
  each: (row: Row) => void,
): Promise<void> {
  const cursor = ctx.store.cursor(kind);
  const filter = {
    ...extraFilter,
    ...(cursor ? { ">=updatedTime": shiftAtom(cursor, -OVERLAP_MS) } : {}),
  };
  let newest = cursor;
  let count = 0;
  const params = { entityTypeId, select, filter };
  for await (const rows of readAll(ctx.client, "crm.item.list", { params })) {
    ctx.store.db
      .transaction(() => {
        for (const row of rows) {
          each(row);
          newest = later(newest, row.updatedTime);
        }
      })
      .immediate();
    count += rows.length;
    ctx.run.pulled += rows.length;
    ctx.run.detail.pulledBy[kind] = count;
    ctx.progress({ phase: "pull", step: kind, done: count });
  }
  ctx.store.setCursor(kind, newest);
}

export async function pullReference(ctx: SyncContext, source: Source): Promise<void> {
  await walk(ctx, source.kind, source.entityTypeId, source.select, {}, (row) => {
    const id = Number(row.id);
    ctx.store.saveRecord(source.kind, id, source.title(row), text(row.updatedTime) || null, row);
  });
}

/** Users are few and have no `updatedTime`: read them whole, 50 a page. */
export async function pullUsers(ctx: SyncContext): Promise<void> {
  let start = 0;
  let count = 0;
  for (;;) {
    const page = await ctx.client.call<Row[]>("user.get", { start });
    const rows = Array.isArray(page.result) ? page.result : [];
    ctx.store.db
      .transaction(() => {
        for (const row of rows) {
          const title = [text(row.NAME), text(row.LAST_NAME)].filter(Boolean).join(" ");
          ctx.store.saveRecord("user", Number(row.ID), title, null, row);
        }
      })
      .immediate();
    count += rows.length;
    ctx.run.pulled += rows.length;
    ctx.run.detail.pulledBy.user = count;
    if (page.next === undefined || rows.length === 0) return;
    start = page.next;
  }
}

export function itemSelect(ctx: SyncContext): string[] {
  const target = ctx.settings.target;
  const fields = new Set(["id", "title", "stageId", "categoryId", "updatedTime", "companyId"]);
  for (const f of ["contactIds", originFieldOf(target)]) fields.add(f);
  if (target.kind === "smartProcess") fields.add("parentId2");
  for (const { remote } of ctx.settings.fieldMap) fields.add(remote);
  return [...fields];
}

/** Pulls the items that hold contracts and brings each contract in line. */
export async function pullItems(ctx: SyncContext): Promise<void> {
  const target = ctx.settings.target;
  const entityTypeId = entityTypeIdOf(target);
  const filter: Record<string, number> =
    target.categoryId === null ? {} : { categoryId: target.categoryId };
  await walk(ctx, "item", entityTypeId, itemSelect(ctx), filter, (row) => {
    try {
      applyItem(ctx, entityTypeId, row);
    } catch (error) {
      problem(ctx, `portal item ${entityTypeId}/${text(row.id)}`, error);
    }
  });
}

/**
 * The item of a contract deleted here: never a new contract again. Kept on
 * the portal by choice, its changes are told (once each), not applied.
 */
function keptItemChanged(
  ctx: SyncContext,
  link: Link,
  remote: Values,
  title: string,
  updated: string | null,
): void {
  if (ctx.deletions.wantsPortalDelete(link.contractId)) return;
  const fields = Object.keys(remote) as (keyof Values)[];
  // Values, not `updatedTime`: two saves in one second share it.
  if (fields.every((f) => same(remote[f], link.base[f]))) return;
  ctx.store.saveLink({ ...link, base: { ...link.base, ...remote }, remoteUpdatedTime: updated });
  notice(
    ctx.run,
    `portal item ${link.entityTypeId}/${link.itemId}`,
    `"${title}" changed on the portal after its contract #${link.contractId} was deleted ` +
      "here and the item kept there; it is no longer synced",
  );
}

function applyItem(ctx: SyncContext, entityTypeId: number, row: Row): void {
  const { store, settings } = ctx;
  const itemId = Number(row.id);
  const updated = text(row.updatedTime) || null;
  const { companyId, contactIds, parentId2, title } = row;
  store.saveRecord("item", itemId, text(title), updated, { companyId, contactIds, parentId2 });
  const remote = remoteValues(row, settings);
  const link = store.linkByItem(entityTypeId, itemId);
  if (link) {
    if (ctx.store.isDeletedContract(link.contractId)) {
      keptItemChanged(ctx, link, remote, text(title), updated);
      return;
    }
    // Not skipped when `updatedTime` is unchanged: two saves in one second share it.
    reconcile(ctx, link, remote, updated);
    return;
  }
  const origin = row[originFieldOf(settings.target)];
  const mine = typeof origin === "string" && origin !== "" ? store.contractByUid(origin) : null;
  if (mine !== null && !store.linkOf(mine)) {
    // Our own create whose answer was lost (a timeout, a crash): link it, nothing to create.
    store.saveLink({
      contractId: mine,
      entityTypeId,
      itemId,
      base: remote,
      remoteUpdatedTime: updated,
    });
    reconcile(ctx, { ...(store.linkOf(mine) as Link) }, remote, updated);
    return;
  }
  createFromPortal(ctx, entityTypeId, itemId, remote, updated, text(title));
}

function createFromPortal(
  ctx: SyncContext,
  entityTypeId: number,
  itemId: number,
  remote: Values,
  updated: string | null,
  title: string,
): void {
  const stage = localStageOf(remote.stage ?? null, ctx.settings) ?? DEFAULT_STAGE_KEY;
  const parsed = contractInputSchema.safeParse({
    ...withValues(contractInputSchema.parse({ title: title || `#${itemId}` }), remote),
    stage,
  });
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`cannot become a contract: ${what}`);
  }
  const contract = ctx.fromPortal(() => ctx.register.create(parsed.data, { source: "Bitrix24" }));
  const base = { ...remote };
  if (base.stage !== undefined && localStageOf(base.stage, ctx.settings) === null) {
    base.stage = localValues(contract, ctx.settings).stage ?? null;
  }
  ctx.store.saveLink({
    contractId: contract.id,
    entityTypeId,
    itemId,
    base,
    remoteUpdatedTime: updated,
  });
  ctx.run.detail.created += 1;
}

/**
 * Three-way, per field: changed only on the portal → taken here; changed
 * only here → left for the push; changed on both sides to different values
 * → a conflict for a person, and neither side is touched.
 */
export function reconcile(ctx: SyncContext, link: Link, remote: Values, updated: string | null) {
  const { store, settings } = ctx;
  const contract = ctx.register.get(link.contractId);
  const local = localValues(contract, settings);
  const open = store.conflictsOf(link.contractId);
  const base: Values = { ...link.base };
  const take: Values = {};
  for (const field of Object.keys(remote) as (keyof Values)[]) {
    const r = remote[field] ?? null;
    // A portal stage the stage map leaves out says nothing about ours: leave the stage be.
    if (field === "stage" && localStageOf(r, settings) === null) continue;
    const b = base[field] ?? null;
    // A local stage the stage map leaves out has not changed, whatever the portal did.
    const l = field === "stage" && local.stage == null ? b : (local[field] ?? null);
    const conflict = open.get(field);
    if (same(l, r)) {
      base[field] = r;
      if (conflict) store.deleteConflict(conflict.id);
    } else if (same(r, b)) {
      // Only our side moved: the push sends it.
    } else if (same(l, b) && !conflict) {
      take[field] = r;
      base[field] = r;
    } else {
      store.saveConflict(link.contractId, field, b, l, r);
      if (!conflict) ctx.run.conflicts += 1;
    }
  }
  if (Object.keys(take).length > 0) applyTaken(ctx, link.contractId, take, base, link.base);
  store.saveLink({ ...link, base, remoteUpdatedTime: updated });
  if (Object.keys(take).length > 0) ctx.run.detail.updated += 1;
}

/** Writes what the portal changed into the contract; what cannot be written stays as it was. */
function applyTaken(ctx: SyncContext, id: number, take: Values, base: Values, old: Values) {
  const contract = ctx.register.get(id);
  const { stage, ...fields } = take;
  if (Object.keys(fields).length > 0) {
    const next = contractInputSchema.safeParse(withValues(fieldsOf(contract), fields));
    if (next.success) ctx.fromPortal(() => ctx.register.update(id, next.data));
    else {
      for (const f of Object.keys(fields) as (keyof Values)[]) base[f] = old[f] ?? null;
      const what = next.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      problem(ctx, `contract #${id}`, new Error(`the portal's values do not fit: ${what}`));
    }
  }
  if (stage !== undefined) {
    const to = localStageOf(stage, ctx.settings);
    if (to === null) {
      base.stage = old.stage ?? null;
      problem(ctx, `contract #${id}`, new Error(`the portal stage "${stage}" maps to no stage`));
    } else if (to !== contract.stage) {
      ctx.fromPortal(() =>
        ctx.lifecycle.move({ contractId: id, to, comment: "Bitrix24", confirmSkip: true }),
      );
    }
  }
}
