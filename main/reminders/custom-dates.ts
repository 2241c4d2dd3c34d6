/** Custom dates a person adds to a contract ("bank guarantee expires"), each a reminder. */
import type { Statement } from "better-sqlite3";
import type { CustomDate } from "../../shared/api/reminders";
import { PactaError } from "../../shared/api/result";
import type { Db } from "../db/open";
import type { Schedule } from "./schedule";
import type { ReminderStore } from "./store";

interface CustomRow {
  id: number;
  contract_id: number;
  date: string;
  label: string;
}

function toCustomDate(r: CustomRow): CustomDate {
  return { id: r.id, contractId: r.contract_id, date: r.date, label: r.label };
}

export class CustomDates {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Db,
    private readonly store: ReminderStore,
    private readonly schedule: Schedule,
  ) {
    this.sql = prepare(db);
  }

  list(contractId: number): CustomDate[] {
    this.store.requireContract(contractId);
    return (this.sql.list.all({ contractId }) as CustomRow[]).map(toCustomDate);
  }

  add(input: { contractId: number; date: string; label: string }, now: Date): CustomDate {
    return this.db
      .transaction(() => {
        this.store.requireContract(input.contractId);
        const info = this.sql.insert.run(input);
        this.schedule.syncContract(input.contractId, now);
        const row = this.sql.one.get({ id: Number(info.lastInsertRowid) }) as CustomRow;
        return toCustomDate(row);
      })
      .immediate();
  }

  remove(id: number, now: Date): { id: number } {
    this.db
      .transaction(() => {
        const row = this.sql.one.get({ id }) as CustomRow | undefined;
        if (!row) throw new PactaError("not_found", `there is no custom date #${id}`);
        this.sql.remove.run({ id });
        this.schedule.syncContract(row.contract_id, now);
      })
      .immediate();
    return { id };
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    list: s(
      `SELECT id, contract_id, date, label FROM custom_dates
       WHERE contract_id = @contractId ORDER BY date, id`,
    ),
    one: s("SELECT id, contract_id, date, label FROM custom_dates WHERE id = @id"),
    insert: s(
      `INSERT INTO custom_dates (contract_id, date, label)
       VALUES (@contractId, @date, @label)`,
    ),
    remove: s("DELETE FROM custom_dates WHERE id = @id"),
  };
}
