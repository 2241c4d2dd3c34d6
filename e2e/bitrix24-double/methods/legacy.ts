/**
 * The frozen `crm.deal.*`, `crm.company.*` and `crm.contact.*` methods:
 * UPPER_CASE keys, every number a string, empty references null, `Y`/`N`
 * flags, multi-fields (`PHONE`, `EMAIL`) only when named in `select`, and
 * errors with an empty `error` code.
 */
import {
  type FieldDef,
  type Json,
  legacyValue,
  type MultiField,
  type Stored,
  toStored,
} from "../fields";
import { asInt, asList, asText, isMap, type ParamMap, pick } from "../params";
import { legacyError } from "../portal-error";
import { buildFilter, page, sortItems } from "../query";
import type { EntityType, Item, PortalState } from "../state";
import type { CallContext, MethodHandler } from "./context";
import { fieldJson } from "./crm-item";

const MULTI = ["PHONE", "EMAIL", "WEB", "IM", "LINK"];

function legacyFields(type: EntityType): FieldDef[] {
  return type.fields.filter((f) => f.type !== "crm_multifield" && f.name !== "contactIds");
}

function select(type: EntityType, raw: ParamMap[string] | undefined): [FieldDef[], string[]] {
  const names = (asList(raw) ?? []).map((s) => (asText(s) ?? "").toUpperCase());
  const all = legacyFields(type);
  const multi = names.filter((n) => MULTI.includes(n));
  if (names.length === 0) return [all, []];
  const chosen = all.filter(
    (f) =>
      names.includes(f.upper) ||
      (names.includes("*") && !f.dynamic) ||
      (names.includes("UF_*") && f.dynamic),
  );
  return [chosen, multi];
}

function row(item: Item, fields: FieldDef[], multi: string[], state: PortalState) {
  const out: { [key: string]: Json } = {};
  for (const def of fields)
    out[def.upper] = legacyValue(def, item.values[def.name], state.offsetMinutes, state.dateHour);
  for (const kind of multi) {
    const entries = ((item.values.fm ?? []) as MultiField[]).filter((m) => m.typeId === kind);
    if (entries.length > 0) {
      out[kind] = entries.map((m) => ({
        ID: String(m.id),
        VALUE_TYPE: m.valueType,
        VALUE: m.value,
        TYPE_ID: m.typeId,
      }));
    }
  }
  return out;
}

function readFields(
  type: EntityType,
  raw: ParamMap[string] | undefined,
  ctx: CallContext,
  current: Item | null,
) {
  if (!isMap(raw)) throw legacyError("Parameter 'fields' must be array.");
  const out: Record<string, Stored> = {};
  const fm = ((current?.values.fm ?? []) as MultiField[]).map((m) => ({ ...m }));
  let fmChanged = false;
  for (const [key, value] of Object.entries(raw)) {
    const upper = key.toUpperCase();
    if (MULTI.includes(upper)) {
      for (const entry of asList(value) ?? []) {
        if (!isMap(entry)) continue;
        const text = asText(entry.VALUE) ?? "";
        const id = asInt(entry.ID);
        const at = id === null ? -1 : fm.findIndex((m) => m.id === id);
        if (at >= 0 && text === "") fm.splice(at, 1);
        else if (at >= 0) fm[at] = { ...(fm[at] as MultiField), value: text };
        else if (text !== "") {
          fm.push(
            ctx.state.withId({
              typeId: upper,
              valueType: asText(entry.VALUE_TYPE) ?? "WORK",
              value: text,
            }),
          );
        }
        fmChanged = true;
      }
      continue;
    }
    const def = type.byUpper.get(upper);
    // Unknown fields are ignored; the pipeline of an existing deal cannot change here.
    if (!def || def.readOnly || def.type === "crm_multifield") continue;
    if (current && def.name === "categoryId") continue;
    out[def.name] = toStored(def, value, ctx.state.offsetMinutes);
  }
  if (fmChanged) out.fm = fm;
  return out;
}

function idParam(params: ParamMap): number {
  const id = asInt(pick(params, "id"));
  if (id === null || id <= 0) throw legacyError("ID is not defined or invalid.");
  return id;
}

function methodsFor(entityTypeId: number, name: string): Record<string, MethodHandler> {
  const typeOf = (ctx: CallContext) => ctx.state.type(entityTypeId);
  return {
    [`crm.${name}.list`]: (params, ctx) => {
      const type = typeOf(ctx);
      const matches = buildFilter(type, pick(params, "filter"), "upper", ctx.state.offsetMinutes);
      const [fields, multi] = select(type, pick(params, "select"));
      const order = pick(params, "order") ?? { ID: "ASC" };
      const rows = sortItems(type, [...type.items.values()].filter(matches), order, "upper");
      const p = page(rows, pick(params, "start"));
      const result = p.rows.map((item) => row(item, fields, multi, ctx.state));
      return { result, total: p.total, ...(p.next === undefined ? {} : { next: p.next }) };
    },
    [`crm.${name}.get`]: (params, ctx) => {
      const type = typeOf(ctx);
      const item = type.items.get(idParam(params));
      if (!item) throw legacyError("Not found");
      return { result: row(item, legacyFields(type), MULTI, ctx.state) };
    },
    [`crm.${name}.add`]: (params, ctx) => {
      const type = typeOf(ctx);
      const values = readFields(type, pick(params, "fields"), ctx, null);
      return { result: ctx.state.add(entityTypeId, values, ctx.userId).id };
    },
    [`crm.${name}.update`]: (params, ctx) => {
      const type = typeOf(ctx);
      const id = idParam(params);
      const item = type.items.get(id);
      if (!item) throw legacyError("Not found");
      ctx.state.update(
        entityTypeId,
        id,
        readFields(type, pick(params, "fields"), ctx, item),
        ctx.userId,
      );
      return { result: true };
    },
    [`crm.${name}.fields`]: (_params, ctx) => {
      const out: { [key: string]: Json } = {};
      for (const def of legacyFields(typeOf(ctx))) out[def.upper] = fieldJson(def, false);
      return { result: out };
    },
  };
}

export const legacyMethods: Record<string, MethodHandler> = {
  ...methodsFor(2, "deal"),
  ...methodsFor(3, "contact"),
  ...methodsFor(4, "company"),
};
