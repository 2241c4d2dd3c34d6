/**
 * Field definitions and value formats of CRM entities. Values are stored
 * once, typed; `crm.item.*` writes them typed (numbers, `Y`/`N`, ATOM
 * dates) and the frozen `crm.deal/company/contact.*` methods write them the
 * old way (every number a string, empty references null).
 */
import { asList, asText, isMap, type Param } from "./params";
import { PortalError } from "./portal-error";

export type FieldType =
  | "integer"
  | "double"
  | "string"
  | "text"
  | "char"
  | "boolean"
  | "datetime"
  | "date"
  | "user"
  | "crm_status"
  | "crm_category"
  | "crm_company"
  | "crm_contact"
  | "crm_currency"
  | "crm_multifield";

export interface FieldDef {
  /** camelCase, as `crm.item.*` spells it. */
  name: string;
  /** UPPER_CASE, as the legacy methods and `upperName` spell it. */
  upper: string;
  type: FieldType;
  title: string;
  multiple?: boolean;
  readOnly?: boolean;
  immutable?: boolean;
  required?: boolean;
  /** A user field (`UF_CRM_…`). */
  dynamic?: boolean;
}

export interface MultiField {
  id: number;
  typeId: string;
  valueType: string;
  value: string;
}

/** Datetimes are epoch milliseconds, dates `YYYY-MM-DD`, flags `Y`/`N`. */
export type Stored = string | number | null | number[] | MultiField[];

const INT_TYPES = new Set<FieldType>([
  "integer",
  "user",
  "crm_company",
  "crm_contact",
  "crm_category",
]);

/** `UF_CRM_5_PACTA_UUID` → `ufCrm5PactaUuid`; mixed letter+digit parts keep the tail. */
export function ufCamelName(upper: string): string {
  const parts = upper.split("_").slice(2);
  if (parts.some((p) => /\d/.test(p) && /[A-Z]/i.test(p))) return `ufCrm_${parts.join("_")}`;
  let out = "ufCrm";
  let previousNumeric = false;
  for (const part of parts) {
    const numeric = /^\d+$/.test(part);
    if (numeric) out += previousNumeric ? `_${part}` : part;
    else out += part.charAt(0) + part.slice(1).toLowerCase();
    previousNumeric = numeric;
  }
  return out;
}

/** `assignedById` → `ASSIGNED_BY_ID`. */
export function upperName(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

export function field(
  name: string,
  type: FieldType,
  title: string,
  extra: Partial<FieldDef> = {},
): FieldDef {
  return { name, upper: extra.upper ?? upperName(name), type, title, ...extra };
}

export function userField(upper: string, type: FieldType, title: string): FieldDef {
  return { name: ufCamelName(upper), upper, type, title, dynamic: true };
}

/** The portal's clock offset, e.g. +180 minutes for `+03:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${sign}${hh}:${mm}`;
}

/** Epoch ms → `2026-12-04T10:00:00+03:00` in the portal's offset. */
export function atom(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offsetMinutes)}`;
}

/** ATOM, `YYYY-MM-DD HH:MM:SS` (portal time) or `YYYY-MM-DD` → epoch ms. */
export function parseDateTime(text: string, offsetMinutes: number): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc)) return null;
  let offset = offsetMinutes;
  if (zone === "Z") offset = 0;
  else if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return utc - offset * 60_000;
}

function invalid(def: FieldDef): PortalError {
  return new PortalError(
    400,
    "CRM_FIELD_ERROR_VALUE_NOT_VALID",
    `Invalid value for field "${def.title}" (${def.name})`,
  );
}

function scalarToStored(def: FieldDef, value: Param, offsetMinutes: number): Stored {
  if (value === null) return INT_TYPES.has(def.type) ? 0 : null;
  if (INT_TYPES.has(def.type)) {
    const text = asText(value);
    if (text === null || text.trim() === "") return 0;
    if (!/^-?\d+$/.test(text.trim())) throw invalid(def);
    return Number(text.trim());
  }
  if (def.type === "double") {
    const text = asText(value);
    if (text === null || text.trim() === "") return 0;
    const n = Number(text);
    if (!Number.isFinite(n)) throw invalid(def);
    return n;
  }
  if (def.type === "char" || def.type === "boolean") {
    if (value === true || value === "Y" || value === "1" || value === 1) return "Y";
    if (value === false || value === "N" || value === "0" || value === 0 || value === "") {
      return "N";
    }
    throw invalid(def);
  }
  const text = asText(value);
  if (text === null) throw invalid(def);
  if (def.type === "datetime") {
    if (text === "") return null;
    const ms = parseDateTime(text, offsetMinutes);
    if (ms === null) throw invalid(def);
    return ms;
  }
  if (def.type === "date") {
    if (text === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) throw invalid(def);
    return text.slice(0, 10);
  }
  return text;
}

/** A value from a request, checked and converted for storage. */
export function toStored(def: FieldDef, value: Param, offsetMinutes: number): Stored {
  if (def.multiple) {
    const list = asList(value);
    if (list === null) {
      if (value === "" || value === null) return [];
      throw new PortalError(400, "100", "Expected iterable value for multiple field");
    }
    return list.map((v) => scalarToStored(def, v, offsetMinutes)).filter(isNumber);
  }
  if (isMap(value) || Array.isArray(value)) throw invalid(def);
  return scalarToStored(def, value, offsetMinutes);
}

function isNumber(v: Stored): v is number {
  return typeof v === "number";
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The value as `crm.item.*` writes it. Date fields come out as datetimes at
 * `dateHour` o'clock in the portal's offset (midnight by default; the docs
 * also show other hours, which catches code that shifts dates through a zone).
 */
export function typedValue(
  def: FieldDef,
  value: Stored | undefined,
  offset: number,
  dateHour = 0,
): Json {
  if (def.type === "crm_multifield") {
    const list = (value ?? []) as MultiField[];
    return list.map((m) => ({ ...m }));
  }
  if (def.multiple) return Array.isArray(value) ? (value as number[]).slice() : [];
  if (value === undefined || value === null) {
    return INT_TYPES.has(def.type) ? 0 : def.type === "double" ? 0 : null;
  }
  if (def.type === "datetime" && typeof value === "number") return atom(value, offset);
  if (def.type === "date" && typeof value === "string") {
    return `${value}T${String(dateHour).padStart(2, "0")}:00:00${formatOffset(offset)}`;
  }
  return value as string | number;
}

/** The value as the frozen legacy methods write it: numbers as strings. */
export function legacyValue(
  def: FieldDef,
  value: Stored | undefined,
  offset: number,
  dateHour = 0,
): Json {
  if (def.multiple) {
    return Array.isArray(value) ? (value as number[]).map((n) => String(n)) : [];
  }
  if (value === undefined || value === null) return null;
  if (def.type === "crm_company" || def.type === "crm_contact") {
    return value === 0 ? null : String(value);
  }
  if (INT_TYPES.has(def.type)) return String(value);
  if (def.type === "double") return (value as number).toFixed(2);
  return typedValue(def, value, offset, dateHour);
}
