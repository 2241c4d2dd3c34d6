/**
 * Workflow tasks (BITRIX24.md 7.6): `bizproc.task.list` (own tasks unless
 * an administrator names another `USER_ID`) and `bizproc.task.complete`
 * (only one's own task, with the statuses its type allows).
 */
import { atom, type Json } from "../fields";
import { asInt, asText, isMap, type Param, pick } from "../params";
import { accessDenied, PortalError } from "../portal-error";
import { filterRows, orderRows, pageRows, type Row, selected, selectRows } from "../rows";
import { parseDocumentId, REST_TASK_STATUSES, type Task } from "../workflow-engine";
import type { CallContext, MethodHandler } from "./context";

const TASK_FIELDS = [
  "ID",
  "WORKFLOW_ID",
  "DOCUMENT_NAME",
  "DESCRIPTION",
  "NAME",
  "MODIFIED",
  "WORKFLOW_STARTED",
  "WORKFLOW_STARTED_BY",
  "OVERDUE_DATE",
  "WORKFLOW_TEMPLATE_ID",
  "WORKFLOW_TEMPLATE_NAME",
  "WORKFLOW_STATE",
  "STATUS",
  "USER_ID",
  "USER_STATUS",
  "MODULE_ID",
  "ENTITY",
  "DOCUMENT_ID",
  "ACTIVITY",
  "ACTIVITY_NAME",
  "PARAMETERS",
  "DOCUMENT_URL",
];

const DEFAULT_SELECT = [
  "ENTITY",
  "DOCUMENT_ID",
  "ID",
  "WORKFLOW_ID",
  "DOCUMENT_NAME",
  "NAME",
  "DOCUMENT_URL",
];

function documentUrl(documentId: string): string {
  const doc = parseDocumentId(documentId);
  if (!doc) return "";
  return doc.entityTypeId === 2
    ? `/crm/deal/details/${doc.itemId}/`
    : `/crm/type/${doc.entityTypeId}/details/${doc.itemId}/`;
}

function taskRow(task: Task, ctx: CallContext): Row {
  const at = (ms: number) => atom(ms, ctx.state.offsetMinutes);
  const engine = ctx.state.bizproc;
  const wf = engine.instance(task.workflowId);
  const template = wf ? engine.template(wf.templateId) : undefined;
  const documentId = wf?.documentId ?? ["crm", "", ""];
  const doc = parseDocumentId(documentId[2]);
  const item = doc ? ctx.state.types.get(doc.entityTypeId)?.items.get(doc.itemId) : undefined;
  const statuses = REST_TASK_STATUSES[task.activity] ?? [];
  return {
    ID: String(task.id),
    WORKFLOW_ID: task.workflowId,
    DOCUMENT_NAME: typeof item?.values.title === "string" ? item.values.title : "",
    DESCRIPTION: task.description,
    NAME: task.name,
    MODIFIED: at(task.modified),
    WORKFLOW_STARTED: wf ? at(wf.started) : null,
    WORKFLOW_STARTED_BY: wf ? String(wf.startedBy) : null,
    OVERDUE_DATE: null,
    WORKFLOW_TEMPLATE_ID: wf ? String(wf.templateId) : null,
    WORKFLOW_TEMPLATE_NAME: template?.name ?? "",
    WORKFLOW_STATE: wf?.state ?? "",
    STATUS: String(task.status),
    USER_ID: String(task.userId),
    USER_STATUS: String(task.userStatus),
    MODULE_ID: documentId[0],
    ENTITY: documentId[1],
    DOCUMENT_ID: documentId[2],
    ACTIVITY: task.activity,
    ACTIVITY_NAME: task.activityName,
    PARAMETERS: {
      CommentLabel: "Comment",
      CommentRequired: task.commentRequired,
      ShowComment: "Y",
      StatusOkLabel: statuses.includes(3) ? "Send" : "",
      StatusYesLabel: statuses.includes(1) ? "Approve" : "",
      StatusNoLabel: statuses.includes(2) || statuses.includes(4) ? "Reject" : "",
      Fields: task.fields.map((f) => ({
        Id: f.Id,
        Type: f.Type,
        Name: f.Name,
        Description: f.Description ?? "",
        Multiple: f.Multiple ?? false,
        Required: f.Required ?? false,
        Options: f.Options ?? null,
        Settings: null,
        Default: f.Default ?? null,
      })) as unknown as Json,
    },
    DOCUMENT_URL: documentUrl(documentId[2]),
  };
}

const STATUS_NAMES: Record<string, number> = { yes: 1, no: 2, ok: 3, cancel: 4 };

function statusOf(raw: Param | undefined): number | null {
  const text = (asText(raw) ?? "").trim().toLowerCase();
  if (text in STATUS_NAMES) return STATUS_NAMES[text] ?? null;
  const n = asInt(raw);
  return n !== null && n >= 1 && n <= 4 ? n : null;
}

export const bizprocTaskMethods: Record<string, MethodHandler> = {
  "bizproc.task.list": (params, ctx) => {
    const names = selected(pick(params, "select"), DEFAULT_SELECT);
    const unknown = names.find((n) => !TASK_FIELDS.includes(n));
    if (unknown) {
      throw new PortalError(
        400,
        "ERROR_SELECT_VALIDATION_FAILURE",
        `Wrong select field: ${unknown}`,
      );
    }
    const filter = pick(params, "filter");
    const f = isMap(filter) ? { ...filter } : {};
    const userKey = Object.keys(f).find(
      (k) => k.replace(/^[=!<>@]+/, "").toUpperCase() === "USER_ID",
    );
    if (userKey === undefined) f.USER_ID = String(ctx.userId);
    else if (!ctx.isAdmin && asInt(f[userKey] as Param) !== ctx.userId) throw accessDenied();
    const rows = ctx.state.bizproc.listedTasks().map((t) => taskRow(t, ctx));
    const sorted = orderRows(filterRows(rows, f), pick(params, "order"), { ID: "ASC" });
    const page = pageRows(sorted, pick(params, "start"));
    return { ...page, result: selectRows(page.result, names) };
  },
  "bizproc.task.complete": (params, ctx) => {
    const taskId = asInt(pick(params, "task_id"));
    if (taskId === null || taskId <= 0) {
      throw new PortalError(400, "ERROR_TASK_VALIDATION", "empty TASK_ID");
    }
    const status = statusOf(pick(params, "status"));
    if (status === null) throw new PortalError(400, "ERROR_TASK_VALIDATION", "incorrect STATUS");
    const comment = asText(pick(params, "comment")) ?? "";
    const rawFields = pick(params, "fields");
    const fields = (isMap(rawFields) ? rawFields : {}) as Record<string, Json>;
    ctx.state.bizproc.complete(taskId, ctx.userId, status, comment, fields, "rest");
    return { result: true };
  },
};
