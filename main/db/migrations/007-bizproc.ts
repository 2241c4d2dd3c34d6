import type { Migration } from "../migrate";

/**
 * Bitrix24 workflow tasks: the user's open tasks on portal items linked to
 * contracts (pulled by the sync), and the answers given here, which wait in
 * `bizproc_answers` (the tasks' outbox) until the push sends them.
 *
 * A task row is the portal's task as last pulled (`data`: its name, type,
 * labels and field definitions); `open` turns 0 when the portal stops
 * listing it as waiting. An answer row is written in the same transaction
 * as the decision: `pending` until sent, then `sent`, or `dropped` when the
 * task was answered on the portal meanwhile, or `failed` with the portal's
 * reason (the lawyer may answer again).
 */
export const bizproc: Migration = {
  version: 7,
  name: "bizproc",
  up: `
    CREATE TABLE bizproc_tasks (
      id INTEGER PRIMARY KEY,
      contract_id INTEGER NOT NULL REFERENCES contracts (id),
      workflow_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      activity TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
      data TEXT NOT NULL CHECK (json_valid(data)),
      pulled_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bizproc_tasks_by_contract ON bizproc_tasks (contract_id, id);

    CREATE TABLE bizproc_answers (
      id INTEGER PRIMARY KEY,
      task_id INTEGER NOT NULL UNIQUE REFERENCES bizproc_tasks (id) ON DELETE CASCADE,
      decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'answer', 'cancel')),
      status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 4),
      comment TEXT NOT NULL,
      fields TEXT NOT NULL CHECK (json_valid(fields)),
      at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dropped', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      message TEXT,
      done_at TEXT
    ) STRICT;
  `,
};
