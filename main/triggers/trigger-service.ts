/**
 * Triggers: rules that act when a contract's terms, conditions, value,
 * dates or stage change (groups in shared/api/triggers.ts). A change fires
 * each matching rule once: the firing is written in the transaction of the
 * change itself (a register write hook), offline or not. Firings are
 * carried out when the portal is reachable, after each sync and on a timer,
 * one action at a time; each action done is recorded at once, so a retry
 * skips it.
 *
 * A crash after the portal did an action and before it was recorded makes
 * the retry do it again. Where the portal allows, that is harmless: a
 * comment carries a marker and is looked for before it is added again; a
 * notification carries a TAG, and the portal replaces an older one with the
 * same TAG; a stage move and a push are idempotent. Starting a workflow is
 * not: each try records the workflows of that template already running on
 * the item before it asks the portal, and a retry looks for one that was not.
 */
import { PactaError } from "../../shared/api/result";
import {
  FIELD_GROUPS,
  type TriggerAction,
  type TriggerFiring,
  type TriggerGroup,
  type TriggerRule,
  type TriggerRuleInput,
  triggerRuleInputSchema,
} from "../../shared/api/triggers";
import type { HistoryEntry } from "../../shared/domain/contract";
import type { Bitrix24Client } from "../bitrix24/client";
import type { Db } from "../db/open";
import { stageNames } from "../lifecycle/stage-names";
import { createLogger } from "../logging/logger";
import type { ContractRegister } from "../register/register";
import { isUnreachable } from "../sync/context";
import type { SyncService } from "../sync/sync-service";
import type { Documents } from "../templates/documents";
import { type ActionContext, performAction, WaitError } from "./actions";
import { summary, trimmed } from "./summary";
import { type Change, TriggerStore } from "./trigger-store";

const log = createLogger("triggers");

/** History actions that are changes a rule may watch (imports are left out: see README). */
const WATCHED = new Set<HistoryEntry["action"]>(["updated", "moved", "document"]);

export interface TriggerCounts {
  done: number;
  pending: number;
  failed: number;
}

export interface TriggerDeps {
  sync: SyncService;
  documents: Documents;
  actor: string;
  now: () => Date;
}

/** The groups a set of changed fields touches. */
export function groupsOf(changes: Record<string, [unknown, unknown]>): TriggerGroup[] {
  const groups = new Set<TriggerGroup>();
  for (const field of Object.keys(changes)) {
    const g = FIELD_GROUPS[field];
    if (g) groups.add(g);
  }
  return [...groups];
}

export class TriggerService {
  readonly store: TriggerStore;
  private running: Promise<TriggerCounts> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The last run stopped because the portal was out of reach. */
  portalUnreachable = false;

  constructor(
    private readonly db: Db,
    private readonly register: ContractRegister,
    private readonly deps: TriggerDeps,
  ) {
    this.store = new TriggerStore(db);
    register.onWrite((id, action, changes) => this.record(id, action, changes));
    // After every sync's push: what waited for the portal goes now.
    deps.sync.addStep(async () => {
      await this.run();
    });
  }

  /** In the change's transaction: one firing per matching, enabled rule. */
  private record(id: number, action: HistoryEntry["action"], changes: Change["changes"]): void {
    if (!WATCHED.has(action)) return;
    const groups = groupsOf(changes);
    if (groups.length === 0) return;
    const at = this.deps.now().toISOString();
    for (const rule of this.store.enabledRules()) {
      const hit = rule.groups.filter((g) => groups.includes(g));
      if (hit.length === 0) continue;
      const change = { groups: hit, action, changes: trimmed(changes), actions: rule.actions };
      this.store.fire(rule.id, id, change, at);
    }
  }

  list(): TriggerRule[] {
    return this.store.rules();
  }

  save(id: number | null, input: TriggerRuleInput): TriggerRule {
    const rule = triggerRuleInputSchema.parse(input);
    const saved = this.store.save(id, rule, this.deps.now().toISOString());
    return this.store.rule(saved);
  }

  remove(id: number): { id: number } {
    this.store.remove(id);
    return { id };
  }

  firings(limit = 50): TriggerFiring[] {
    // `attempt:` entries are this service's own bookkeeping of tries, not actions done.
    return this.store
      .firings(limit)
      .map((f) => ({ ...f, done: f.done.filter((d) => !d.startsWith("attempt:")) }));
  }

  counts(): TriggerCounts {
    return {
      done: this.store.count("done"),
      pending: this.store.count("pending"),
      failed: this.store.count("failed"),
    };
  }

  /** Carries out waiting firings; a call while a run goes on gets that run. */
  run(): Promise<TriggerCounts> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /**
   * Runs waiting firings every `everyMs` (the doors that stay up call this:
   * `pacta serve` and the desktop app).
   */
  startAuto(everyMs = 60_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.run(), everyMs);
    this.timer.unref();
  }

  stopAuto(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async runOnce(): Promise<TriggerCounts> {
    this.portalUnreachable = false;
    const pending = this.store.pending();
    if (pending.length === 0 || !this.deps.sync.store.connection()) return this.counts();
    let client: Bitrix24Client;
    try {
      client = this.deps.sync.portalClient();
    } catch (error) {
      log.warn({ err: messageOf(error) }, "triggers wait: no portal client");
      return this.counts();
    }
    for (const firing of pending) {
      try {
        await this.carryOut(client, firing);
        this.store.finish(firing.id, "done", null, this.deps.now().toISOString());
        log.info({ firing: firing.id, rule: firing.ruleId }, "trigger done");
      } catch (error) {
        const message = messageOf(error);
        if (isUnreachable(error)) {
          this.store.attempt(firing.id, message);
          this.portalUnreachable = true;
          log.info({ firing: firing.id }, "portal out of reach; triggers wait");
          break;
        }
        if (error instanceof WaitError) {
          this.store.attempt(firing.id, message);
          continue;
        }
        this.store.finish(firing.id, "failed", message, this.deps.now().toISOString());
        log.warn({ firing: firing.id, err: message }, "trigger refused by the portal");
      }
    }
    return this.counts();
  }

  /** The comment, in the language the Bitrix24 settings name for the portal. */
  private summaryOf(title: string, change: Change, marker: string): string {
    const language = this.deps.sync.store.settings().portalLanguage ?? "fr";
    return summary(title, change, marker, stageNames(this.db, language), language);
  }

  private async carryOut(client: Bitrix24Client, firing: TriggerFiring): Promise<void> {
    const change = this.changeOf(firing);
    const done = [...firing.done];
    const marker = `[Pacta #${firing.id}]`;
    const ctx: ActionContext = {
      client,
      sync: this.deps.sync,
      contract: this.register.get(firing.contractId),
      link: this.deps.sync.store.linkOf(firing.contractId),
      documents: this.deps.documents,
      actor: this.deps.actor,
      text: this.summaryOf(firing.contractTitle, change, marker),
      marker,
      tag: `pacta-trigger-${firing.id}`,
      done: (key: string) => {
        done.push(key);
        this.store.markDone(firing.id, done);
      },
      isDone: (key: string) => done.includes(key),
      attempt: (key: string, seen: string) => {
        const rest = done.filter((d) => !d.startsWith(`attempt:${key}@`));
        done.splice(0, done.length, ...rest, `attempt:${key}@${seen}`);
        this.store.markDone(firing.id, done);
      },
      attemptOf: (key: string) => {
        const entry = done.find((d) => d.startsWith(`attempt:${key}@`));
        return entry ? entry.slice(`attempt:${key}@`.length) : null;
      },
    };
    for (const [i, action] of change.actions.entries()) {
      await performAction(ctx, action as TriggerAction, String(i));
    }
  }

  private changeOf(firing: TriggerFiring): Change {
    const row = this.store.db
      .prepare("SELECT change FROM trigger_firings WHERE id = @id")
      .get({ id: firing.id }) as { change: string } | undefined;
    if (!row) throw new PactaError("not_found", `there is no trigger firing #${firing.id}`);
    return JSON.parse(row.change) as Change;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
