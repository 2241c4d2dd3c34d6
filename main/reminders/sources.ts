/**
 * Reads what the reminder rules need about contracts: dates and renewal
 * terms, the working-day option, lead times, the open stage's due date and
 * custom dates. Archived and deleted contracts give no source.
 */
import type { Statement } from "better-sqlite3";
import { RENEWAL_KINDS, type RenewalKind } from "../../shared/domain/contract";
import type { ReminderSource } from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import { readLeadDays } from "./store";

interface ContractSourceRow {
  id: number;
  end_date: string | null;
  effective_date: string | null;
  renewal_kind: string;
  renewal_term: string | null;
  notice_period: string | null;
  working_days: number;
}

interface StageRow {
  id: number;
  contract_id: number;
  stage: string;
  due_date: string;
}

interface CustomRow {
  id: number;
  contract_id: number;
  date: string;
  label: string;
}

const CONTRACT_COLUMNS = `id, end_date, effective_date, renewal_kind, renewal_term,
  notice_period, working_days`;

/** Open stages with a due date; the lifecycle keeps one open row per contract. */
const OPEN_STAGES = `SELECT id, contract_id, stage, due_date FROM contract_stages
  WHERE left_at IS NULL AND due_date IS NOT NULL`;

function kindOf(text: string): RenewalKind {
  return (RENEWAL_KINDS as readonly string[]).includes(text) ? (text as RenewalKind) : "none";
}

export class SourceReader {
  private readonly sql: ReturnType<typeof prepare>;
  private stageSql: { one: Statement; all: Statement } | null = null;

  constructor(private readonly db: Db) {
    this.sql = prepare(db);
  }

  /** The contract's source, or null when it is archived, deleted or unknown. */
  one(id: number): ReminderSource | null {
    const row = this.sql.contract.get(id) as ContractSourceRow | undefined;
    if (!row) return null;
    const stages = this.stages();
    const stage = stages ? (stages.one.get(id) as StageRow | undefined) : undefined;
    const settings = this.sql.settings.get(id) as { lead_days: string | null } | undefined;
    const custom = this.sql.custom.all(id) as CustomRow[];
    return toSource(row, settings?.lead_days ?? null, stage ?? null, custom);
  }

  /** Every live contract's source. */
  all(): ReminderSource[] {
    const leads = new Map<number, string>();
    for (const r of this.sql.allSettings.all() as { contract_id: number; lead_days: string }[]) {
      leads.set(r.contract_id, r.lead_days);
    }
    const stageOf = new Map<number, StageRow>();
    const stages = this.stages();
    for (const r of (stages?.all.all() ?? []) as StageRow[]) {
      const known = stageOf.get(r.contract_id);
      if (!known || known.id < r.id) stageOf.set(r.contract_id, r);
    }
    const customOf = new Map<number, CustomRow[]>();
    for (const r of this.sql.allCustom.all() as CustomRow[]) {
      const list = customOf.get(r.contract_id) ?? [];
      list.push(r);
      customOf.set(r.contract_id, list);
    }
    return (this.sql.allContracts.all() as ContractSourceRow[]).map((row) =>
      toSource(
        row,
        leads.get(row.id) ?? null,
        stageOf.get(row.id) ?? null,
        customOf.get(row.id) ?? [],
      ),
    );
  }

  /** Statements on `contract_stages`, once the lifecycle migration has made it. */
  private stages(): { one: Statement; all: Statement } | null {
    if (this.stageSql) return this.stageSql;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_stages'")
      .get();
    if (!exists) return null;
    this.stageSql = {
      one: this.db.prepare(`${OPEN_STAGES} AND contract_id = ? ORDER BY id DESC LIMIT 1`),
      all: this.db.prepare(OPEN_STAGES),
    };
    return this.stageSql;
  }
}

function toSource(
  row: ContractSourceRow,
  leadDays: string | null,
  stage: StageRow | null,
  custom: CustomRow[],
): ReminderSource {
  return {
    contractId: row.id,
    endDate: row.end_date,
    effectiveDate: row.effective_date,
    renewal: { kind: kindOf(row.renewal_kind), term: row.renewal_term, notice: row.notice_period },
    workingDays: row.working_days === 1,
    leadDays: readLeadDays(leadDays),
    stage: stage ? { id: stage.id, stage: stage.stage, dueDate: stage.due_date } : null,
    customDates: custom.map((c) => ({ id: c.id, date: c.date, label: c.label })),
  };
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    contract: s(
      `SELECT ${CONTRACT_COLUMNS} FROM contracts WHERE id = ? AND deleted = 0 AND archived = 0`,
    ),
    allContracts: s(`SELECT ${CONTRACT_COLUMNS} FROM contracts WHERE deleted = 0 AND archived = 0`),
    settings: s("SELECT lead_days FROM contract_reminder_settings WHERE contract_id = ?"),
    allSettings: s(
      `SELECT contract_id, lead_days FROM contract_reminder_settings
       WHERE lead_days IS NOT NULL`,
    ),
    custom: s("SELECT id, contract_id, date, label FROM custom_dates WHERE contract_id = ?"),
    allCustom: s("SELECT id, contract_id, date, label FROM custom_dates"),
  };
}
