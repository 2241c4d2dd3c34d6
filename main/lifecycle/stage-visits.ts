/**
 * A contract's visits to stages (`contract_stages`) and its moves
 * (`stage_moves`): the statements the register and the lifecycle share,
 * prepared once. They run inside the caller's transaction.
 *
 * Every new visit marks its contract in `reminder_dirty`, so the next scan
 * recomputes its "stage due" reminders (a trigger did this before
 * migration 004; updates and deletes of visits still mark by trigger).
 */
import type { Statement } from "better-sqlite3";
import { ChunkedInsert } from "../db/chunked-insert";
import type { Db } from "../db/open";

export interface MoveRecord {
  contractId: number;
  from: string;
  to: string;
  at: string;
  actor: string;
  comment: string | null;
  skipped: string[];
}

export class StageVisits {
  private readonly sql: ReturnType<typeof prepare>;
  /** Contracts to mark at the end of a batch; null marks each one at once. */
  private pendingMarks: number[] | null = null;
  /** The first visits of imported contracts: held in a batch (see `deferMarks`). */
  private readonly undatedStarts: ChunkedInsert;

  constructor(db: Db) {
    this.sql = prepare(db);
    this.undatedStarts = new ChunkedInsert(
      db,
      "INSERT INTO contract_stages (contract_id, stage, entered_at)",
      3,
    );
  }

  /**
   * From now on, collects the marks of new visits until `flushMarks`, and
   * holds imported contracts' first visits until `flushStarts`.
   */
  deferMarks(): void {
    this.pendingMarks ??= [];
    this.undatedStarts.hold();
  }

  /** Writes the first visits held so far: before visits are read or moved. */
  flushStarts(): void {
    this.undatedStarts.flush();
  }

  /** Writes the collected marks in one statement; marks go out one by one again. */
  flushMarks(): void {
    this.undatedStarts.flush();
    const ids = this.pendingMarks;
    this.pendingMarks = null;
    if (ids && ids.length > 0) this.sql.markMany.run({ ids: JSON.stringify(ids) });
  }

  /** Forgets the collected marks (their transaction rolled back). */
  dropMarks(): void {
    this.pendingMarks = null;
    this.undatedStarts.release();
  }

  private mark(contractId: number): void {
    if (this.pendingMarks) this.pendingMarks.push(contractId);
    else this.sql.mark.run({ id: contractId });
  }

  /**
   * Opens a new contract's first visit, due `today` + the stage's default
   * days, or with no due date (`today` null: an imported contract has a
   * history of its own, and a deadline counted from the import day would
   * be invented). One statement per contract, so that imports stay fast.
   */
  start(contractId: number, stage: string, at: string, today: string | null): void {
    if (today === null) this.undatedStarts.add(contractId, stage, at);
    else this.sql.start.run({ id: contractId, stage, at, today });
    this.mark(contractId);
  }

  /**
   * Opens the contract's visit to `stage`, like `start`, held by whoever held
   * this stage of this contract last (if not archived since).
   */
  enter(contractId: number, stage: string, at: string, today: string): void {
    this.sql.enter.run({ id: contractId, stage, at, today });
    this.mark(contractId);
  }

  /** Closes the open visit, if any. */
  leave(contractId: number, at: string): void {
    this.sql.leave.run({ id: contractId, at });
  }

  recordMove(move: MoveRecord): number {
    const info = this.sql.move.run({
      id: move.contractId,
      from: move.from,
      to: move.to,
      at: move.at,
      actor: move.actor,
      comment: move.comment,
      skipped: JSON.stringify(move.skipped),
    });
    return Number(info.lastInsertRowid);
  }

  /** Leaves the current stage for `to` and records the move. */
  change(move: MoveRecord, today: string): number {
    this.leave(move.contractId, move.at);
    this.enter(move.contractId, move.to, move.at, today);
    return this.recordMove(move);
  }

  /** Whether the stage is retired; null when there is no such stage. */
  retired(stage: string): boolean | null {
    const row = this.sql.retired.get({ stage }) as { retired: number } | undefined;
    return row ? row.retired === 1 : null;
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  // VALUES with scalar subqueries: as fast as a plain insert, where
  // INSERT ... SELECT FROM stages measured several times slower in imports.
  const due = `(SELECT CASE WHEN default_days IS NULL THEN NULL
    ELSE date(@today, '+' || default_days || ' days') END FROM stages WHERE key = @stage)`;
  return {
    start: s(
      `INSERT INTO contract_stages (contract_id, stage, due_date, entered_at)
       VALUES (@id, @stage, ${due}, @at)`,
    ),
    enter: s(
      `INSERT INTO contract_stages (contract_id, stage, responsible_id, due_date, entered_at)
       VALUES (@id, @stage,
         (SELECT v.responsible_id FROM contract_stages v
            JOIN people p ON p.id = v.responsible_id AND p.archived = 0
          WHERE v.contract_id = @id AND v.stage = @stage
          ORDER BY v.id DESC LIMIT 1),
         ${due}, @at)`,
    ),
    leave: s(
      "UPDATE contract_stages SET left_at = @at WHERE contract_id = @id AND left_at IS NULL",
    ),
    move: s(
      `INSERT INTO stage_moves (contract_id, from_stage, to_stage, at, actor, comment, skipped)
       VALUES (@id, @from, @to, @at, @actor, @comment, @skipped)`,
    ),
    retired: s("SELECT retired FROM stages WHERE key = @stage"),
    mark: s("INSERT OR IGNORE INTO reminder_dirty (contract_id) VALUES (@id)"),
    markMany: s(
      `INSERT OR IGNORE INTO reminder_dirty (contract_id)
       SELECT value FROM json_each(@ids)`,
    ),
  };
}
