/**
 * The contract register: every write goes through here, in one synchronous
 * transaction that also updates parties, tags, the search index and the
 * history.
 */
import { PactaError } from "../../shared/api/result";
import { localToday } from "../../shared/domain/calendar-date";
import type { Contract, ContractFields, HistoryEntry } from "../../shared/domain/contract";
import { DEFAULT_STAGE_KEY } from "../../shared/domain/stages";
import type { Db } from "../db/open";
import { HistoryChain } from "../lifecycle/hash-chain";
import { StageVisits } from "../lifecycle/stage-visits";
import { changesOver, keepCorrections, type StoredState } from "./keep-corrections";
import type {
  BatchHook,
  RegisterOptions,
  UpsertOutcome,
  WriteHook,
  WriteOptions,
} from "./register-types";
import {
  type ContractRow,
  columnValues,
  fieldsOf,
  type HistoryRow,
  type PartyRow,
  toColumns,
  toContract,
  toHistory,
  toParty,
} from "./rows";
import { SearchIndex } from "./search-index";
import { prepareChildInserts, prepareStatements, type RegisterStatements } from "./statements";
import { timeOrderedUuid } from "./uuid";

export class ContractRegister {
  private readonly now: () => Date;
  private readonly sql: RegisterStatements;
  private readonly children: ReturnType<typeof prepareChildInserts>;
  /** Stages known to exist; stages are never deleted, only retired. */
  private readonly stages = new Set<string>();
  private lastStamp = 0;
  /** Each contract's open stage visit, kept in step with `contracts.stage`. */
  private readonly visits: StageVisits;
  private readonly history: HistoryChain;
  private readonly search: SearchIndex;
  private readonly writeHooks: WriteHook[] = [];
  private readonly batchHooks: BatchHook[] = [];
  /** The working-days default, read once per import batch. */
  private batchWorkingDays: number | null = null;

  constructor(
    readonly db: Db,
    private readonly options: RegisterOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.sql = prepareStatements(db);
    this.children = prepareChildInserts(db);
    this.visits = new StageVisits(db);
    this.history = new HistoryChain(db);
    this.search = new SearchIndex(db);
  }

  get(id: number): Contract {
    const history = () => (this.sql.history.all({ id }) as HistoryRow[]).map(toHistory);
    return this.read(id, history);
  }

  private read(id: number, history: () => Contract["history"]): Contract {
    const row = this.sql.byId.get({ id }) as ContractRow | undefined;
    if (!row || row.deleted === 1) {
      throw new PactaError("not_found", `there is no contract #${id}`);
    }
    const parties = (this.sql.parties.all({ id }) as PartyRow[]).map(toParty);
    const tags = (this.sql.tags.all({ id }) as { tag: string }[]).map((t) => t.tag);
    return toContract(row, parties, tags, history());
  }

  /** A live contract's fields and review flags (without its history), as writes compare them. */
  storedState(id: number): StoredState {
    this.flushHeldRows();
    const contract = this.read(id, () => []);
    return { fields: fieldsOf(contract), review: contract.review };
  }

  /** The live contract with this reference, if any. */
  idByReference(reference: string): number | null {
    const row = this.sql.byReference.get(reference) as { id: number } | undefined;
    return row?.id ?? null;
  }

  create(fields: ContractFields, options: WriteOptions = {}): Contract {
    const id = this.db
      .transaction(() => {
        const stage = fields.stage ?? DEFAULT_STAGE_KEY;
        if (this.visits.retired(stage)) throw stageIssue(`the stage "${stage}" is retired`);
        return this.insert(fields, options);
      })
      .immediate();
    return this.get(id);
  }

  update(id: number, fields: ContractFields, expectedUpdatedAt?: string): Contract {
    this.db
      .transaction(() => {
        const current = this.get(id);
        if (expectedUpdatedAt !== undefined && current.updatedAt !== expectedUpdatedAt) {
          throw new PactaError(
            "stale_update",
            `contract #${id} was changed at ${current.updatedAt}, after this edit began`,
          );
        }
        // The form does not move contracts: a move checks skipped stages and
        // records who, when and why (see Lifecycle.move).
        if (fields.stage !== undefined && fields.stage !== current.stage) {
          throw stageIssue(
            `contract #${id} is at "${current.stage}": change its stage with a move, not an edit`,
          );
        }
        this.change(current, fields, {});
      })
      .immediate();
    return this.get(id);
  }

  /**
   * Creates the contract, or updates the live one with the same reference.
   * Runs inside the caller's transaction (imports write in batches).
   * `likelyNew` (an import into a register that was empty, a reference not
   * seen before in its file) tries the insert first, without looking the
   * reference up: the unique index checks it anyway, and a clash, should
   * someone else have written that reference meanwhile, is an update.
   */
  upsertByReference(
    fields: ContractFields,
    options: WriteOptions,
    likelyNew = false,
  ): UpsertOutcome {
    if (likelyNew && fields.reference) {
      try {
        this.insert(fields, options);
        return "created";
      } catch (error) {
        // The failed statement wrote nothing: SQLite undoes it alone.
        if (!(error instanceof PactaError && error.reason === "duplicate_reference")) throw error;
      }
    }
    const existing = fields.reference ? this.idByReference(fields.reference) : null;
    if (existing === null) {
      this.insert(fields, options);
      return "created";
    }
    // The contract may be one this batch wrote: its rows must be read as they are.
    this.flushHeldRows();
    const current = this.get(existing);
    const kept = keepCorrections(fieldsOf(current), fields, options.review ?? []);
    return this.change(current, kept.fields, { ...options, review: kept.review })
      ? "updated"
      : "unchanged";
  }

  /** Registers a hook run in the same transaction as every write (the sync outbox uses it). */
  onWrite(hook: WriteHook): void {
    this.writeHooks.push(hook);
  }

  /** Registers a hook told when each import batch begins and ends (see `BatchHook`). */
  onBatch(hook: BatchHook): void {
    this.batchHooks.push(hook);
  }

  /**
   * Runs an import batch (`upsertByReference` calls) in one transaction.
   * The history's last link is read once and kept in memory for the batch,
   * the new stage visits mark their contracts for the reminder scan in one
   * statement at the end, and the search index is written at the end too.
   */
  writeBatch<T>(work: () => T): T {
    // Foreign keys are not checked while the batch writes: each row it adds
    // refers to the contract written just before it, or to a stage checked
    // by `checkStage`, so the checks (a lookup per row of parties, tags,
    // history and stage visits) could only ever pass. SQLite ignores this
    // pragma inside a transaction: it is switched around the batch's own,
    // synchronously, so no other write on this connection runs meanwhile.
    const unchecked =
      !this.db.inTransaction && this.db.pragma("foreign_keys", { simple: true }) === 1;
    if (unchecked) this.db.pragma("foreign_keys = OFF");
    try {
      return this.db
        .transaction(() => {
          this.history.beginBatch();
          this.visits.deferMarks();
          this.search.defer();
          this.children.parties.hold();
          this.children.tags.hold();
          this.batchWorkingDays = this.workingDaysDefault();
          for (const hook of this.batchHooks) hook.begin();
          try {
            const result = work();
            this.flushHeldRows();
            this.visits.flushMarks();
            this.search.flush();
            return result;
          } finally {
            this.history.endBatch();
            this.visits.dropMarks();
            this.search.drop();
            this.children.parties.release();
            this.children.tags.release();
            this.batchWorkingDays = null;
            for (const hook of this.batchHooks) hook.end();
          }
        })
        .immediate();
    } finally {
      if (unchecked) this.db.pragma("foreign_keys = ON");
    }
  }

  /** Writes the rows a batch holds (parties, tags, history, visits): before anything reads them. */
  private flushHeldRows(): void {
    this.children.parties.flush();
    this.children.tags.flush();
    this.history.flush();
    this.visits.flushStarts();
  }

  /** Whether a new contract counts its deadlines in working days (the firm's setting). */
  private workingDaysDefault(): number {
    return this.batchWorkingDays ?? (this.sql.workingDays.get() === undefined ? 0 : 1);
  }

  markReviewed(id: number): Contract {
    return this.setFlag(id, "review_flags", "[]", "updated");
  }

  archive(id: number): Contract {
    return this.setFlag(id, "archived", 1, "archived");
  }

  restore(id: number): Contract {
    return this.setFlag(id, "archived", 0, "restored");
  }

  /** Deletes for the user; the row stays as a tombstone so history is kept. */
  remove(id: number): void {
    this.setFlag(id, "deleted", 1, "deleted");
  }

  private setFlag(
    id: number,
    column: "archived" | "deleted" | "review_flags",
    value: number | string,
    action: HistoryEntry["action"],
  ): Contract {
    this.db
      .transaction(() => {
        const current = this.get(id);
        const before =
          column === "archived" ? current.archived : column === "deleted" ? false : current.review;
        const after = column === "review_flags" ? [] : value === 1;
        const at = this.stamp();
        this.db
          .prepare(`UPDATE contracts SET ${column} = @value, updated_at = @at WHERE id = @id`)
          .run({ id, value, at });
        this.record(id, at, action, {
          [column === "review_flags" ? "review" : column]: [before, after],
        });
        if (column !== "review_flags") {
          this.search.remove(id);
          if (column === "archived") this.search.add(id, fieldsOf(current), value === 1);
        }
      })
      .immediate();
    return column === "deleted" ? ({ id } as Contract) : this.get(id);
  }

  private insert(fields: ContractFields, options: WriteOptions): number {
    const stage = this.checkStage(fields.stage ?? DEFAULT_STAGE_KEY);
    const at = this.stamp();
    const values = columnValues(toColumns(fields, stage));
    const uid = timeOrderedUuid(this.now());
    const review = JSON.stringify(options.review ?? []);
    const workingDays = this.workingDaysDefault();
    const info = this.guardReference(fields, () =>
      this.sql.insert.run(uid, ...values, review, at, at, workingDays),
    );
    const id = Number(info.lastInsertRowid);
    const imported = options.action === "imported";
    this.visits.start(id, stage, at, imported ? null : localToday(new Date(at)));
    this.writeChildren(id, fields);
    this.search.add(id, fields, false);
    // The first entry names only where the contract came from: its values
    // are the contract's, and every later entry keeps the values it replaced.
    const changes: Record<string, [unknown, unknown]> = {};
    if (options.source) changes.source = [null, options.source];
    this.record(id, at, options.action === "imported" ? "imported" : "created", changes);
    return id;
  }

  /** Writes the differences; returns false when there were none. */
  private change(current: Contract, next: ContractFields, options: WriteOptions): boolean {
    const stage = this.checkStage(next.stage ?? current.stage);
    const review = options.review ?? current.review;
    const stored = { fields: fieldsOf(current), review: current.review };
    const { after, changes } = changesOver(stored, { ...next, stage }, review);
    if (Object.keys(changes).length === 0) return false;
    if (options.source) changes.source = [null, options.source];
    const at = this.stamp();
    this.guardReference(after, () =>
      this.sql.update.run({
        ...toColumns(after, stage),
        id: current.id,
        review_flags: JSON.stringify(review),
        updated_at: at,
      }),
    );
    this.sql.deleteParties.run({ id: current.id });
    this.sql.deleteTags.run({ id: current.id });
    this.search.remove(current.id);
    this.writeChildren(current.id, after);
    this.search.add(current.id, after, current.archived);
    if (stage !== current.stage) {
      // Only imports get here with a new stage (the form must move): the file says where it is.
      const move = { contractId: current.id, from: current.stage, to: stage, at, skipped: [] };
      const by = { actor: this.options.actor, comment: options.source ?? null };
      this.visits.change({ ...move, ...by }, localToday(new Date(at)));
    }
    this.record(current.id, at, options.action === "imported" ? "imported" : "updated", changes);
    return true;
  }

  private writeChildren(id: number, fields: ContractFields): void {
    const { parties, tags } = this.children;
    fields.parties.forEach((p, position) => {
      parties.add(id, position, p.name, p.role, p.signatory, p.email, p.internal ? 1 : 0);
    });
    for (const tag of fields.tags) tags.add(id, tag);
  }

  /** Appends a history entry to the hash chain; call inside the write's transaction. */
  record(
    id: number,
    at: string,
    action: HistoryEntry["action"],
    changes: Record<string, [unknown, unknown]>,
  ): void {
    this.history.append({ contractId: id, at, actor: this.options.actor, action, changes });
    for (const hook of this.writeHooks) hook(id, action, changes);
  }

  private checkStage(stage: string): string {
    if (!this.stages.has(stage) && this.sql.stage.get({ key: stage })) this.stages.add(stage);
    if (!this.stages.has(stage)) {
      throw new PactaError("invalid_argument", `there is no stage "${stage}"`, [
        { path: ["stage"], message: `unknown stage "${stage}"` },
      ]);
    }
    return stage;
  }

  private guardReference<T>(fields: ContractFields, write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (
        error instanceof Error &&
        /UNIQUE constraint failed: contracts\.reference/.test(error.message)
      ) {
        const other = fields.reference ? this.idByReference(fields.reference) : null;
        throw new PactaError(
          "duplicate_reference",
          `the reference "${fields.reference}" is already used by contract #${other}`,
          [{ path: ["reference"], message: "already used by another contract" }],
        );
      }
      throw error;
    }
  }

  /**
   * An ISO timestamp that always moves forward within this process, so two
   * saves in the same millisecond still differ (edits check `updatedAt`).
   */
  private stamp(): string {
    const ms = Math.max(this.now().getTime(), this.lastStamp + 1);
    this.lastStamp = ms;
    return new Date(ms).toISOString();
  }
}

function stageIssue(message: string): PactaError {
  return new PactaError("invalid_argument", message, [{ path: ["stage"], message }]);
}
