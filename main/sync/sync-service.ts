/**
 * Bitrix24 sync for every door: connect (webhook or OAuth), settings, one
 * sync at a time (pull, then push), automatic syncs on an interval, the
 * conflicts a person resolves, and what a contract is linked to. The
 * register's writes reach the outbox through a hook that runs in their own
 * transaction, so an edit and its outbox entry are saved together or not
 * at all.
 *
 * The connection itself (connect, check, clients, OAuth sign-in) is in
 * connection.ts; the portal's schema is read in portal-schema.ts.
 */

import { PactaError } from "../../shared/api/result";
import type {
  ConflictField,
  ConflictView,
  ConnectionInfo,
  PortalLink,
  PortalSchema,
  SyncProgress,
  SyncRun,
  SyncSettings,
  SyncStatus,
  SyncTarget,
} from "../../shared/api/sync";
import type { HistoryEntry } from "../../shared/domain/contract";
import type { Bitrix24Client, Bitrix24ClientOptions } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import type { Db } from "../db/open";
import type { Lifecycle } from "../lifecycle/lifecycle";
import { createLogger } from "../logging/logger";
import type { ContractRegister } from "../register/register";
import { PortalConnection } from "./connection";
import { isUnreachable, problem, type SyncContext } from "./context";
import { RECONCILE_EVERY_MS, reconcileDeletions } from "./deletions";
import { entityTypeIdOf } from "./mapping";
import type { OAuthSignIn } from "./oauth-connect";
import { type PortalChoice, PortalDeletions } from "./portal-deletions";
import { readPortalSchema } from "./portal-schema";
import { pullItems, pullReference, pullUsers, REFERENCE_SOURCES } from "./pull";
import { push } from "./push";
import { resolveConflict } from "./resolve";
import type { PortalSecret, SecretCipher } from "./secrets";
import { pullStageNames, stageNames } from "./stage-names";
import { SyncStore } from "./store";

const log = createLogger("sync");

/** History actions whose changes go to the portal. */
const PUSHED = new Set<HistoryEntry["action"]>(["created", "updated", "imported", "moved"]);

/** Another feature's part of every sync (workflow tasks…), run after the push. */
export type SyncStep = (ctx: SyncContext) => Promise<void>;

export interface SyncServiceOptions {
  dataDir: string;
  /** Electron's `safeStorage`, when the door has one. */
  cipher?: SecretCipher | null;
  /** Limits, retries and timeouts of the REST client (tests make them short). */
  client?: Omit<Bitrix24ClientOptions, "auth">;
  now?: () => Date;
}

export class SyncService {
  readonly store: SyncStore;
  private readonly deletions: PortalDeletions;
  /** OAuth from scratch: authorize page, code on a loopback listener, tokens, connect. */
  readonly signIn: OAuthSignIn;
  private readonly connection: PortalConnection;
  private readonly now: () => Date;
  private quiet = 0;
  private running: Promise<SyncRun> | null = null;
  private answersWaiting: () => number = () => 0;
  private progress: SyncProgress | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly steps: SyncStep[] = [];

  constructor(
    db: Db,
    private readonly register: ContractRegister,
    private readonly lifecycle: Lifecycle,
    options: SyncServiceOptions,
  ) {
    this.store = new SyncStore(db);
    this.deletions = new PortalDeletions(db);
    this.now = options.now ?? (() => new Date());
    this.connection = new PortalConnection(this.store, { ...options, now: this.now });
    this.signIn = this.connection.signIn;
    register.onWrite((contractId, action) => {
      if (this.quiet === 0 && PUSHED.has(action)) {
        // The time is read only when a portal is connected: an import writes 100,000 rows.
        this.store.enqueue(contractId, action, () => this.now().toISOString());
      }
    });
    register.onBatch({ begin: () => this.store.beginBatch(), end: () => this.store.endBatch() });
  }

  /** Adds a step to every sync, after the push, in the order added. */
  addStep(step: SyncStep): void {
    this.steps.push(step);
  }

  /** A REST client on the connected portal, for features outside the sync. */
  portalClient(): Bitrix24Client {
    return this.client();
  }

  /** Runs a write that came from the portal, so that it does not go back out. */
  fromPortal<T>(write: () => T): T {
    this.quiet += 1;
    try {
      return write();
    } finally {
      this.quiet -= 1;
    }
  }

  /** Tells the status how many workflow-task answers wait (the bizproc service does). */
  countAnswersWith(count: () => number): void {
    this.answersWaiting = count;
  }

  status(): SyncStatus {
    return {
      connection: this.store.connection(),
      settings: this.store.settings(),
      running: this.running !== null,
      progress: this.progress,
      lastRun: this.store.lastRun(),
      pending: this.store.pendingCount(),
      pendingAnswers: this.answersWaiting(),
      openConflicts: this.store.conflictCount(),
      deletedOnPortal: this.deletions.goneOnPortal(),
    };
  }

  /**
   * Deletes a contract here and, for a linked one, does on the portal what the person
   * chose (see portal-deletions.ts), in the deletion's own transaction.
   */
  removeContract(id: number, portal?: PortalChoice): void {
    this.register.get(id);
    const link = this.store.connection() ? this.store.linkOf(id) : null;
    const live = link !== null && !link.remoteDeleted;
    if (live && portal === undefined) {
      throw new PactaError(
        "confirmation_required",
        `contract #${id} is linked to portal item ${link.entityTypeId}/${link.itemId}: ` +
          "choose to delete that item too, or to keep it on the portal",
      );
    }
    this.store.db
      .transaction(() => {
        this.register.remove(id);
        if (live && portal === "delete")
          this.store.enqueue(id, "deleted", this.now().toISOString());
        // Gone on the portal already: nothing is left to link.
        if (link?.remoteDeleted) this.deletions.dropLink(id);
      })
      .immediate();
    if (link) log.info({ contract: id, portal: portal ?? "gone" }, "linked contract deleted");
  }

  async connectWebhook(url: string): Promise<ConnectionInfo> {
    return this.connection.connectWebhook(url);
  }

  /** OAuth with tokens in hand (from `signIn`, or an installed app's install callback). */
  async connectOAuth(
    input: Omit<PortalSecret & { kind: "oauth" }, "kind">,
  ): Promise<ConnectionInfo> {
    return this.connection.connectOAuth(input);
  }

  disconnect(): SyncStatus {
    this.connection.disconnect();
    return this.status();
  }

  saveSettings(next: SyncSettings): SyncSettings {
    const stages = new Set(this.lifecycle.pipeline.list().map((s) => s.key));
    const unknown = Object.keys(next.stageMap).filter((k) => !stages.has(k));
    if (unknown.length > 0) {
      const message = `there is no stage ${unknown.map((k) => `"${k}"`).join(", ")}`;
      throw new PactaError("invalid_argument", message, [{ path: ["stageMap"], message }]);
    }
    const before = this.store.settings();
    this.store.db
      .transaction(() => {
        if (!sameTarget(before.target, next.target)) this.connection.startOver();
        else if (JSON.stringify(before.fieldMap) !== JSON.stringify(next.fieldMap)) {
          // Newly mapped fields need every item read again.
          this.store.setCursor("item", null);
        }
        this.store.saveSettings(next);
      })
      .immediate();
    return this.store.settings();
  }

  /** Starts a sync in the background; false when one is already running. */
  start(): { started: boolean } {
    if (this.running) return { started: false };
    if (!this.store.connection()) {
      throw new PactaError("not_connected", "connect to a Bitrix24 portal first");
    }
    this.run().catch((error: unknown) => log.error({ err: error }, "sync failed to start"));
    return { started: true };
  }

  /** One sync: pull, then push. A second call while one runs gets the same run. */
  run(): Promise<SyncRun> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = null;
        this.progress = null;
      });
    }
    return this.running;
  }

  /** Syncs every `intervalMinutes` while connected; the door calls this once. */
  startAuto(checkEveryMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const { connection, settings, lastRun } = this.status();
      if (!connection || settings.intervalMinutes === 0 || this.running) return;
      // The first automatic sync comes one interval after connecting, not at once.
      const last = Date.parse(lastRun?.startedAt ?? connection.connectedAt);
      if (this.now().getTime() - last >= settings.intervalMinutes * 60_000) this.start();
    }, checkEveryMs);
    this.timer.unref();
  }

  stopAuto(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async portalSchema(wanted?: SyncTarget): Promise<PortalSchema> {
    const client = this.client();
    return readPortalSchema(client, wanted ?? this.store.settings().target);
  }

  conflicts(): ConflictView[] {
    const names = stageNames(this.store);
    const label = (v: unknown) => (typeof v === "string" ? (names[v] ?? null) : null);
    return this.store.allConflicts().map((r) => {
      const [base, mine, theirs] = [r.base, r.mine, r.theirs].map((v) => JSON.parse(v));
      const view: ConflictView = {
        id: r.id,
        contractId: r.contract_id,
        contractTitle: r.title,
        field: r.field as ConflictField,
        base,
        mine,
        theirs,
        detectedAt: r.detected_at,
      };
      if (r.field === "stage") {
        view.labels = { base: label(base), mine: label(mine), theirs: label(theirs) };
      }
      return view;
    });
  }

  resolve(conflictId: number, keep: "mine" | "theirs"): ConflictView[] {
    resolveConflict(this.syncParts(), conflictId, keep, this.now().toISOString());
    return this.conflicts();
  }

  contractLink(contractId: number): PortalLink | null {
    this.register.get(contractId);
    const link = this.store.linkOf(contractId);
    if (!link) return null;
    const item = this.store.record("item", link.itemId);
    const data = item?.data ?? {};
    const titled = (kind: "company" | "deal", id: unknown) => {
      const n = Number(id);
      const r = n > 0 ? this.store.record(kind, n) : null;
      return r ? { id: n, title: r.title } : null;
    };
    const contactIds = Array.isArray(data.contactIds) ? data.contactIds : [];
    const isDeal = link.entityTypeId === 2;
    return {
      entityTypeId: link.entityTypeId,
      itemId: link.itemId,
      itemTitle: item?.title ?? null,
      deleted: link.remoteDeleted,
      company: titled("company", data.companyId),
      contacts: contactIds.flatMap((id) => {
        const r = this.store.record("contact", Number(id));
        return r ? [{ id: Number(id), name: r.title }] : [];
      }),
      deal: isDeal ? { id: link.itemId, title: item?.title ?? "" } : titled("deal", data.parentId2),
      portal: this.store.connection()?.portal ?? null,
    };
  }

  private syncParts() {
    return {
      store: this.store,
      deletions: this.deletions,
      register: this.register,
      lifecycle: this.lifecycle,
      settings: this.store.settings(),
      fromPortal: <T>(write: () => T) => this.fromPortal(write),
    };
  }

  private async runOnce(): Promise<SyncRun> {
    const client = this.client();
    const startedAt = this.now().toISOString();
    this.store.lock(process.pid, startedAt);
    try {
      return await this.sync(client, startedAt);
    } finally {
      this.store.unlock(process.pid);
    }
  }

  private async sync(client: Bitrix24Client, startedAt: string): Promise<SyncRun> {
    const run: SyncRun = {
      id: this.store.startRun(startedAt),
      startedAt,
      finishedAt: null,
      state: "running",
      pulled: 0,
      pushed: 0,
      conflicts: 0,
      errors: 0,
      detail: { pulledBy: {}, created: 0, updated: 0, problems: [], notices: [] },
    };
    const ctx: SyncContext = {
      ...this.syncParts(),
      client,
      run,
      progress: (p) => {
        this.progress = p;
      },
    };
    log.info({ run: run.id, portal: client.origin }, "sync started");
    try {
      this.progress = { phase: "pull", step: "company", done: 0 };
      // In parallel: with OAuth, their expired-token answers share one refresh.
      await settled([
        ...REFERENCE_SOURCES.map((source) => pullReference(ctx, source)),
        pullUsers(ctx).catch((error: unknown) => {
          if (!(error instanceof Bitrix24Error && error.kind === "forbidden")) throw error;
          problem(ctx, "users", error);
        }),
      ]);
      // A first, whole pull has just seen every id: no deletions to look for yet.
      const whole = this.store.cursor("item") === null;
      await pullItems(ctx);
      await pullStageNames(ctx);
      if (whole) this.store.setCursor("reconciledAt", this.now().toISOString());
      else if (this.reconcileDue()) {
        await reconcileDeletions(ctx);
        this.store.setCursor("reconciledAt", this.now().toISOString());
      }
      await push(ctx);
      for (const step of this.steps) await step(ctx);
      run.state = "done";
    } catch (error) {
      run.state = isUnreachable(error) ? "offline" : "failed";
      problem(ctx, "sync", error);
      log.warn({ run: run.id, state: run.state, err: messageOf(error) }, "sync stopped");
    }
    run.finishedAt = this.now().toISOString();
    this.store.finishRun(run);
    log.info({ run: run.id, state: run.state, pulled: run.pulled, pushed: run.pushed }, "sync");
    return run;
  }

  private reconcileDue(): boolean {
    const last = this.store.cursor("reconciledAt");
    return last === null || this.now().getTime() - Date.parse(last) >= RECONCILE_EVERY_MS;
  }

  private client(): Bitrix24Client {
    return this.connection.client();
  }
}

function sameTarget(a: SyncTarget, b: SyncTarget): boolean {
  return entityTypeIdOf(a) === entityTypeIdOf(b) && a.categoryId === b.categoryId;
}

/** Waits for all; then fails with the first failure, so none is left running. */
async function settled(work: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
