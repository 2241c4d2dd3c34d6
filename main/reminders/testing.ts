/**
 * Test helpers for the reminder engine: a clock the test moves, services
 * opened (and reopened) on one data folder, contracts with just the dates.
 */
import fs from "node:fs";
import { type ContractInput, contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import type { Db } from "../db/open";
import { tempDataDir } from "../test-support/temp-register";

/** A clock that only moves when the test says so. */
export class TestClock {
  constructor(public at: Date) {}
  readonly now = (): Date => new Date(this.at);
  /** Local date and time. */
  set(y: number, m: number, d: number, hh = 0, mm = 0): void {
    this.at = new Date(y, m - 1, d, hh, mm);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** A local date and time as the ISO instant the schedule stores. */
export function localIso(y: number, m: number, d: number, hh = 9, mm = 0): string {
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

/** One data folder, opened as many times as a test likes (each a separate connection). */
export class TestFolder {
  readonly dir = tempDataDir("pacta-reminders-");
  private readonly opened: PactaServices[] = [];

  open(clock: TestClock): PactaServices {
    const s = openServices({ dataDir: this.dir, actor: "tester", now: clock.now });
    this.opened.push(s);
    return s;
  }

  cleanup(): void {
    for (const s of this.opened.splice(0)) {
      if (s.db.open) s.close();
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export function contract(input: Partial<ContractInput> & { title?: string }) {
  return contractInputSchema.parse({ title: "Contrat de test", ...input });
}

/**
 * Creates a contract without the draft stage's default due date, for tests
 * about the other kinds of reminders.
 */
export function createPlain(s: PactaServices, input: Partial<ContractInput>): number {
  const { id } = s.register.create(contract(input));
  s.lifecycle.assign({ contractId: id, dueDate: null });
  return id;
}

/** The schedule rows of one contract: kind, due date, lead times. */
export function scheduleRows(db: Db, contractId: number) {
  return db
    .prepare(
      `SELECT key, kind, due_date AS dueDate, lead_days AS leadDays, fire_at AS fireAt
       FROM reminder_schedule WHERE contract_id = ? ORDER BY due_date, kind, lead_days DESC`,
    )
    .all(contractId) as {
    key: string;
    kind: string;
    dueDate: string;
    leadDays: number;
    fireAt: string;
  }[];
}
