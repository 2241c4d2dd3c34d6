/**
 * The contract lifecycle: the configurable pipeline, people, stage moves
 * and the tamper-evident history.
 */
import type { HistoryCheck, MoveResult, Timeline } from "../../shared/api/lifecycle";
import { localToday } from "../../shared/domain/calendar-date";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import type { ContractRegister } from "../register/register";
import { type AssignRequest, type MoveRequest, Moves } from "./moves";
import { People } from "./people";
import { Pipeline } from "./pipeline";
import { Timelines } from "./timeline";
import { verifyHistory } from "./verify";

const log = createLogger("lifecycle");

export interface LifecycleOptions {
  actor: string;
  now: () => Date;
}

export class Lifecycle {
  readonly pipeline: Pipeline;
  readonly people: People;
  private readonly moves: Moves;
  private readonly timelines: Timelines;

  constructor(
    readonly db: Db,
    readonly register: ContractRegister,
    readonly options: LifecycleOptions,
  ) {
    this.pipeline = new Pipeline(db);
    this.people = new People(db);
    this.moves = new Moves({
      db,
      register,
      pipeline: this.pipeline,
      people: this.people,
      actor: options.actor,
      now: options.now,
    });
    this.timelines = new Timelines(db, this.pipeline);
  }

  /**
   * Moves a contract to another stage. A forward move over required stages
   * fails with `confirmation_required` (naming them) unless `confirmSkip`.
   */
  move(req: MoveRequest): MoveResult {
    const move = this.moves.move(req);
    return { move, timeline: this.timeline(req.contractId) };
  }

  /** Sets who holds the contract's current stage and its due date. */
  assign(req: AssignRequest): Timeline {
    this.moves.assign(req);
    return this.timeline(req.contractId);
  }

  /** The timeline as of `today` (default: today on this machine's calendar). */
  timeline(contractId: number, today?: string): Timeline {
    return this.timelines.timeline(contractId, today ?? localToday(this.options.now()));
  }

  /** Checks the history's hash chain from the first entry to the last. */
  verify(): HistoryCheck {
    const check = verifyHistory(this.db);
    if (check.firstBroken) log.warn({ ...check.firstBroken }, "history chain broken");
    else log.info({ entries: check.entries }, "history chain verified");
    return check;
  }
}
