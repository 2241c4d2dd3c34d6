/**
 * The relay: what `pacta serve --relay` runs for a firm that installed
 * Pacta as a local app. It registers the portal action, takes the portal's
 * calls (checked against the application token received at install),
 * stores each one before answering HTTP, makes or updates the contract's
 * portal item (desktops get it by their sync), watches the item's stage
 * by polling, and answers the workflow with `bizproc.event.send` once the
 * contract reaches the stage the action waits for. Stored calls survive a
 * restart: the first poll resumes them.
 */

import type { PactaServices } from "../app/services";
import type { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import type { Row } from "../bitrix24/read-all";
import { createLogger } from "../logging/logger";
import { isUnreachable } from "../sync/context";
import { entityTypeIdOf, localStageOf, originFieldOf } from "../sync/mapping";
import { ACTION_CODE, registerAction } from "./activity";
import type { ActionCall, InstallEvent } from "./form";
import { type Invocation, RelayStore } from "./relay-store";
import { InputError, minusDays, readInput } from "./values";

const log = createLogger("relay");

export interface RelayOptions {
  /** Where the portal reaches this relay (https in production). */
  publicUrl: string;
  /** The portal's address; install events from elsewhere are refused. */
  portal: string;
  /** The local app's keys and token endpoint, for installs and token refresh. */
  app: { clientId: string; clientSecret: string; oauthUrl: string } | null;
  /** How often item stages are read (ms). */
  pollMs: number;
}

export interface RelayAnswer {
  status: number;
  body: Record<string, unknown>;
}

const refused = (status: number, error: string): RelayAnswer => ({ status, body: { error } });

export class Relay {
  readonly store: RelayStore;
  private client: Bitrix24Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly s: PactaServices,
    private readonly options: RelayOptions,
  ) {
    this.store = new RelayStore(s.db);
  }

  /** True once the app is installed: a portal connection by OAuth and an application token. */
  get installed(): boolean {
    return this.s.sync.store.connection()?.kind === "oauth" && this.store.hasApplicationToken();
  }

  /** Registers the action when installed, then polls; pending calls resume at once. */
  async start(): Promise<void> {
    if (this.installed) await registerAction(this.portalClient(), this.options.publicUrl);
    else log.warn({}, "relay waits for the app's install event before it registers the action");
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
    await this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** The install event: tokens proved by a real call to our portal, then the action is added. */
  async install(event: InstallEvent): Promise<RelayAnswer> {
    const app = this.options.app;
    if (!app) return refused(503, "the relay was started without --client-id");
    let from: string;
    try {
      from = new URL(event.auth.client_endpoint).origin;
    } catch {
      return refused(400, "auth[client_endpoint] is not a URL");
    }
    if (from !== new URL(this.options.portal).origin) {
      log.warn({ from }, "install event from another portal refused");
      return refused(403, "this relay serves another portal");
    }
    try {
      await this.s.sync.connectOAuth({
        restUrl: `${new URL(this.options.portal).origin}/rest/`,
        oauthUrl: app.oauthUrl,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        accessToken: event.auth.access_token,
        refreshToken: event.auth.refresh_token,
      });
    } catch (error) {
      log.warn({ err: messageOf(error) }, "install event with tokens the portal refused");
      return refused(403, "the portal did not accept the install event's tokens");
    }
    this.store.saveApplicationToken(event.auth.application_token);
    this.client = null;
    const done = await registerAction(this.portalClient(), this.options.publicUrl);
    log.info({ action: done }, "app installed");
    return { status: 200, body: { installed: true, action: done } };
  }

  /** One call of the action: checked, stored once, answered later. */
  receive(call: ActionCall): RelayAnswer {
    if (!this.store.checkApplicationToken(call.auth.application_token)) {
      log.warn(
        { workflow: call.workflow_id, member: call.auth.member_id ?? null },
        "action call with a wrong application token refused",
      );
      return refused(403, "the application token does not match this relay's install");
    }
    if (call.code !== ACTION_CODE) return refused(404, `no action "${call.code}" here`);
    let waitStage: string;
    try {
      waitStage = readInput(call.properties, this.s.sync.store.settings()).waitStage;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return this.refuseInput(call, error.message);
    }
    const id = this.store.insert({
      eventToken: call.event_token,
      workflowId: call.workflow_id,
      code: call.code,
      documentId: call.document_id,
      properties: call.properties,
      waitStage,
      at: new Date().toISOString(),
    });
    if (id === null) {
      log.warn({ workflow: call.workflow_id }, "replayed action call refused");
      return refused(409, "this event token was already received");
    }
    log.info({ invocation: id, workflow: call.workflow_id }, "action call stored");
    void this.tick();
    return { status: 200, body: { received: id } };
  }

  /**
   * Properties that cannot make a contract: the call is kept (a replay is still refused) as
   * failed, and the workflow is told why at once instead of waiting for its own timeout.
   */
  private refuseInput(call: ActionCall, reason: string): RelayAnswer {
    log.warn({ workflow: call.workflow_id, reason }, "action call refused");
    const id = this.store.insert({
      eventToken: call.event_token,
      workflowId: call.workflow_id,
      code: call.code,
      documentId: call.document_id,
      properties: call.properties,
      waitStage: "",
      at: new Date().toISOString(),
    });
    if (id === null) return refused(409, "this event token was already received");
    this.store.failed(id, reason, true);
    this.portalClient()
      .call("bizproc.event.send", {
        EVENT_TOKEN: call.event_token,
        RETURN_VALUES: { ContractId: 0, Stage: "", NoticeDeadline: "" },
        LOG_MESSAGE: `Pacta refused the call: ${reason}`,
      })
      .catch((error: unknown) => {
        log.warn({ invocation: id, err: messageOf(error) }, "could not tell the workflow");
      });
    return refused(400, reason);
  }

  /** One pass over the pending calls; a pass asked for while one runs follows it. */
  tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = this.pass()
      .catch((error: unknown) => log.warn({ err: messageOf(error) }, "relay pass stopped"))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          void this.tick();
        }
      });
    return this.ticking;
  }

  private portalClient(): Bitrix24Client {
    this.client ??= this.s.sync.portalClient();
    return this.client;
  }

  private async pass(): Promise<void> {
    const pending = this.store.pending();
    if (pending.length === 0 || !this.installed) return;
    for (const inv of pending.filter((i) => i.state === "received")) {
      if (!(await this.materialize(inv))) return;
    }
    await this.watch(this.store.pending().filter((i) => i.state === "waiting"));
  }

  /** Creates or updates the contract's portal item; false when the portal is out of reach. */
  private async materialize(inv: Invocation): Promise<boolean> {
    const settings = this.s.sync.store.settings();
    const target = settings.target;
    const entityTypeId = entityTypeIdOf(target);
    try {
      const input = readInput(inv.properties, settings);
      const fields: Record<string, string | number> = { assignedById: input.responsibleId };
      if (input.title) fields.title = input.title;
      const endField = settings.fieldMap.find((f) => f.local === "endDate")?.remote;
      if (endField && input.renewalDate) fields[endField] = input.renewalDate;
      const doc = inv.documentId[2] ?? "";
      const own = documentItem(doc, entityTypeId);
      const client = this.portalClient();
      let itemId = own;
      if (itemId === null) {
        const origin = originFieldOf(target);
        const originId = `pacta-relay:${inv.workflowId}`;
        const found = await client.call<{ items?: Row[] }>("crm.item.list", {
          entityTypeId,
          select: ["id"],
          filter: { [origin]: originId },
          start: -1,
        });
        itemId = Number(found.result.items?.[0]?.id ?? 0) || null;
        if (itemId === null) {
          const deal = /^DEAL_(\d+)$/.exec(doc)?.[1];
          const create: Record<string, string | number> = { ...fields, [origin]: originId };
          if (!fields.title) create.title = `Contrat — ${doc}`;
          if (target.categoryId !== null) create.categoryId = target.categoryId;
          if (deal && entityTypeId !== 2) create.parentId2 = Number(deal);
          const added = await client.call<{ item?: Row }>("crm.item.add", {
            entityTypeId,
            fields: create,
          });
          itemId = Number(added.result.item?.id);
        }
      } else {
        await client.call("crm.item.update", { entityTypeId, id: itemId, fields });
      }
      // TODO(relay): the template and the stage deadlines are kept with the call only; the
      // portal item has no field for them, so desktops do not see them yet.
      this.store.linked(inv.id, entityTypeId, itemId);
      log.info({ invocation: inv.id, entityTypeId, itemId }, "contract item ready");
      return true;
    } catch (error) {
      return this.failed(inv, error);
    }
  }

  /** Reads the stages of the waiting items; answers those at their stage. */
  private async watch(waiting: Invocation[]): Promise<void> {
    const client = this.portalClient();
    const byType = new Map<number, Invocation[]>();
    for (const inv of waiting) {
      const type = inv.entityTypeId ?? 0;
      byType.set(type, [...(byType.get(type) ?? []), inv]);
    }
    for (const [entityTypeId, list] of byType) {
      for (let i = 0; i < list.length; i += 50) {
        const chunk = list.slice(i, i + 50);
        let items: Row[];
        try {
          const answer = await client.call<{ items?: Row[] }>("crm.item.list", {
            entityTypeId,
            select: ["id", "stageId"],
            filter: { "@id": chunk.map((inv) => inv.itemId ?? 0) },
            start: -1,
          });
          items = answer.result.items ?? [];
        } catch (error) {
          if (isUnreachable(error)) return;
          throw error;
        }
        for (const inv of chunk) {
          const item = items.find((r) => Number(r.id) === inv.itemId);
          if (item && item.stageId === inv.waitStage) {
            if (!(await this.answer(inv, String(item.stageId)))) return;
          }
        }
      }
    }
  }

  /**
   * `bizproc.event.send`, then the row is marked answered. A crash between
   * the two sends it again after the restart; the portal refuses a used
   * token (403), which is recorded as answered: the workflow resumed once.
   */
  private async answer(inv: Invocation, stageId: string): Promise<boolean> {
    const settings = this.s.sync.store.settings();
    const input = readInput(inv.properties, settings);
    const values = {
      ContractId: inv.itemId ?? 0,
      Stage: localStageOf(stageId, settings) ?? stageId,
      NoticeDeadline: input.renewalDate ? minusDays(input.renewalDate, input.noticeDays) : "",
    };
    try {
      await this.portalClient().call("bizproc.event.send", {
        EVENT_TOKEN: inv.eventToken,
        RETURN_VALUES: values,
        LOG_MESSAGE: `Pacta: contract ${values.ContractId} reached ${values.Stage}`,
      });
    } catch (error) {
      if (error instanceof Bitrix24Error && error.code === "ACCESS_DENIED") {
        this.store.answered(inv.id, values, new Date().toISOString());
        this.store.failed(inv.id, "the portal no longer accepts this event token", false);
        log.warn({ invocation: inv.id }, "event token refused: answered before, or expired");
        return true;
      }
      return this.failed(inv, error);
    }
    this.store.answered(inv.id, values, new Date().toISOString());
    log.info({ invocation: inv.id, stage: values.Stage }, "workflow answered");
    return true;
  }

  /** Out of reach: kept for the next pass (false stops this one). Refused: failed for good. */
  private failed(inv: Invocation, error: unknown): boolean {
    const message = messageOf(error);
    const final = !isUnreachable(error) && !(error instanceof Bitrix24Error && error.status >= 500);
    this.store.failed(inv.id, message, final);
    log.warn({ invocation: inv.id, err: message, final }, "relay could not go on with a call");
    return !isUnreachable(error);
  }
}

/** `DYNAMIC_1220_5` → 5 when it is an item of the contracts' own type; `DEAL_3` for deals. */
function documentItem(doc: string, entityTypeId: number): number | null {
  const m =
    entityTypeId === 2
      ? /^DEAL_(\d+)$/.exec(doc)
      : new RegExp(`^DYNAMIC_${entityTypeId}_(\\d+)$`).exec(doc);
  return m?.[1] ? Number(m[1]) : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
