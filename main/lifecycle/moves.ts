/**
 * Moving a contract between stages, and setting who holds its current
 * stage and by when. Each runs in one transaction that also writes the
 * history.
 */
import type { Statement } from "better-sqlite3";
import type { PersonRef, StageMove } from "../../shared/api/lifecycle";
import { PactaError } from "../../shared/api/result";
import { localToday } from "../../shared/domain/calendar-date";
import { skippedRequired } from "../../shared/domain/pipeline";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import type { ContractRegister } from "../register/register";
import type { People } from "./people";
import type { Pipeline } from "./pipeline";
import { StageVisits } from "./stage-visits";

const log = createLogger("lifecycle");

export interface MoveRequest {
  contractId: number;
  to: string;
  comment: string | null;
  confirmSkip: boolean;
}

export interface AssignRequest {
  contractId: number;
  stage?: string | undefined;
  responsibleId?: number | null | undefined;
  dueDate?: string | null | undefined;
}

export interface MoveContext {
  db: Db;
  register: ContractRegister;
  pipeline: Pipeline;
  people: People;
  actor: string;
  now: () => Date;
}

interface OpenVisit {
  id: number;
  stage: string;
  responsible_id: number | null;
  due_date: string | null;
}

export class Moves {
  private readonly visits: StageVisits;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(private readonly c: MoveContext) {
    this.visits = new StageVisits(c.db);
    this.sql = prepare(c.db);
  }

  /** The contract's stage; not_found for a missing or deleted contract. */
  stageOf(contractId: number): string {
    const row = this.sql.contract.get({ id: contractId }) as { stage: string } | undefined;
    if (!row) throw new PactaError("not_found", `there is no contract #${contractId}`);
    return row.stage;
  }

  move(req: MoveRequest): StageMove {
    return this.c.db
      .transaction((): StageMove => {
        const from = this.stageOf(req.contractId);
        const stages = this.c.pipeline.list();
        const target = stages.find((s) => s.key === req.to);
        if (!target) throw invalid(["to"], `there is no stage "${req.to}"`);
        if (target.retired) throw invalid(["to"], `the stage "${req.to}" is retired`);
        if (from === req.to) throw invalid(["to"], `contract #${req.contractId} is already there`);
        const skipped = skippedRequired(stages, from, req.to);
        if (skipped.length > 0 && !req.confirmSkip) {
          throw new PactaError(
            "confirmation_required",
            `moving contract #${req.contractId} from ${from} to ${req.to} skips the required ` +
              `stage${skipped.length === 1 ? "" : "s"} ${skipped.join(", ")}; confirm to go on`,
            skipped.map((key) => ({ path: ["skipped", key], message: `skips "${key}"` })),
          );
        }
        const at = this.c.now().toISOString();
        this.sql.setStage.run({ id: req.contractId, stage: req.to, at });
        const move = {
          contractId: req.contractId,
          from,
          to: req.to,
          at,
          actor: this.c.actor,
          comment: req.comment,
          skipped,
        };
        const id = this.visits.change(move, localToday(this.c.now()));
        const changes: Record<string, [unknown, unknown]> = { stage: [from, req.to] };
        if (req.comment) changes.comment = [null, req.comment];
        if (skipped.length > 0) changes.skipped = [null, skipped];
        this.c.register.record(req.contractId, at, "moved", changes);
        log.info({ contractId: req.contractId, from, to: req.to, skipped }, "contract moved");
        return { id, ...move };
      })
      .immediate();
  }

  /** Sets the responsible person and due date of the contract's current stage. */
  assign(req: AssignRequest): void {
    this.c.db
      .transaction(() => {
        const stage = this.stageOf(req.contractId);
        if (req.stage !== undefined && req.stage !== stage) {
          throw new PactaError(
            "stale_update",
            `contract #${req.contractId} is now at "${stage}", no longer at "${req.stage}"`,
          );
        }
        const visit = this.openVisit(req.contractId, stage);
        const changes: Record<string, [unknown, unknown]> = {};
        let responsibleId = visit.responsible_id;
        if (req.responsibleId !== undefined && req.responsibleId !== visit.responsible_id) {
          changes.responsible = [this.ref(visit.responsible_id), this.ref(req.responsibleId, true)];
          responsibleId = req.responsibleId;
        }
        let dueDate = visit.due_date;
        if (req.dueDate !== undefined && req.dueDate !== visit.due_date) {
          changes.dueDate = [visit.due_date, req.dueDate];
          dueDate = req.dueDate;
        }
        if (Object.keys(changes).length === 0) return;
        const at = this.c.now().toISOString();
        this.sql.assign.run({ id: visit.id, responsibleId, dueDate });
        this.sql.touch.run({ id: req.contractId, at });
        this.c.register.record(req.contractId, at, "assigned", changes);
        log.info({ contractId: req.contractId, stage, changed: Object.keys(changes) }, "assigned");
      })
      .immediate();
  }

  /** The open visit; one is opened if the contract somehow has none. */
  private openVisit(contractId: number, stage: string): OpenVisit {
    const row = this.sql.openVisit.get({ id: contractId }) as OpenVisit | undefined;
    if (row) return row;
    log.warn({ contractId, stage }, "contract had no open stage visit; opening one");
    this.visits.enter(contractId, stage, this.c.now().toISOString(), localToday(this.c.now()));
    return this.sql.openVisit.get({ id: contractId }) as OpenVisit;
  }

  /** A person as the history names them; `active` refuses archived people. */
  private ref(id: number | null, active = false): PersonRef | null {
    if (id === null) return null;
    let person: ReturnType<People["get"]>;
    try {
      person = this.c.people.get(id);
    } catch (error) {
      if (error instanceof PactaError && error.reason === "not_found") {
        throw invalid(["responsibleId"], error.message);
      }
      throw error;
    }
    if (active && person.archived) {
      throw invalid(["responsibleId"], `${person.name} is archived`);
    }
    return { id: person.id, name: person.name };
  }
}

function invalid(path: string[], message: string): PactaError {
  return new PactaError("invalid_argument", message, [{ path, message }]);
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    contract: s("SELECT stage FROM contracts WHERE id = @id AND deleted = 0"),
    setStage: s("UPDATE contracts SET stage = @stage, updated_at = @at WHERE id = @id"),
    touch: s("UPDATE contracts SET updated_at = @at WHERE id = @id"),
    openVisit: s(
      `SELECT id, stage, responsible_id, due_date FROM contract_stages
       WHERE contract_id = @id AND left_at IS NULL`,
    ),
    assign: s(
      `UPDATE contract_stages SET responsible_id = @responsibleId, due_date = @dueDate
       WHERE id = @id`,
    ),
  };
}
