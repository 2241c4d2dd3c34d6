/**
 * The reminder settings (global and per contract) and the engine's
 * bookkeeping, as stored in SQLite.
 */
import type { Statement } from "better-sqlite3";
import type { ContractReminderSettings } from "../../shared/api/reminders";
import { PactaError } from "../../shared/api/result";
import {
  DEFAULT_FIRE_TIME,
  DEFAULT_LEAD_DAYS,
  fireTimeSchema,
  leadDaysSchema,
  type ReminderSettings,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("reminders");

export const SETTING_KEYS = {
  leadDays: "reminders.leadDays",
  fireTime: "reminders.fireTime",
  workingDays: "reminders.workingDays",
  startAtLogin: "app.startAtLogin",
} as const;

/** The engine's bookkeeping in `reminder_meta`. */
export type MetaKey =
  /** The settings (and time zone) the schedule was built with. */
  | "signature"
  /** The day the schedule's dates are computed for: the day of the last check. */
  | "asOf"
  /** The newest `contracts.updated_at` the schedule has seen. */
  | "mark"
  /** Every schedule row firing at or before this instant has a state. */
  | "floor"
  /** The earliest fire time added below `floor` since the last check. */
  | "pendingFloor";

export class ReminderStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Db) {
    this.sql = prepare(db);
  }

  settings(): ReminderSettings {
    const text = (key: string) =>
      (this.sql.setting.get(key) as { value: string } | undefined)?.value;
    return {
      leadDays: readLeadDays(text(SETTING_KEYS.leadDays)) ?? [...DEFAULT_LEAD_DAYS],
      fireTime: readFireTime(text(SETTING_KEYS.fireTime)),
      workingDays: text(SETTING_KEYS.workingDays) === "1",
      startAtLogin: text(SETTING_KEYS.startAtLogin) === "1",
    };
  }

  /** Writes the given settings; the caller runs it in a transaction. */
  putSettings(change: Partial<ReminderSettings>): void {
    const put = (key: string, value: string) => this.sql.putSetting.run({ key, value });
    if (change.leadDays) put(SETTING_KEYS.leadDays, JSON.stringify(change.leadDays));
    if (change.fireTime) put(SETTING_KEYS.fireTime, change.fireTime);
    if (change.workingDays !== undefined) {
      put(SETTING_KEYS.workingDays, change.workingDays ? "1" : "0");
    }
    if (change.startAtLogin !== undefined) {
      put(SETTING_KEYS.startAtLogin, change.startAtLogin ? "1" : "0");
    }
  }

  meta(key: MetaKey): string | null {
    return (this.sql.meta.get(key) as { value: string } | undefined)?.value ?? null;
  }

  putMeta(key: MetaKey, value: string | null): void {
    if (value === null) this.sql.dropMeta.run(key);
    else this.sql.putMeta.run({ key, value });
  }

  /** Throws not_found unless the contract exists and is not deleted. */
  requireContract(id: number): void {
    if (!this.sql.contract.get(id)) {
      throw new PactaError("not_found", `there is no contract #${id}`);
    }
  }

  contractSettings(contractId: number): ContractReminderSettings {
    this.requireContract(contractId);
    const row = this.sql.contractSettings.get(contractId) as
      | { working_days: number | null; lead_days: string | null }
      | undefined;
    const global = this.settings();
    const workingDays = row?.working_days === null || !row ? null : row.working_days === 1;
    const leadDays = readLeadDays(row?.lead_days ?? undefined);
    return {
      contractId,
      workingDays,
      leadDays,
      effective: {
        workingDays: workingDays ?? global.workingDays,
        leadDays: leadDays ?? global.leadDays,
      },
    };
  }

  /** Writes a contract's own options; the caller runs it in a transaction. */
  putContractSettings(
    contractId: number,
    workingDays: boolean | null,
    leadDays: number[] | null,
  ): void {
    this.requireContract(contractId);
    if (workingDays === null && leadDays === null) {
      this.sql.dropContractSettings.run(contractId);
      return;
    }
    this.sql.putContractSettings.run({
      id: contractId,
      workingDays: workingDays === null ? null : workingDays ? 1 : 0,
      leadDays: leadDays === null ? null : JSON.stringify(leadDays),
    });
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    setting: s("SELECT value FROM settings WHERE key = ?"),
    putSetting: s(
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    meta: s("SELECT value FROM reminder_meta WHERE key = ?"),
    putMeta: s(
      `INSERT INTO reminder_meta (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    dropMeta: s("DELETE FROM reminder_meta WHERE key = ?"),
    contract: s("SELECT id FROM contracts WHERE id = ? AND deleted = 0"),
    contractSettings: s(
      "SELECT working_days, lead_days FROM contract_reminder_settings WHERE contract_id = ?",
    ),
    putContractSettings: s(
      `INSERT INTO contract_reminder_settings (contract_id, working_days, lead_days)
       VALUES (@id, @workingDays, @leadDays)
       ON CONFLICT (contract_id) DO UPDATE SET
         working_days = excluded.working_days, lead_days = excluded.lead_days`,
    ),
    dropContractSettings: s("DELETE FROM contract_reminder_settings WHERE contract_id = ?"),
  };
}

/** Lead times as stored (JSON); null when absent or unreadable. */
export function readLeadDays(text: string | undefined | null): number[] | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    log.warn({ text, err: error }, "unreadable lead times ignored");
    return null;
  }
  const parsed = leadDaysSchema.safeParse(raw);
  if (!parsed.success) log.warn({ text }, "invalid lead times ignored");
  return parsed.success ? parsed.data : null;
}

function readFireTime(text: string | undefined): string {
  if (text === undefined) return DEFAULT_FIRE_TIME;
  const parsed = fireTimeSchema.safeParse(text);
  if (!parsed.success) log.warn({ text }, "invalid fire time ignored");
  return parsed.success ? parsed.data : DEFAULT_FIRE_TIME;
}
