/**
 * A contract's timeline: the stages it passed (with dates and time spent),
 * the one it is at (late or not), the ones to come, and its moves.
 */
import type { Statement } from "better-sqlite3";
import type { PersonRef, StageMove, Timeline } from "../../shared/api/lifecycle";
import { PactaError } from "../../shared/api/result";
import { daysBetween, localToday } from "../../shared/domain/calendar-date";
import { lateness, upcomingStages } from "../../shared/domain/pipeline";
import type { Db } from "../db/open";
import type { Pipeline } from "./pipeline";

interface VisitRow {
  stage: string;
  entered_at: string;
  left_at: string | null;
  due_date: string | null;
  person_id: number | null;
  person_name: string | null;
}

interface MoveRow {
  id: number;
  contract_id: number;
  from_stage: string;
  to_stage: string;
  at: string;
  actor: string;
  comment: string | null;
  skipped: string;
}

/** The calendar day a stored timestamp fell on, on this machine's calendar. */
const dayOf = (timestamp: string) => localToday(new Date(timestamp));

function personOf(row: VisitRow): PersonRef | null {
  return row.person_id === null ? null : { id: row.person_id, name: row.person_name ?? "" };
}

export function toMove(row: MoveRow): StageMove {
  return {
    id: row.id,
    contractId: row.contract_id,
    from: row.from_stage,
    to: row.to_stage,
    at: row.at,
    actor: row.actor,
    comment: row.comment,
    skipped: JSON.parse(row.skipped) as string[],
  };
}

export class Timelines {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    db: Db,
    private readonly pipeline: Pipeline,
  ) {
    this.sql = prepare(db);
  }

  timeline(contractId: number, today: string): Timeline {
    const contract = this.sql.contract.get({ id: contractId }) as
      | { stage: string; created_at: string }
      | undefined;
    if (!contract) throw new PactaError("not_found", `there is no contract #${contractId}`);
    const visits = this.sql.visits.all({ id: contractId }) as VisitRow[];
    const open = visits.find((v) => v.left_at === null) ?? {
      stage: contract.stage,
      entered_at: contract.created_at,
      left_at: null,
      due_date: null,
      person_id: null,
      person_name: null,
    };
    const passed = visits.flatMap((v) => {
      if (v.left_at === null) return [];
      const left = dayOf(v.left_at);
      return [
        {
          stage: v.stage,
          enteredAt: v.entered_at,
          leftAt: v.left_at,
          days: daysBetween(dayOf(v.entered_at), left),
          dueDate: v.due_date,
          late: v.due_date !== null && left > v.due_date,
          responsible: personOf(v),
        },
      ];
    });
    return {
      contractId,
      today,
      passed,
      current: {
        stage: open.stage,
        enteredAt: open.entered_at,
        days: Math.max(0, daysBetween(dayOf(open.entered_at), today)),
        dueDate: open.due_date,
        ...lateness(open.due_date, today),
        responsible: personOf(open),
      },
      upcoming: upcomingStages(this.pipeline.list(), open.stage),
      moves: (this.sql.moves.all({ id: contractId }) as MoveRow[]).map(toMove),
    };
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    contract: s("SELECT stage, created_at FROM contracts WHERE id = @id AND deleted = 0"),
    visits: s(
      `SELECT v.stage, v.entered_at, v.left_at, v.due_date,
         p.id AS person_id, p.name AS person_name
       FROM contract_stages v LEFT JOIN people p ON p.id = v.responsible_id
       WHERE v.contract_id = @id ORDER BY v.id`,
    ),
    moves: s(
      `SELECT id, contract_id, from_stage, to_stage, at, actor, comment, skipped
       FROM stage_moves WHERE contract_id = @id ORDER BY id`,
    ),
  };
}
