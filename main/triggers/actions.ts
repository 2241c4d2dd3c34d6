/**
 * What each trigger action does on the portal. Every action records
 * itself done (`ctx.done(key)`) as soon as the portal said yes; a retry
 * skips what is recorded.
 */
import type { TriggerAction } from "../../shared/api/triggers";
import type { Contract } from "../../shared/domain/contract";
import type { Bitrix24Client } from "../bitrix24/client";
import { documentIdOf, listWorkflowInstances, startWorkflow } from "../bizproc/workflows";
import { renderContractPdf } from "../pdf/contract-pdf";
import type { Link } from "../sync/store";
import type { SyncService } from "../sync/sync-service";
import type { Documents } from "../templates/documents";

/** Not possible yet (the contract is not on the portal): the firing waits, later ones go on. */
export class WaitError extends Error {
  override name = "WaitError";
}

export interface ActionContext {
  client: Bitrix24Client;
  sync: SyncService;
  contract: Contract;
  link: Link | null;
  documents: Documents;
  actor: string;
  /** The change in words, ending with `marker`. */
  text: string;
  marker: string;
  /** The notification TAG of this firing. */
  tag: string;
  done(key: string): void;
  isDone(key: string): boolean;
  /** Records, before the portal is asked, that action `key` is tried, with what it saw. */
  attempt(key: string, seen: string): void;
  /** What the last try of action `key` saw, if it was tried: a retry after a crash. */
  attemptOf(key: string): string | null;
}

/** The ids of the workflows of this template running on the document. */
async function runningOf(
  ctx: ActionContext,
  documentId: ReturnType<typeof documentIdOf>,
  templateId: number,
): Promise<string[]> {
  const running = await listWorkflowInstances(ctx.client, { documentId });
  return running.filter((w) => w.templateId === templateId).map((w) => w.id);
}

function linked(ctx: ActionContext): Link {
  if (!ctx.link || ctx.link.remoteDeleted) {
    throw new WaitError(
      `contract #${ctx.contract.id} is not on the portal yet; it waits for a sync`,
    );
  }
  return ctx.link;
}

/** `deal` or `dynamic_1220`, as `crm.timeline.comment.add` names an owner. */
function ownerType(entityTypeId: number): string {
  return entityTypeId === 2 ? "deal" : `dynamic_${entityTypeId}`;
}

function pdfName(title: string): string {
  const base = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: they have no place in a file name.
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .trim()
    .slice(0, 80);
  return `${base || "contrat"}.pdf`;
}

export async function performAction(
  ctx: ActionContext,
  action: TriggerAction,
  key: string,
): Promise<void> {
  if (ctx.isDone(key)) return;
  switch (action.kind) {
    case "push":
      // The sync's outbox sends the change; once it left the outbox, it is pushed.
      if (ctx.sync.store.pendingContracts().some((p) => p.contractId === ctx.contract.id)) {
        if (!ctx.sync.status().running) ctx.sync.start();
        throw new WaitError(`contract #${ctx.contract.id} waits in the outbox for the sync`);
      }
      break;
    case "moveStage": {
      const link = linked(ctx);
      await ctx.client.call("crm.item.update", {
        entityTypeId: link.entityTypeId,
        id: link.itemId,
        fields: { stageId: action.stageId },
      });
      break;
    }
    case "startWorkflow": {
      const link = linked(ctx);
      const documentId = documentIdOf(link.entityTypeId, link.itemId);
      // A try that died after the portal started it, before "done" was written, left a
      // workflow that was not running before it. (The portal lists running workflows
      // only: one that has already ended cannot be told from none, and starts again.)
      const running = await runningOf(ctx, documentId, action.templateId);
      const before = ctx.attemptOf(key);
      if (before !== null) {
        const seen = new Set(JSON.parse(before) as string[]);
        if (running.some((id) => !seen.has(id))) break;
      }
      ctx.attempt(key, JSON.stringify(running));
      await startWorkflow(ctx.client, {
        templateId: action.templateId,
        documentId,
        parameters: action.parameters,
      });
      break;
    }
    case "comment":
      await comment(ctx, action.attachPdf);
      break;
    case "notify":
      for (const userId of action.userIds) {
        const part = `${key}:${userId}`;
        if (ctx.isDone(part)) continue;
        // A TAG makes a repeat after a crash replace the first notice instead of adding one.
        await ctx.client.call("im.notify", {
          USER_ID: userId,
          MESSAGE: ctx.text,
          TYPE: "SYSTEM",
          TAG: `${ctx.tag}-${userId}`,
          CLIENT_ID: "pacta",
        });
        ctx.done(part);
      }
      break;
  }
  ctx.done(key);
}

/** A timeline comment, unless one with this firing's marker is already there. */
async function comment(ctx: ActionContext, attachPdf: boolean): Promise<void> {
  const link = linked(ctx);
  const owner = { ENTITY_ID: link.itemId, ENTITY_TYPE: ownerType(link.entityTypeId) };
  const listed = await ctx.client.call<unknown>("crm.timeline.comment.list", {
    filter: owner,
    select: ["ID", "COMMENT"],
  });
  const rows = Array.isArray(listed.result) ? (listed.result as { COMMENT?: unknown }[]) : [];
  if (rows.some((r) => typeof r.COMMENT === "string" && r.COMMENT.includes(ctx.marker))) return;
  const fields: Record<string, string | number | string[][]> = { ...owner, COMMENT: ctx.text };
  if (attachPdf) {
    const pdf = await renderContractPdf({
      contract: ctx.contract,
      document: ctx.documents.get(ctx.contract.id),
      language: "fr",
      author: ctx.actor,
    });
    // Timeline files are [name, base64] pairs (BITRIX24.md section 8).
    fields.FILES = [[pdfName(ctx.contract.title), pdf.bytes.toString("base64")]];
  }
  await ctx.client.call("crm.timeline.comment.add", { fields });
}
