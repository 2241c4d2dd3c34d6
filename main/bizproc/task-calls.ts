/**
 * The user's workflow tasks through the REST client (BITRIX24.md 7.6):
 * `bizproc.task.list` (own tasks; any user may call it with a webhook) and
 * `bizproc.task.complete`. Statuses: 1 yes, 2 no, 3 ok, 4 cancel.
 */
import type { Bitrix24Client } from "../bitrix24/client";
import type { QueryValue } from "../bitrix24/query-string";
import { readPages } from "./workflows";

/** The activities REST may complete, and the statuses each takes. */
export const ANSWERABLE: Record<string, { kind: TaskKind; statuses: number[] }> = {
  ApproveActivity: { kind: "approve", statuses: [1, 2] },
  ReviewActivity: { kind: "review", statuses: [3] },
  RequestInformationActivity: { kind: "request", statuses: [3] },
  RequestInformationOptionalActivity: { kind: "requestOptional", statuses: [3, 4] },
};

export type TaskKind = "approve" | "review" | "request" | "requestOptional" | "other";

export function kindOfActivity(activity: string): TaskKind {
  return ANSWERABLE[activity]?.kind ?? "other";
}

export interface TaskFieldDef {
  id: string;
  type: string;
  name: string;
  description: string;
  multiple: boolean;
  required: boolean;
  options: { value: string; label: string }[];
}

export interface PortalTask {
  id: number;
  workflowId: string;
  documentId: string;
  entity: string;
  documentName: string;
  name: string;
  description: string;
  activity: string;
  modified: string | null;
  templateId: number | null;
  templateName: string;
  workflowState: string;
  status: number;
  userStatus: number;
  commentRequired: "N" | "Y" | "YA" | "YR";
  labels: { yes: string; no: string; ok: string };
  fields: TaskFieldDef[];
  documentUrl: string;
}

export const TASK_SELECT = [
  "ID",
  "WORKFLOW_ID",
  "DOCUMENT_NAME",
  "DESCRIPTION",
  "NAME",
  "MODIFIED",
  "WORKFLOW_TEMPLATE_ID",
  "WORKFLOW_TEMPLATE_NAME",
  "WORKFLOW_STATE",
  "STATUS",
  "USER_STATUS",
  "MODULE_ID",
  "ENTITY",
  "DOCUMENT_ID",
  "ACTIVITY",
  "PARAMETERS",
  "DOCUMENT_URL",
];

type Row = Record<string, unknown>;
const text = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
const flag = (v: unknown) => v === true || v === 1 || v === "Y" || v === "1" || v === "true";

function readField(raw: unknown): TaskFieldDef | null {
  if (typeof raw !== "object" || raw === null) return null;
  const f = raw as Row;
  const id = text(f.Id ?? f.id);
  if (id === "") return null;
  const options = f.Options ?? f.options;
  return {
    id,
    type: text(f.Type ?? f.type) || "string",
    name: text(f.Name ?? f.name) || id,
    description: text(f.Description ?? f.description),
    multiple: flag(f.Multiple ?? f.multiple),
    required: flag(f.Required ?? f.required),
    options:
      typeof options === "object" && options !== null && !Array.isArray(options)
        ? Object.entries(options as Row).map(([value, label]) => ({ value, label: text(label) }))
        : [],
  };
}

export function readTask(row: Row): PortalTask {
  const p = (
    typeof row.PARAMETERS === "object" && row.PARAMETERS !== null ? row.PARAMETERS : {}
  ) as Row;
  const required = text(p.CommentRequired);
  const fields = Array.isArray(p.Fields) ? p.Fields : [];
  const templateId = Number(row.WORKFLOW_TEMPLATE_ID);
  return {
    id: Number(row.ID),
    workflowId: text(row.WORKFLOW_ID),
    documentId: text(row.DOCUMENT_ID),
    entity: text(row.ENTITY),
    documentName: text(row.DOCUMENT_NAME),
    name: text(row.NAME),
    description: text(row.DESCRIPTION),
    activity: text(row.ACTIVITY),
    modified: text(row.MODIFIED) || null,
    templateId: Number.isInteger(templateId) && templateId > 0 ? templateId : null,
    templateName: text(row.WORKFLOW_TEMPLATE_NAME),
    workflowState: text(row.WORKFLOW_STATE),
    status: Number(row.STATUS ?? 0),
    userStatus: Number(row.USER_STATUS ?? 0),
    commentRequired: (["Y", "YA", "YR"].includes(required) ? required : "N") as
      | "N"
      | "Y"
      | "YA"
      | "YR",
    labels: {
      yes: text(p.StatusYesLabel),
      no: text(p.StatusNoLabel),
      ok: text(p.StatusOkLabel),
    },
    fields: fields.map(readField).filter((f): f is TaskFieldDef => f !== null),
    documentUrl: text(row.DOCUMENT_URL),
  };
}

/** The caller's tasks still waiting for them (all pages). */
export async function listMyOpenTasks(client: Bitrix24Client): Promise<PortalTask[]> {
  const rows = await readPages(client, "bizproc.task.list", {
    select: TASK_SELECT,
    filter: { STATUS: 0, USER_STATUS: 0 },
    order: { ID: "ASC" },
  });
  return rows.map(readTask);
}

/** One of the caller's tasks, open or not (null when the portal no longer lists it). */
export async function readMyTask(client: Bitrix24Client, id: number): Promise<PortalTask | null> {
  const page = await client.call<Row[]>("bizproc.task.list", {
    select: TASK_SELECT,
    filter: { ID: id },
  });
  const row = Array.isArray(page.result) ? page.result[0] : undefined;
  return row ? readTask(row) : null;
}

/** Answers a task; the portal refuses with ERROR_TASK_* codes (see BITRIX24.md 7.6). */
export async function completeTask(
  client: Bitrix24Client,
  input: {
    taskId: number;
    status: 1 | 2 | 3 | 4;
    comment?: string;
    fields?: Record<string, QueryValue>;
  },
): Promise<void> {
  await client.call("bizproc.task.complete", {
    TASK_ID: input.taskId,
    STATUS: input.status,
    COMMENT: input.comment ?? "",
    FIELDS: input.fields ?? {},
  });
}
