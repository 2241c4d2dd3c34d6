/**
 * How a contract's fields and a portal item's fields compare. Both sides
 * are reduced to the same plain values (text, number or null) so that a
 * field can be judged changed, unchanged or in conflict without caring how
 * each side spells it: dates are `YYYY-MM-DD` (the first ten characters of
 * the portal's datetime, never shifted through a time zone), amounts are
 * numbers in major units, empty text is null.
 */
import type { ConflictField, SyncField, SyncSettings, SyncTarget } from "../../shared/api/sync";
import type { Contract, ContractFields } from "../../shared/domain/contract";

export type Plain = string | number | null;
/** Field → value, for the mapped fields and `stage`. */
export type Values = Partial<Record<ConflictField, Plain>>;

const DATE_FIELDS = new Set<SyncField>(["signatureDate", "effectiveDate", "endDate"]);

export const DEFAULT_SETTINGS: SyncSettings = {
  target: { kind: "deals", categoryId: null },
  stageMap: {},
  fieldMap: [
    { local: "title", remote: "title" },
    { local: "value", remote: "opportunity" },
    { local: "currency", remote: "currencyId" },
    { local: "effectiveDate", remote: "begindate" },
    { local: "endDate", remote: "closedate" },
  ],
  intervalMinutes: 15,
};

export function entityTypeIdOf(target: SyncTarget): number {
  return target.kind === "deals" ? 2 : target.entityTypeId;
}

/**
 * The item field that carries the contract's uid: `xmlId` on smart processes, `originId` on
 * deals.
 */
export function originFieldOf(target: SyncTarget): "xmlId" | "originId" {
  return target.kind === "deals" ? "originId" : "xmlId";
}

function localValue(contract: Contract, field: SyncField): Plain {
  const v = contract[field];
  if (typeof v === "string") return v.trim() === "" ? null : v;
  return typeof v === "number" ? v : null;
}

/** The contract's mapped values; `stage` only when its stage maps to a portal stage. */
export function localValues(contract: Contract, settings: SyncSettings): Values {
  const out: Values = {};
  for (const { local } of settings.fieldMap) out[local] = localValue(contract, local);
  if (Object.keys(settings.stageMap).length > 0) {
    out.stage = settings.stageMap[contract.stage] ?? null;
  }
  return out;
}

function remoteValue(raw: unknown, field: SyncField): Plain {
  if (raw === null || raw === undefined) return null;
  if (field === "value") {
    const n = typeof raw === "number" ? raw : Number(raw);
    // The portal answers 0 for an amount never set.
    return Number.isFinite(n) && n !== 0 ? n : null;
  }
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  if (DATE_FIELDS.has(field)) return /^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : null;
  return text === "" ? null : text;
}

/** The item's mapped values, read the same way as the contract's. */
export function remoteValues(item: Record<string, unknown>, settings: SyncSettings): Values {
  const out: Values = {};
  for (const { local, remote } of settings.fieldMap) out[local] = remoteValue(item[remote], local);
  if (Object.keys(settings.stageMap).length > 0) {
    const stage = item.stageId;
    out.stage = typeof stage === "string" && stage !== "" ? stage : null;
  }
  return out;
}

/** The item fields that set these values on the portal. */
export function toItemFields(values: Values, settings: SyncSettings): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const { local, remote } of settings.fieldMap) {
    if (!(local in values)) continue;
    const v = values[local] ?? null;
    out[remote] = v === null && !DATE_FIELDS.has(local) && local !== "value" ? "" : v;
  }
  if ("stage" in values && values.stage) out.stageId = values.stage;
  return out;
}

/** The local stage a portal stage maps back to, if exactly one does. */
export function localStageOf(portalStage: Plain, settings: SyncSettings): string | null {
  if (typeof portalStage !== "string") return null;
  const keys = Object.entries(settings.stageMap).filter(([, remote]) => remote === portalStage);
  return keys.length === 1 ? (keys[0]?.[0] ?? null) : null;
}

/** Contract fields with these values applied (the stage is moved separately). */
export function withValues(fields: ContractFields, values: Values): ContractFields {
  const next: ContractFields = { ...fields };
  for (const [field, value] of Object.entries(values) as [ConflictField, Plain][]) {
    if (field === "stage") continue;
    if (field === "title") next.title = typeof value === "string" ? value : next.title;
    else if (field === "value") next.value = typeof value === "number" ? value : null;
    else if (field === "notes") next.notes = typeof value === "string" ? value : "";
    else next[field] = typeof value === "string" ? value : null;
  }
  return next;
}

export function same(a: Plain | undefined, b: Plain | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
