/**
 * The universal `crm.item.*` methods: camelCase fields, typed values,
 * `{item}` / `{items}` results.
 */
import {
  type FieldDef,
  type Json,
  type MultiField,
  type Stored,
  toStored,
  typedValue,
} from "../fields";
import { asInt, asList, asText, isMap, type Param, type ParamMap, pick } from "../params";
import { PortalError } from "../portal-error";
import { buildFilter, page, sortItems } from "../query";
import type { EntityType, Item, PortalState } from "../state";
import type { CallContext, MethodHandler } from "./context";

function entityType(params: ParamMap, ctx: CallContext): EntityType {
  const id = asInt(pick(params, "entityTypeId"));
  if (id === null) throw new PortalError(400, "NOT_FOUND", "Smart process not found");
  if (id === 5) {
    throw new PortalError(400, "ENTITY_TYPE_NOT_SUPPORTED", "Entity type 5 is not supported");
  }
  return ctx.state.type(id);
}

function itemId(params: ParamMap): number {
  const id = asInt(pick(params, "id"));
  if (id === null || id <= 0) throw new PortalError(400, "NOT_FOUND", "Item not found");
  return id;
}

/** Names asked for in `select`; null means every field (`*` adds multi-fields). */
function selection(type: EntityType, select: Param | undefined): FieldDef[] {
  const names = (asList(select) ?? []).map((s) => asText(s) ?? "").filter((s) => s !== "");
  if (names.length === 0) return type.fields.filter((f) => f.type !== "crm_multifield");
  if (names.includes("*")) return type.fields;
  return type.fields.filter((f) => names.includes(f.name));
}

/** An item as `crm.item.*` writes it; `originalUf` keeps `UF_CRM_…` names. */
export function itemJson(
  item: Item,
  fields: FieldDef[],
  state: PortalState,
  originalUf = false,
): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const def of fields) {
    const name = originalUf && def.dynamic ? def.upper : def.name;
    out[name] = typedValue(def, item.values[def.name], state.offsetMinutes, state.dateHour);
  }
  return out;
}

/** `useOriginalUfNames=Y` asks for user fields under their `UF_CRM_…` names. */
const originalUf = (params: ParamMap) =>
  asText(pick(params, "useOriginalUfNames"))?.toUpperCase() === "Y";

/** The `fields` of an add or update, converted; unknown and read-only fields are ignored. */
function readFields(
  type: EntityType,
  fields: Param | undefined,
  state: PortalState,
  current: Item | null,
): Record<string, Stored> {
  if (!isMap(fields))
    throw new PortalError(400, "INVALID_ARG_VALUE", "Parameter 'fields' must be an object");
  const out: Record<string, Stored> = {};
  for (const [name, value] of Object.entries(fields)) {
    const def = type.byName.get(name) ?? type.byUpper.get(name);
    if (!def || def.readOnly) continue;
    if (def.type === "crm_multifield") out.fm = multiFields(value, state, current);
    else out[def.name] = toStored(def, value, state.offsetMinutes);
  }
  return out;
}

/**
 * `fm` on add is a list; on update a map keyed `n0`, `n1`… (new entries) or
 * by entry id (change; an empty value deletes). An entry without `typeId`
 * is skipped silently, as the portal does.
 */
function multiFields(value: Param, state: PortalState, current: Item | null): MultiField[] {
  const existing = ((current?.values.fm ?? []) as MultiField[]).map((m) => ({ ...m }));
  const entries =
    isMap(value) && current
      ? Object.entries(value)
      : (asList(value) ?? []).map((v, i) => [`n${i}`, v] as const);
  for (const [key, raw] of entries) {
    if (!isMap(raw)) continue;
    const typeId = asText(raw.typeId ?? raw.TYPE_ID);
    if (!typeId) continue;
    const text = asText(raw.value ?? raw.VALUE) ?? "";
    const valueType = asText(raw.valueType ?? raw.VALUE_TYPE) ?? "WORK";
    const id = /^\d+$/.test(key) ? Number(key) : null;
    const at = id === null ? -1 : existing.findIndex((m) => m.id === id);
    if (at >= 0) {
      if (text === "") existing.splice(at, 1);
      else existing[at] = { id: id as number, typeId, valueType, value: text };
    } else if (text !== "") existing.push(state.withId({ typeId, valueType, value: text }));
  }
  return existing;
}

const list: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  const offset = ctx.state.offsetMinutes;
  const matches = buildFilter(type, pick(params, "filter"), "camel", offset);
  const fields = selection(type, pick(params, "select"));
  const order = pick(params, "order") ?? { id: "ASC" };
  const rows = sortItems(type, [...type.items.values()].filter(matches), order, "camel");
  const p = page(rows, pick(params, "start"));
  const items = p.rows.map((item) => itemJson(item, fields, ctx.state, originalUf(params)));
  return { result: { items }, total: p.total, ...(p.next === undefined ? {} : { next: p.next }) };
};

const get: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  const item = type.items.get(itemId(params));
  if (!item) throw new PortalError(400, "NOT_FOUND", "Item not found");
  return { result: { item: itemJson(item, type.fields, ctx.state, originalUf(params)) } };
};

const add: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  const values = readFields(type, pick(params, "fields"), ctx.state, null);
  const item = ctx.state.add(type.entityTypeId, values, ctx.userId);
  return { result: { item: itemJson(item, type.fields, ctx.state, originalUf(params)) } };
};

const update: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  const id = itemId(params);
  const current = type.items.get(id);
  if (!current) throw new PortalError(400, "NOT_FOUND", "Item not found");
  const values = readFields(type, pick(params, "fields"), ctx.state, current);
  ctx.state.update(type.entityTypeId, id, values, ctx.userId);
  return { result: { item: itemJson(current, type.fields, ctx.state, originalUf(params)) } };
};

const remove: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  ctx.state.remove(type.entityTypeId, itemId(params));
  return { result: [] };
};

export function fieldJson(def: FieldDef, withUpper: boolean): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    type: def.type,
    isRequired: def.required === true,
    isReadOnly: def.readOnly === true,
    isImmutable: def.immutable === true,
    isMultiple: def.multiple === true,
    isDynamic: def.dynamic === true,
    title: def.title,
  };
  if (withUpper) out.upperName = def.upper;
  return out;
}

const fields: MethodHandler = (params, ctx) => {
  const type = entityType(params, ctx);
  const out: { [key: string]: Json } = {};
  for (const def of type.fields) out[def.name] = fieldJson(def, true);
  return { result: { fields: out } };
};

export const crmItemMethods: Record<string, MethodHandler> = {
  "crm.item.list": list,
  "crm.item.get": get,
  "crm.item.add": add,
  "crm.item.update": update,
  "crm.item.delete": remove,
  "crm.item.fields": fields,
};
