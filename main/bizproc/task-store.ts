/**
 * The workflow-task tables (migration 8): tasks as last pulled, and the
 * answers given here waiting to go out. Callers own the transactions.
 */
import type { Statement } from "better-sqlite3";
import type { AnswerState, TaskDecision } from "../../shared/api/bizproc";
import type { Db } from "../db/open";
import type { PortalTask } from "./task-calls";

export interface TaskRow {
  id: number;
  contractId: number;
  contractTitle: string;
  createdAt: string;
  open: boolean;
  task: PortalTask;
  answer: AnswerRow | null;
}

export interface AnswerRow {
  taskId: number;
  decision: TaskDecision;
  status: 1 | 2 | 3 | 4;
  comment: string;
  /** Field id → value; file fields hold `[name, base64]`. */
  fields: Record<string, unknown>;
  at: string;
  state: AnswerState;
  attempts: number;
  message: string | null;
}

interface RawTask {
  id: number;
  contract_id: number;
  title: string;
  created_at: string;
  open: number;
  data: string;
  a_decision: TaskDecision | null;
  a_status: number | null;
  a_comment: string | null;
  a_fields: string | null;
  a_at: string | null;
  a_state: AnswerState | null;
  a_attempts: number | null;
  a_message: string | null;
}

const SELECT = `
  SELECT t.id, t.contract_id, c.title, t.created_at, t.open, t.data,
    a.decision AS a_decision, a.status AS a_status, a.comment AS a_comment,
    a.fields AS a_fields, a.at AS a_at, a.state AS a_state, a.attempts AS a_attempts,
    a.message AS a_message
  FROM bizproc_tasks t
  JOIN contracts c ON c.id = t.contract_id
  LEFT JOIN bizproc_answers a ON a.task_id = t.id`;

function toRow(r: RawTask): TaskRow {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractTitle: r.title,
    createdAt: r.created_at,
    open: r.open === 1,
    task: JSON.parse(r.data) as PortalTask,
    answer:
      r.a_decision === null
        ? null
        : {
            taskId: r.id,
            decision: r.a_decision,
            status: (r.a_status ?? 1) as 1 | 2 | 3 | 4,
            comment: r.a_comment ?? "",
            fields: JSON.parse(r.a_fields ?? "{}") as Record<string, unknown>,
            at: r.a_at ?? "",
            state: r.a_state ?? "pending",
            attempts: r.a_attempts ?? 0,
            message: r.a_message,
          },
  };
}

export class TaskStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(readonly db: Db) {
    this.sql = prepare(db);
  }

  /** Open tasks and those whose answer is not settled yet; one contract's when given. */
  inbox(contractId?: number): TaskRow[] {
    const rows = (
      contractId === undefined ? this.sql.inbox.all() : this.sql.inboxOf.all({ contractId })
    ) as RawTask[];
    return rows.map(toRow);
  }

  get(id: number): TaskRow | null {
    const row = this.sql.get.get({ id }) as RawTask | undefined;
    return row ? toRow(row) : null;
  }

  ids(): number[] {
    return (this.sql.ids.all() as { id: number }[]).map((r) => r.id);
  }

  /** Saves a task the portal lists as waiting; its first-seen time stays. */
  savePulled(task: PortalTask, contractId: number, createdAt: string, at: string): void {
    this.sql.savePulled.run({
      id: task.id,
      contractId,
      workflowId: task.workflowId,
      documentId: task.documentId,
      activity: task.activity,
      name: task.name,
      createdAt,
      data: JSON.stringify(task),
      at,
    });
  }

  /** The portal no longer lists it as waiting. */
  close(id: number): void {
    this.sql.close.run({ id });
  }

  remove(id: number): void {
    this.sql.remove.run({ id });
  }

  saveAnswer(a: Omit<AnswerRow, "attempts" | "message" | "state">): void {
    this.sql.saveAnswer.run({ ...a, fields: JSON.stringify(a.fields) });
  }

  /** Answers saved here and not sent yet. */
  pendingAnswerCount(): number {
    return this.sql.pendingCount.get() as number;
  }

  pendingAnswers(): AnswerRow[] {
    return this.inboxRows().flatMap((r) => (r.answer?.state === "pending" ? [r.answer] : []));
  }

  private inboxRows(): TaskRow[] {
    return (this.sql.pending.all() as RawTask[]).map(toRow);
  }

  settle(taskId: number, state: AnswerState, message: string | null, at: string): void {
    this.sql.settle.run({ taskId, state, message, at });
  }

  /** One more try that did not reach the portal. */
  retryLater(taskId: number, message: string): void {
    this.sql.retryLater.run({ taskId, message });
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const unsettled = "(t.open = 1 OR a.state IN ('pending', 'dropped', 'failed'))";
  return {
    inbox: s(`${SELECT} WHERE ${unsettled} ORDER BY t.id`),
    inboxOf: s(
      `${SELECT} WHERE t.contract_id = @contractId AND (${unsettled} OR a.state = 'sent')
       ORDER BY t.id`,
    ),
    get: s(`${SELECT} WHERE t.id = @id`),
    pending: s(`${SELECT} WHERE a.state = 'pending' ORDER BY a.id`),
    ids: s("SELECT id FROM bizproc_tasks ORDER BY id"),
    savePulled: s(
      `INSERT INTO bizproc_tasks
         (id, contract_id, workflow_id, document_id, activity, name, created_at, open, data,
          pulled_at)
       VALUES (@id, @contractId, @workflowId, @documentId, @activity, @name, @createdAt, 1,
         @data, @at)
       ON CONFLICT (id) DO UPDATE SET contract_id = excluded.contract_id,
         workflow_id = excluded.workflow_id, document_id = excluded.document_id,
         activity = excluded.activity, name = excluded.name, open = 1, data = excluded.data,
         pulled_at = excluded.pulled_at`,
    ),
    close: s("UPDATE bizproc_tasks SET open = 0 WHERE id = @id"),
    pendingCount: s("SELECT count(*) FROM bizproc_answers WHERE state = 'pending'").pluck(),
    remove: s("DELETE FROM bizproc_tasks WHERE id = @id"),
    saveAnswer: s(
      `INSERT INTO bizproc_answers (task_id, decision, status, comment, fields, at, state)
       VALUES (@taskId, @decision, @status, @comment, @fields, @at, 'pending')
       ON CONFLICT (task_id) DO UPDATE SET decision = excluded.decision,
         status = excluded.status, comment = excluded.comment, fields = excluded.fields,
         at = excluded.at, state = 'pending', attempts = 0, message = NULL, done_at = NULL`,
    ),
    settle: s(
      `UPDATE bizproc_answers SET state = @state, message = @message, done_at = @at,
         attempts = attempts + 1
       WHERE task_id = @taskId`,
    ),
    retryLater: s(
      `UPDATE bizproc_answers SET attempts = attempts + 1, message = @message
       WHERE task_id = @taskId AND state = 'pending'`,
    ),
  };
}
