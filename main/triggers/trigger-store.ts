/**
 * The triggers' tables (migration 009): the rules, and their firings, an
 * outbox written in the transaction of the change that fired them.
 */
import type { Statement } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import type {
  TriggerAction,
  TriggerFiring,
  TriggerGroup,
  TriggerRule,
} from "../../shared/api/triggers";
import type { Db } from "../db/open";

interface RuleRow {
  id: number;
  name: string;
  enabled: number;
  groups: string;
  actions: string;
  created_at: string;
  updated_at: string;
}

interface FiringRow {
  id: number;
  rule_id: number;
  rule_name: string;
  contract_id: number;
  contract_title: string;
  change: string;
  at: string;
  state: TriggerFiring["state"];
  done: string;
  attempts: number;
  last_error: string | null;
}

/** A change as a firing keeps it, with the rule's actions as they were when it fired. */
export interface Change {
  groups: TriggerGroup[];
  action: string;
  changes: Record<string, [unknown, unknown]>;
  actions: TriggerAction[];
}

const toRule = (r: RuleRow): TriggerRule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled === 1,
  groups: JSON.parse(r.groups) as TriggerGroup[],
  actions: JSON.parse(r.actions) as TriggerAction[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toFiring = (r: FiringRow): TriggerFiring => {
  const change = JSON.parse(r.change) as Change;
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    contractId: r.contract_id,
    contractTitle: r.contract_title,
    groups: change.groups,
    changes: change.changes,
    at: r.at,
    state: r.state,
    done: JSON.parse(r.done) as string[],
    attempts: r.attempts,
    lastError: r.last_error,
  };
};

export class TriggerStore {
  private readonly sql: ReturnType<typeof prepare>;
  /** Enabled rules, read once per change (kept until a rule is saved). */
  private cache: TriggerRule[] | null = null;

  constructor(readonly db: Db) {
    this.sql = prepare(db);
  }

  rules(): TriggerRule[] {
    return (this.sql.rules.all() as RuleRow[]).map(toRule);
  }

  rule(id: number): TriggerRule {
    const row = this.sql.rule.get({ id }) as RuleRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no trigger rule #${id}`);
    return toRule(row);
  }

  enabledRules(): TriggerRule[] {
    this.cache ??= this.rules().filter((r) => r.enabled);
    return this.cache;
  }

  save(id: number | null, rule: Omit<TriggerRule, "id" | "createdAt" | "updatedAt">, at: string) {
    const values = {
      name: rule.name,
      enabled: rule.enabled ? 1 : 0,
      groups: JSON.stringify(rule.groups),
      actions: JSON.stringify(rule.actions),
      at,
    };
    this.cache = null;
    if (id === null) return Number(this.sql.insertRule.run(values).lastInsertRowid);
    this.rule(id);
    this.sql.updateRule.run({ ...values, id });
    return id;
  }

  remove(id: number): void {
    this.rule(id);
    this.cache = null;
    this.sql.deleteRule.run({ id });
  }

  /** Call inside the change's transaction. */
  fire(ruleId: number, contractId: number, change: Change, at: string): void {
    this.sql.fire.run({ ruleId, contractId, change: JSON.stringify(change), at });
  }

  firings(limit: number): TriggerFiring[] {
    return (this.sql.firings.all({ limit }) as FiringRow[]).map(toFiring);
  }

  pending(): TriggerFiring[] {
    return (this.sql.pending.all() as FiringRow[]).map(toFiring);
  }

  count(state: TriggerFiring["state"]): number {
    return (this.sql.count.get({ state }) as { n: number }).n;
  }

  /** Records one more action carried out; its own transaction, right after the portal said yes. */
  markDone(id: number, done: string[]): void {
    this.sql.markDone.run({ id, done: JSON.stringify(done) });
  }

  finish(id: number, state: "done" | "failed", error: string | null, at: string): void {
    this.sql.finish.run({ id, state, error, at });
  }

  attempt(id: number, error: string): void {
    this.sql.attempt.run({ id, error });
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    rules: s("SELECT * FROM trigger_rules ORDER BY id"),
    rule: s("SELECT * FROM trigger_rules WHERE id = @id"),
    insertRule: s(
      `INSERT INTO trigger_rules (name, enabled, groups, actions, created_at, updated_at)
       VALUES (@name, @enabled, @groups, @actions, @at, @at)`,
    ),
    updateRule: s(
      `UPDATE trigger_rules SET name = @name, enabled = @enabled, groups = @groups,
         actions = @actions, updated_at = @at WHERE id = @id`,
    ),
    deleteRule: s("DELETE FROM trigger_rules WHERE id = @id"),
    fire: s(
      `INSERT INTO trigger_firings (rule_id, contract_id, change, at, state)
       VALUES (@ruleId, @contractId, @change, @at, 'pending')`,
    ),
    firings: s(
      `SELECT f.*, r.name AS rule_name, c.title AS contract_title
       FROM trigger_firings f JOIN trigger_rules r ON r.id = f.rule_id
       JOIN contracts c ON c.id = f.contract_id
       ORDER BY f.id DESC LIMIT @limit`,
    ),
    pending: s(
      `SELECT f.*, r.name AS rule_name, c.title AS contract_title
       FROM trigger_firings f JOIN trigger_rules r ON r.id = f.rule_id
       JOIN contracts c ON c.id = f.contract_id
       WHERE f.state = 'pending' ORDER BY f.id`,
    ),
    count: s("SELECT COUNT(*) AS n FROM trigger_firings WHERE state = @state"),
    markDone: s(`UPDATE trigger_firings SET done = @done, last_error = NULL WHERE id = @id`),
    finish: s(
      `UPDATE trigger_firings SET state = @state, last_error = @error, finished_at = @at
       WHERE id = @id`,
    ),
    attempt: s(
      `UPDATE trigger_firings SET attempts = attempts + 1, last_error = @error WHERE id = @id`,
    ),
  };
}
