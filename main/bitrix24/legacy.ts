/**
 * Rows of the frozen `crm.deal.*`, `crm.company.*` and `crm.contact.*`
 * methods, read into typed values: numbers sent as strings become numbers,
 * `Y`/`N` become booleans, empty references (`null`, `"0"`, `""`) become
 * null, and date fields keep only their calendar date (the portal writes
 * them as midnight in its zone). User fields are passed through as they
 * came: an empty multiple field is `[]` and stays a list.
 */
import { z } from "zod";

const idText = z.union([z.string(), z.number()]);

/** `"410"` or `410` → 410; anything else is refused. */
const id = idText.transform((v, ctx) => {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    ctx.addIssue({ code: "custom", message: `not an id: ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

/** An optional reference: null, "", "0" and 0 mean none. */
const ref = z
  .union([idText, z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "" || v === "0" || v === 0) return null;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: "custom", message: `not an id: ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

/** `"1000000.00"` → 1000000; null or "" → null. */
const amount = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `not a number: ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

/** `Y`/`N` (also 1/0, true/false) → boolean; absent → false. */
const flag = z
  .union([z.enum(["Y", "N", "1", "0", ""]), z.boolean(), z.null()])
  .optional()
  .transform((v) => v === "Y" || v === "1" || v === true);

const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));

/** A date field: the calendar date, first 10 characters, never shifted through a zone. */
const calendarDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}/.test(v)) {
      ctx.addIssue({ code: "custom", message: `not a date: ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return v.slice(0, 10);
  });

/** A datetime kept as the portal wrote it (ATOM with offset). */
const dateTime = text;

const multiField = z.object({
  ID: id,
  VALUE_TYPE: text,
  VALUE: z.string(),
  TYPE_ID: text,
});
const multiFields = z
  .union([z.array(multiField), z.array(z.unknown()).length(0), z.null()])
  .optional()
  .transform((v) => (v ?? []) as z.infer<typeof multiField>[]);

/** User fields (`UF_CRM_…`) as they came; their types live in `crm.deal.fields`. */
function userFields(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("UF_")) out[key] = value;
  }
  return out;
}

const audit = {
  ASSIGNED_BY_ID: ref,
  CREATED_BY_ID: ref,
  MODIFY_BY_ID: ref,
  DATE_CREATE: dateTime,
  DATE_MODIFY: dateTime,
  OPENED: flag,
  ORIGINATOR_ID: text,
  ORIGIN_ID: text,
};

const dealSchema = z
  .object({
    ID: id,
    TITLE: text,
    CATEGORY_ID: z
      .union([idText, z.null()])
      .optional()
      .transform((v) => Number(v ?? 0)),
    STAGE_ID: text,
    STAGE_SEMANTIC_ID: text,
    CLOSED: flag,
    OPPORTUNITY: amount,
    CURRENCY_ID: text,
    COMPANY_ID: ref,
    CONTACT_ID: ref,
    BEGINDATE: calendarDate,
    CLOSEDATE: calendarDate,
    COMMENTS: text,
    ...audit,
  })
  .loose();

export interface LegacyAudit {
  assignedById: number | null;
  createdById: number | null;
  modifiedById: number | null;
  createdAt: string | null;
  modifiedAt: string | null;
  opened: boolean;
  originatorId: string | null;
  originId: string | null;
  userFields: Record<string, unknown>;
}

export interface LegacyDeal extends LegacyAudit {
  id: number;
  title: string | null;
  categoryId: number;
  stageId: string | null;
  stageSemanticId: string | null;
  closed: boolean;
  opportunity: number | null;
  currencyId: string | null;
  companyId: number | null;
  contactId: number | null;
  beginDate: string | null;
  closeDate: string | null;
  comments: string | null;
}

type AuditIn = z.infer<z.ZodObject<typeof audit>>;

function auditOf(r: AuditIn, row: Record<string, unknown>): LegacyAudit {
  return {
    assignedById: r.ASSIGNED_BY_ID,
    createdById: r.CREATED_BY_ID,
    modifiedById: r.MODIFY_BY_ID,
    createdAt: r.DATE_CREATE,
    modifiedAt: r.DATE_MODIFY,
    opened: r.OPENED,
    originatorId: r.ORIGINATOR_ID,
    originId: r.ORIGIN_ID,
    userFields: userFields(row),
  };
}

/** Explains a bad row in one line: which method, which field, what came. */
function parseRow<T extends z.ZodType>(schema: T, row: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "(row)";
  throw new Error(`Bitrix24 ${where}: field ${field}: ${issue?.message ?? "invalid"}`);
}

const asRecord = (row: unknown): Record<string, unknown> =>
  typeof row === "object" && row !== null && !Array.isArray(row)
    ? (row as Record<string, unknown>)
    : {};

export function readLegacyDeal(row: unknown, where = "crm.deal.list"): LegacyDeal {
  const r = parseRow(dealSchema, row, where);
  return {
    id: r.ID,
    title: r.TITLE,
    categoryId: r.CATEGORY_ID,
    stageId: r.STAGE_ID,
    stageSemanticId: r.STAGE_SEMANTIC_ID,
    closed: r.CLOSED,
    opportunity: r.OPPORTUNITY,
    currencyId: r.CURRENCY_ID,
    companyId: r.COMPANY_ID,
    contactId: r.CONTACT_ID,
    beginDate: r.BEGINDATE,
    closeDate: r.CLOSEDATE,
    comments: r.COMMENTS,
    ...auditOf(r, asRecord(row)),
  };
}

export interface LegacyMultiField {
  id: number;
  kind: string | null;
  valueType: string | null;
  value: string;
}

const toMulti = (list: z.infer<typeof multiField>[]): LegacyMultiField[] =>
  list.map((m) => ({ id: m.ID, kind: m.TYPE_ID, valueType: m.VALUE_TYPE, value: m.VALUE }));

const companySchema = z
  .object({
    ID: id,
    TITLE: text,
    COMPANY_TYPE: text,
    IS_MY_COMPANY: flag,
    PHONE: multiFields,
    EMAIL: multiFields,
    COMMENTS: text,
    ...audit,
  })
  .loose();

export interface LegacyCompany extends LegacyAudit {
  id: number;
  title: string | null;
  companyType: string | null;
  isMyCompany: boolean;
  phones: LegacyMultiField[];
  emails: LegacyMultiField[];
}

export function readLegacyCompany(row: unknown, where = "crm.company.list"): LegacyCompany {
  const r = parseRow(companySchema, row, where);
  return {
    id: r.ID,
    title: r.TITLE,
    companyType: r.COMPANY_TYPE,
    isMyCompany: r.IS_MY_COMPANY,
    phones: toMulti(r.PHONE),
    emails: toMulti(r.EMAIL),
    ...auditOf(r, asRecord(row)),
  };
}

const contactSchema = z
  .object({
    ID: id,
    NAME: text,
    LAST_NAME: text,
    SECOND_NAME: text,
    POST: text,
    COMPANY_ID: ref,
    PHONE: multiFields,
    EMAIL: multiFields,
    ...audit,
  })
  .loose();

export interface LegacyContact extends LegacyAudit {
  id: number;
  name: string | null;
  lastName: string | null;
  secondName: string | null;
  post: string | null;
  companyId: number | null;
  phones: LegacyMultiField[];
  emails: LegacyMultiField[];
}

export function readLegacyContact(row: unknown, where = "crm.contact.list"): LegacyContact {
  const r = parseRow(contactSchema, row, where);
  return {
    id: r.ID,
    name: r.NAME,
    lastName: r.LAST_NAME,
    secondName: r.SECOND_NAME,
    post: r.POST,
    companyId: r.COMPANY_ID,
    phones: toMulti(r.PHONE),
    emails: toMulti(r.EMAIL),
    ...auditOf(r, asRecord(row)),
  };
}
