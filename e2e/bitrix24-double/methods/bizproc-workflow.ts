/**
 * Workflow templates and instances (BITRIX24.md 7.5): `template.list`,
 * `start`, `instances` (and its deprecated alias `instance.list`),
 * `terminate` and `kill`. All of them are for administrators only.
 */
import { atom, type Json } from "../fields";
import { asInt, asList, asText, isMap, type Param, type ParamMap, pick } from "../params";
import { accessDenied, PortalError } from "../portal-error";
import { filterRows, orderRows, pageRows, type Row, selected, selectRows } from "../rows";
import {
  DEAL_DOCUMENT,
  type DocumentType,
  dynamicDocument,
  type Instance,
  parseDocumentId,
  type Template,
} from "../workflow-engine";
import type { CallContext, MethodAnswer, MethodHandler } from "./context";

function requireAdmin(ctx: CallContext): void {
  if (!ctx.isAdmin) throw accessDenied();
}

const TEMPLATE_FIELDS = [
  "ID",
  "MODULE_ID",
  "ENTITY",
  "DOCUMENT_TYPE",
  "AUTO_EXECUTE",
  "NAME",
  "TEMPLATE",
  "PARAMETERS",
  "VARIABLES",
  "CONSTANTS",
  "MODIFIED",
  "IS_MODIFIED",
  "USER_ID",
  "SYSTEM_CODE",
];

const INSTANCE_FIELDS = [
  "ID",
  "MODIFIED",
  "OWNED_UNTIL",
  "MODULE_ID",
  "ENTITY",
  "DOCUMENT_ID",
  "STARTED",
  "STARTED_BY",
  "TEMPLATE_ID",
];

function templateRow(t: Template, ctx: CallContext): Row {
  const at = (ms: number) => atom(ms, ctx.state.offsetMinutes);
  return {
    ID: String(t.id),
    MODULE_ID: t.documentType[0],
    ENTITY: t.documentType[1],
    DOCUMENT_TYPE: [...t.documentType],
    AUTO_EXECUTE: String(t.autoExecute ?? 0),
    NAME: t.name,
    TEMPLATE: t.steps.map((s, i) => ({ Type: s.kind, Name: `A${i + 1}` })),
    PARAMETERS: (t.parameters ?? {}) as unknown as Json,
    VARIABLES: [],
    CONSTANTS: [],
    MODIFIED: at(t.modified),
    IS_MODIFIED: "N",
    USER_ID: String(t.userId),
    SYSTEM_CODE: "",
  };
}

function instanceRow(i: Instance, ctx: CallContext): Row {
  const at = (ms: number) => atom(ms, ctx.state.offsetMinutes);
  return {
    ID: i.id,
    MODIFIED: at(i.modified),
    // The engine runs each step at once: nobody holds the instance.
    OWNED_UNTIL: null,
    MODULE_ID: i.documentId[0],
    ENTITY: i.documentId[1],
    DOCUMENT_ID: i.documentId[2],
    STARTED: at(i.started),
    STARTED_BY: String(i.startedBy),
    TEMPLATE_ID: String(i.templateId),
  };
}

function list(
  rows: Row[],
  params: ParamMap,
  fields: string[],
  defaults: string[],
  order: Row,
): MethodAnswer {
  const names = selected(pick(params, "select"), defaults);
  const unknown = names.find((n) => !fields.includes(n));
  if (unknown) {
    throw new PortalError(400, "ERROR_SELECT_VALIDATION_FAILURE", `Wrong select field: ${unknown}`);
  }
  const matching = filterRows(rows, pick(params, "filter"));
  const sorted = orderRows(matching, pick(params, "order"), order);
  const page = pageRows(sorted, pick(params, "start"));
  return { ...page, result: selectRows(page.result, names) };
}

/** The document id as given: `["crm", "CCrmDocumentDeal", "DEAL_12"]`. */
function documentIdOf(raw: Param | undefined): DocumentType {
  const parts = (asList(raw) ?? []).map((p) => asText(p) ?? "");
  if (parts.length !== 3 || parts.some((p) => p === "")) {
    throw new PortalError(400, "", "Wrong DOCUMENT_ID!");
  }
  return parts as DocumentType;
}

/** The document type of a document id, when the portal knows the document. */
function typeOfDocument(documentId: DocumentType, ctx: CallContext): DocumentType {
  const doc = parseDocumentId(documentId[2]);
  if (!doc || documentId[0] !== "crm") throw new PortalError(400, "", "Incorrect document type!");
  const type = ctx.state.types.get(doc.entityTypeId);
  const expected = doc.entityTypeId === 2 ? DEAL_DOCUMENT : dynamicDocument(doc.entityTypeId);
  if (!type || documentId[1] !== expected[1]) {
    throw new PortalError(400, "", "Incorrect document type!");
  }
  if (!type.items.has(doc.itemId)) throw new PortalError(400, "", "Wrong DOCUMENT_ID!");
  return expected;
}

/** Checks the template's parameters; values are kept as given (users as `user_N`). */
function readParameters(template: Template, raw: Param | undefined): Record<string, Json> {
  const given: ParamMap = isMap(raw) ? raw : {};
  const out: Record<string, Json> = {};
  for (const [key, def] of Object.entries(template.parameters ?? {})) {
    const value = given[key] ?? def.Default ?? null;
    const empty = value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      // ○ the docs do not name this refusal; the portal reports it without a code
      if (def.Required === "Y") {
        throw new PortalError(400, "", `The parameter "${def.Name}" is required`);
      }
      continue;
    }
    const bad = badValue(def.Type, value as Json, def.Options);
    if (bad) throw new PortalError(400, "", `The parameter "${def.Name}" ${bad}`);
    out[key] = value as Json;
  }
  return out;
}

function badValue(type: string, value: Json, options?: Record<string, string>): string | null {
  const text = Array.isArray(value) ? String(value[0] ?? "") : String(value);
  switch (type) {
    case "int":
      return /^-?\d+$/.test(text.trim()) ? null : "must be a whole number";
    case "double":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? null : "must be a number";
    case "date":
      return /^\d{4}-\d\d-\d\d/.test(text) || /^\d\d\.\d\d\.\d{4}/.test(text)
        ? null
        : "must be a date";
    case "bool":
      return ["Y", "N", "1", "0", "true", "false"].includes(text) ? null : "must be Y or N";
    case "select":
      return options && text in options ? null : "is not one of its options";
    case "user":
      return /^(user_)?\d+$/.test(text.trim()) ? null : "must name a user (user_N)";
    default:
      return null;
  }
}

function instanceId(params: ParamMap): string {
  const id = asText(pick(params, "id"));
  if (!id) throw new PortalError(400, "ERROR_WRONG_WORKFLOW_ID", "Empty workflow ID");
  return id;
}

const instances: MethodHandler = (params, ctx) => {
  requireAdmin(ctx);
  const running = [...ctx.state.bizproc.instances.values()].filter((i) => i.status === "running");
  return list(
    running.map((i) => instanceRow(i, ctx)),
    params,
    INSTANCE_FIELDS,
    ["ID", "MODIFIED", "OWNED_UNTIL"],
    { MODIFIED: "DESC" },
  );
};

export const bizprocWorkflowMethods: Record<string, MethodHandler> = {
  "bizproc.workflow.template.list": (params, ctx) => {
    requireAdmin(ctx);
    const rows = [...ctx.state.bizproc.templates.values()].map((t) => templateRow(t, ctx));
    return list(rows, params, TEMPLATE_FIELDS, ["ID"], { ID: "ASC" });
  },
  "bizproc.workflow.start": (params, ctx) => {
    requireAdmin(ctx);
    const rawTemplate = pick(params, "template_id");
    if (rawTemplate === undefined || rawTemplate === null || asText(rawTemplate) === "") {
      throw new PortalError(400, "ERROR_WRONG_WORKFLOW_ID", "Empty TEMPLATE_ID");
    }
    const id = asInt(rawTemplate);
    const template = id === null ? undefined : ctx.state.bizproc.template(id);
    if (!template) throw new PortalError(400, "ERROR_WRONG_WORKFLOW_ID", "Template not found");
    const documentId = documentIdOf(pick(params, "document_id"));
    const type = typeOfDocument(documentId, ctx);
    if (JSON.stringify(type) !== JSON.stringify(template.documentType)) {
      throw new PortalError(400, "", "Template type and DOCUMENT_ID mismatch!");
    }
    const values = readParameters(template, pick(params, "parameters"));
    const instance = ctx.state.bizproc.start(template, documentId, values, ctx.userId);
    return { result: instance.id };
  },
  "bizproc.workflow.instances": instances,
  "bizproc.workflow.instance.list": instances,
  "bizproc.workflow.terminate": (params, ctx) => {
    requireAdmin(ctx);
    const status = asText(pick(params, "status")) ?? "";
    ctx.state.bizproc.stop(instanceId(params), "terminate", status || "Terminated");
    return { result: true };
  },
  "bizproc.workflow.kill": (params, ctx) => {
    requireAdmin(ctx);
    ctx.state.bizproc.stop(instanceId(params), "kill");
    return { result: true };
  },
};
