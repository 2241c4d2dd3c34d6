/**
 * What an answer to a workflow task must hold before it is queued, checked
 * here so that the lawyer hears of a mistake at once, not after the next
 * sync: a decision the task's type takes, a comment where the template asks
 * for one, the fields the task requires, and nothing it does not know.
 */
import type { TaskDecision, WorkflowTaskView } from "../../shared/api/bizproc";
import { PactaError } from "../../shared/api/result";

export interface AnswerInput {
  taskId: number;
  decision: TaskDecision;
  comment: string;
  fields: Record<string, string | number | boolean | null>;
  /** File fields to fill with the contract's PDF. */
  attachPdf: string[];
}

const DECISIONS: Record<WorkflowTaskView["type"], Partial<Record<TaskDecision, 1 | 2 | 3 | 4>>> = {
  approve: { approve: 1, reject: 2 },
  review: { answer: 3 },
  request: { answer: 3 },
  requestOptional: { answer: 3, reject: 4, cancel: 4 },
  other: {},
};

/** The portal status of a decision on a task of this kind, or null when it takes none. */
export function statusOf(
  kind: WorkflowTaskView["type"],
  decision: TaskDecision,
): 1 | 2 | 3 | 4 | null {
  return DECISIONS[kind][decision] ?? null;
}

const bad = (message: string, path: string) =>
  new PactaError("invalid_argument", message, [{ path: [path], message }]);

/** Checks an answer; returns the status to send. */
export function checkAnswer(task: WorkflowTaskView, input: AnswerInput): 1 | 2 | 3 | 4 {
  const where = `workflow task #${task.id}`;
  if (!task.answerable) {
    throw new PactaError(
      "portal_refused",
      `${where} (${task.activity}) cannot be answered from Pacta; open it in Bitrix24` +
        (task.portalUrl ? `: ${task.portalUrl}` : ""),
    );
  }
  if (!task.open) throw bad(`${where} is no longer waiting on the portal`, "taskId");
  const status = statusOf(task.type, input.decision);
  if (status === null) {
    const allowed = Object.keys(DECISIONS[task.type]).join(", ");
    throw bad(`${where} is of type ${task.type}: answer it with ${allowed}`, "decision");
  }
  const comment = input.comment.trim();
  const needComment =
    task.commentRequired === "Y" ||
    (task.commentRequired === "YA" && status === 1) ||
    (task.commentRequired === "YR" && (status === 2 || status === 4));
  if (needComment && comment === "")
    throw bad(`${where} needs a comment for this answer`, "comment");
  const known = new Map(task.fields.map((f) => [f.id, f]));
  for (const id of [...Object.keys(input.fields), ...input.attachPdf]) {
    if (!known.has(id)) throw bad(`${where} has no field "${id}"`, "fields");
  }
  for (const id of input.attachPdf) {
    if (known.get(id)?.type !== "file")
      throw bad(`field "${id}" of ${where} takes no file`, "fields");
  }
  if (status === 3) {
    for (const f of task.fields) {
      const v = input.fields[f.id];
      const filled =
        input.attachPdf.includes(f.id) ||
        (v !== undefined && v !== null && String(v).trim() !== "");
      if (f.required && !filled) throw bad(`${where} needs the field "${f.name}"`, "fields");
    }
  }
  return status;
}
