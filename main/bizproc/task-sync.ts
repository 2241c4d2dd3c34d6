/**
 * Workflow tasks in the sync: the answers waiting in `bizproc_answers` go
 * out first (each one settled in its own transaction, never sent twice: a
 * task the portal calls completed is read back to tell our own earlier
 * answer from one given on the portal), then the user's waiting tasks are
 * pulled and tied to contracts through the portal items they concern.
 */

import type { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import { createLogger } from "../logging/logger";
import { isUnreachable } from "../sync/context";
import type { SyncStore } from "../sync/store";
import { completeTask, listMyOpenTasks, readMyTask } from "./task-calls";
import type { AnswerRow, TaskStore } from "./task-store";
import { parseDocumentId } from "./workflows";

const log = createLogger("bizproc");

export interface SendCounts {
  sent: number;
  dropped: number;
  failed: number;
}

export const DROPPED_MESSAGE =
  "this task was answered on the portal meanwhile; your answer was not sent";
export const GONE_MESSAGE =
  "this task is no longer on the portal (answered there, or its workflow ended); " +
  "your answer was not sent";

/** Sends one answer; throws only when the portal is out of reach (the answer stays queued). */
export async function sendAnswer(
  client: Bitrix24Client,
  tasks: TaskStore,
  answer: AnswerRow,
  now: () => Date,
): Promise<AnswerRow["state"]> {
  const at = () => now().toISOString();
  const settle = (state: AnswerRow["state"], message: string | null) => {
    tasks.db
      .transaction(() => {
        tasks.settle(answer.taskId, state, message, at());
        if (state !== "failed") tasks.close(answer.taskId);
      })
      .immediate();
    log.info({ task: answer.taskId, state }, "workflow task answer settled");
    return state;
  };
  try {
    await completeTask(client, {
      taskId: answer.taskId,
      status: answer.status,
      comment: answer.comment,
      fields: answer.fields as Record<string, string>,
    });
    return settle("sent", null);
  } catch (error) {
    if (!(error instanceof Bitrix24Error)) throw error;
    if (isUnreachable(error)) {
      tasks.retryLater(answer.taskId, error.message);
      throw error;
    }
    if (error.code === "ERROR_TASK_COMPLETED") {
      // Our own earlier try may have landed (an answer lost to a timeout or a crash).
      const now = await readMyTask(client, answer.taskId);
      if (now && now.userStatus === answer.status) return settle("sent", null);
      return settle("dropped", DROPPED_MESSAGE);
    }
    if (error.code === "ERROR_TASK_NOT_FOUND") return settle("dropped", GONE_MESSAGE);
    if (error.code === "ERROR_TASK_TYPE") {
      return settle("failed", "the portal does not let this task be answered through REST");
    }
    return settle("failed", error.message);
  }
}

/** Sends every queued answer, oldest first; stops (throwing) when the portal is out of reach. */
export async function sendAnswers(
  client: Bitrix24Client,
  tasks: TaskStore,
  now: () => Date,
  onSettled?: (taskId: number, state: AnswerRow["state"], message: string | null) => void,
): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, dropped: 0, failed: 0 };
  for (const answer of tasks.pendingAnswers()) {
    const state = await sendAnswer(client, tasks, answer, now);
    if (state !== "pending") counts[state] += 1;
    onSettled?.(answer.taskId, state, tasks.get(answer.taskId)?.answer?.message ?? null);
  }
  return counts;
}

/**
 * Pulls the user's waiting tasks: those on items linked to contracts are
 * kept; local tasks the portal no longer lists close (or go, when nothing
 * about them is left to show).
 */
export async function pullTasks(
  client: Bitrix24Client,
  tasks: TaskStore,
  sync: SyncStore,
  now: () => Date,
): Promise<number> {
  const portal = await listMyOpenTasks(client);
  const at = now().toISOString();
  let kept = 0;
  tasks.db
    .transaction(() => {
      const seen = new Set<number>();
      for (const task of portal) {
        const doc = parseDocumentId(task.documentId);
        const link = doc ? sync.linkByItem(doc.entityTypeId, doc.itemId) : null;
        if (!link || sync.isDeletedContract(link.contractId)) continue;
        const created = task.modified ? new Date(Date.parse(task.modified)) : null;
        const createdAt = created && !Number.isNaN(created.getTime()) ? created.toISOString() : at;
        tasks.savePulled(task, link.contractId, createdAt, at);
        seen.add(task.id);
        kept += 1;
      }
      for (const id of tasks.ids()) {
        if (seen.has(id)) continue;
        const row = tasks.get(id);
        const state = row?.answer?.state;
        if (state === "pending") continue;
        if (state === "dropped" || state === "failed") tasks.close(id);
        else tasks.remove(id);
      }
    })
    .immediate();
  return kept;
}
