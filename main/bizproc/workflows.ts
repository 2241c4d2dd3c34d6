/**
 * Workflow templates and instances of the portal through the REST client
 * (BITRIX24.md 7.5): the templates that apply to a CRM document, starting
 * one with its parameters, the instances running on a document, and
 * stopping one. These methods are for portal administrators; the portal
 * refuses others with 403 ACCESS_DENIED (a `forbidden` Bitrix24Error).
 *
 * `bizproc.workflow.start` is not idempotent: the client does not repeat
 * it after a timeout (a second start would be a second workflow).
 */
import type { Bitrix24Client, Params } from "../bitrix24/client";
import type { QueryValue } from "../bitrix24/query-string";

/** `["crm", "CCrmDocumentDeal", "DEAL"]`, `["crm", "…\\Dynamic", "DYNAMIC_1220"]`. */
export type DocumentType = [string, string, string];
/** `["crm", "CCrmDocumentDeal", "DEAL_12"]`, `["crm", "…\\Dynamic", "DYNAMIC_1220_5"]`. */
export type DocumentId = [string, string, string];

const DEAL_ENTITY = "CCrmDocumentDeal";
const DYNAMIC_ENTITY = "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic";

export function documentTypeOf(entityTypeId: number): DocumentType {
  return entityTypeId === 2
    ? ["crm", DEAL_ENTITY, "DEAL"]
    : ["crm", DYNAMIC_ENTITY, `DYNAMIC_${entityTypeId}`];
}

export function documentIdOf(entityTypeId: number, itemId: number): DocumentId {
  return entityTypeId === 2
    ? ["crm", DEAL_ENTITY, `DEAL_${itemId}`]
    : ["crm", DYNAMIC_ENTITY, `DYNAMIC_${entityTypeId}_${itemId}`];
}

/** `DEAL_12` → deal 12; `DYNAMIC_1220_5` → item 5 of type 1220; anything else → null. */
export function parseDocumentId(text: string): { entityTypeId: number; itemId: number } | null {
  const deal = /^DEAL_(\d+)$/.exec(text);
  if (deal) return { entityTypeId: 2, itemId: Number(deal[1]) };
  const dyn = /^DYNAMIC_(\d+)_(\d+)$/.exec(text);
  if (dyn) return { entityTypeId: Number(dyn[1]), itemId: Number(dyn[2]) };
  return null;
}

export const PARAMETER_TYPES = [
  "string",
  "text",
  "int",
  "double",
  "date",
  "datetime",
  "bool",
  "select",
  "user",
  "file",
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface TemplateParameter {
  key: string;
  name: string;
  description: string;
  /** A type outside PARAMETER_TYPES is read as `string`. */
  type: ParameterType;
  required: boolean;
  multiple: boolean;
  /** For `select`: value → label. */
  options: { value: string; label: string }[];
  default: string | null;
}

export interface WorkflowTemplate {
  id: number;
  name: string;
  documentType: DocumentType;
  /** 0 none, 1 on create, 2 on change, 3 both. */
  autoExecute: number;
  parameters: TemplateParameter[];
}

export interface WorkflowInstance {
  id: string;
  templateId: number;
  documentId: string;
  startedAt: string | null;
  startedBy: number | null;
  modifiedAt: string | null;
}

type Row = Record<string, unknown>;

const text = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
const flag = (v: unknown): boolean =>
  v === true || v === 1 || (typeof v === "string" && ["Y", "1", "true"].includes(v));
const numberOr = (v: unknown, fallback: number | null) => {
  const n = Number(v);
  return v !== null && v !== "" && Number.isFinite(n) ? n : fallback;
};

/** Reads one parameter definition as the portal writes it (`Name`, `Type`, `Required`…). */
export function readParameter(key: string, raw: unknown): TemplateParameter {
  const def = (typeof raw === "object" && raw !== null ? raw : {}) as Row;
  const type = text(def.Type ?? def.type).toLowerCase();
  const options = def.Options ?? def.options;
  const pairs =
    typeof options === "object" && options !== null
      ? Array.isArray(options)
        ? options.map((o, i) => [String(i), text(o)] as const)
        : Object.entries(options as Row).map(([value, label]) => [value, text(label)] as const)
      : [];
  const fallback = def.Default ?? def.default;
  return {
    key,
    name: text(def.Name ?? def.name) || key,
    description: text(def.Description ?? def.description),
    type: (PARAMETER_TYPES as readonly string[]).includes(type)
      ? (type as ParameterType)
      : "string",
    required: flag(def.Required ?? def.required),
    multiple: flag(def.Multiple ?? def.multiple),
    options: pairs.map(([value, label]) => ({ value, label })),
    default:
      fallback === null || fallback === undefined || typeof fallback === "object"
        ? null
        : text(fallback),
  };
}

function readTemplate(row: Row): WorkflowTemplate {
  const type = Array.isArray(row.DOCUMENT_TYPE) ? row.DOCUMENT_TYPE.map(text) : ["", "", ""];
  const params =
    typeof row.PARAMETERS === "object" && row.PARAMETERS !== null ? row.PARAMETERS : {};
  return {
    id: Number(row.ID),
    name: text(row.NAME),
    documentType: [type[0] ?? "", type[1] ?? "", type[2] ?? ""],
    autoExecute: numberOr(row.AUTO_EXECUTE, 0) ?? 0,
    parameters: Array.isArray(params)
      ? []
      : Object.entries(params as Row).map(([key, def]) => readParameter(key, def)),
  };
}

/** Every page of a bizproc list (`start`/`next`, 50 rows each). */
export async function readPages(
  client: Bitrix24Client,
  method: string,
  params: Params,
): Promise<Row[]> {
  const rows: Row[] = [];
  let start = 0;
  for (;;) {
    const page = await client.call<Row[]>(method, { ...params, start });
    const got = Array.isArray(page.result) ? page.result : [];
    rows.push(...got);
    if (page.next === undefined || got.length === 0) return rows;
    start = page.next;
  }
}

/** The templates of a document type (all of a module's when `documentType` is left out). */
export async function listWorkflowTemplates(
  client: Bitrix24Client,
  options: { documentType?: DocumentType } = {},
): Promise<WorkflowTemplate[]> {
  const wanted = options.documentType;
  const rows = await readPages(client, "bizproc.workflow.template.list", {
    select: ["ID", "NAME", "MODULE_ID", "ENTITY", "DOCUMENT_TYPE", "AUTO_EXECUTE", "PARAMETERS"],
    filter: wanted ? { MODULE_ID: wanted[0], ENTITY: wanted[1] } : {},
    order: { ID: "ASC" },
  });
  return rows
    .map(readTemplate)
    .filter((t) => !wanted || t.documentType.every((part, i) => part === wanted[i]));
}

/** A parameter value as the portal takes it: users as `user_N`, flags as Y/N. */
export type ParameterValue = string | number | boolean | null | string[];

function toPortalValue(value: ParameterValue): QueryValue {
  if (typeof value === "boolean") return value ? "Y" : "N";
  return value;
}

/** Starts a workflow on a document; returns the new workflow's id. */
export async function startWorkflow(
  client: Bitrix24Client,
  input: {
    templateId: number;
    documentId: DocumentId;
    parameters?: Record<string, ParameterValue>;
  },
): Promise<string> {
  const parameters: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(input.parameters ?? {})) {
    parameters[key] = toPortalValue(value);
  }
  const answer = await client.call<unknown>("bizproc.workflow.start", {
    TEMPLATE_ID: input.templateId,
    DOCUMENT_ID: [...input.documentId],
    PARAMETERS: parameters,
  });
  return text(answer.result);
}

/** Workflows running now, on one document or on all. */
export async function listWorkflowInstances(
  client: Bitrix24Client,
  options: { documentId?: DocumentId } = {},
): Promise<WorkflowInstance[]> {
  const doc = options.documentId;
  const rows = await readPages(client, "bizproc.workflow.instances", {
    select: [
      "ID",
      "MODIFIED",
      "MODULE_ID",
      "ENTITY",
      "DOCUMENT_ID",
      "STARTED",
      "STARTED_BY",
      "TEMPLATE_ID",
    ],
    filter: doc ? { MODULE_ID: doc[0], ENTITY: doc[1], DOCUMENT_ID: doc[2] } : {},
    order: { STARTED: "ASC" },
  });
  return rows
    .filter((r) => !doc || text(r.DOCUMENT_ID) === doc[2])
    .map((r) => ({
      id: text(r.ID),
      templateId: numberOr(r.TEMPLATE_ID, 0) ?? 0,
      documentId: text(r.DOCUMENT_ID),
      startedAt: text(r.STARTED) || null,
      startedBy: numberOr(r.STARTED_BY, null),
      modifiedAt: text(r.MODIFIED) || null,
    }));
}

/** Stops a workflow, keeping its data (`terminate`) or not (`kill`). */
export async function stopWorkflow(
  client: Bitrix24Client,
  id: string,
  how: "terminate" | "kill" = "terminate",
  status = "",
): Promise<void> {
  if (how === "kill") await client.call("bizproc.workflow.kill", { ID: id });
  else await client.call("bizproc.workflow.terminate", { ID: id, STATUS: status });
}
