/**
 * List queries: `filter` with prefixed keys (`=`, `!`, `!=`, `>`, `>=`, `<`,
 * `<=`, `@`, `!@`, `%`, `=%`, `%=`, `!%`…) and nested `logic: OR` groups,
 * `order`, and pages of 50 with `start` (`-1` skips the count).
 */
import { type FieldDef, parseDateTime, type Stored } from "./fields";
import { asList, asText, isMap, type Param, type ParamMap } from "./params";
import { invalidArg } from "./portal-error";
import type { EntityType, Item } from "./state";

export const PAGE_SIZE = 50;

export type Naming = "camel" | "upper";

type Predicate = (item: Item) => boolean;

const OPERATORS = [
  "!@",
  "!=%",
  "!%=",
  "!%",
  "=%",
  "%=",
  ">=",
  "<=",
  "!=",
  "@",
  "=",
  "!",
  ">",
  "<",
  "%",
];

function fieldOf(type: EntityType, name: string, naming: Naming): FieldDef | undefined {
  return naming === "camel" ? type.byName.get(name) : type.byUpper.get(name.toUpperCase());
}

/** Builds the filter; unknown fields are refused by `crm.item.*`, ignored by legacy methods. */
export function buildFilter(
  type: EntityType,
  filter: Param | undefined,
  naming: Naming,
  offset: number,
): Predicate {
  if (filter === undefined || filter === null || filter === "") return () => true;
  if (!isMap(filter)) throw invalidArg("Invalid filter: must be an object");
  return group(type, filter, naming, offset);
}

function group(type: EntityType, filter: ParamMap, naming: Naming, offset: number): Predicate {
  const logic = asText(filter.logic ?? filter.LOGIC)?.toUpperCase() === "OR" ? "OR" : "AND";
  const parts: Predicate[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.toLowerCase() === "logic") continue;
    if (isMap(value) && (/^\d+$/.test(key) || "logic" in value || "LOGIC" in value)) {
      parts.push(group(type, value, naming, offset));
      continue;
    }
    const op = OPERATORS.find((o) => key.startsWith(o)) ?? "";
    const name = key.slice(op.length);
    const def = fieldOf(type, name, naming);
    if (!def) {
      if (naming === "upper") continue;
      throw invalidArg(`Invalid filter: field '${name}' is not allowed in filter`);
    }
    parts.push(condition(def, op, value, offset));
  }
  if (logic === "OR") return (item) => parts.length === 0 || parts.some((p) => p(item));
  return (item) => parts.every((p) => p(item));
}

function comparable(def: FieldDef, value: Param, offset: number): string | number | null {
  const text = asText(value);
  if (value === null || text === null) return null;
  switch (def.type) {
    case "integer":
    case "user":
    case "crm_company":
    case "crm_contact":
    case "crm_category": {
      if (!/^-?\d+$/.test(text.trim())) {
        throw invalidArg(`Invalid filter: field '${def.name}' has invalid value`);
      }
      return Number(text);
    }
    case "double": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) {
        throw invalidArg(`Invalid filter: field '${def.name}' has invalid value`);
      }
      return n;
    }
    case "datetime": {
      const ms = parseDateTime(text, offset);
      if (ms === null) throw invalidArg(`Invalid filter: field '${def.name}' has invalid value`);
      return ms;
    }
    case "date":
      return text.slice(0, 10);
    case "boolean":
      // User-field flags are filtered with 1/0 although they read and write Y/N.
      return text === "1" || text === "Y" ? "Y" : "N";
    default:
      return text;
  }
}

function like(haystack: string, pattern: string): boolean {
  const re = pattern
    .split("%")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${re}$`, "iu").test(haystack);
}

function condition(def: FieldDef, op: string, raw: Param, offset: number): Predicate {
  const list = asList(raw);
  const values = (list ?? [raw]).map((v) => comparable(def, v, offset));
  const read = (item: Item): Stored | undefined => item.values[def.name];
  const one = values[0] ?? null;
  const equals = (item: Item) => {
    const v = read(item) ?? null;
    if (Array.isArray(v)) return v.some((x) => values.includes(x as number));
    const norm = typeof v === "string" && def.type === "boolean" ? v : v;
    return values.some((x) => x === norm || (x === null && (norm === "" || norm === 0)));
  };
  const compare = (item: Item): number | null => {
    const v = read(item);
    if (v === undefined || v === null || one === null || Array.isArray(v)) return null;
    if (typeof v === "number" && typeof one === "number") return v - one;
    return String(v).localeCompare(String(one));
  };
  const text = (item: Item) => String(read(item) ?? "");
  switch (op) {
    case "":
    case "=":
    case "@":
      return equals;
    case "!":
    case "!=":
    case "!@":
      return (item) => !equals(item);
    case ">":
      return (item) => (compare(item) ?? -1) > 0;
    case ">=":
      return (item) => (compare(item) ?? -1) >= 0;
    case "<":
      return (item) => (compare(item) ?? 1) < 0;
    case "<=":
      return (item) => (compare(item) ?? 1) <= 0;
    case "%":
      return (item) =>
        text(item)
          .toLowerCase()
          .includes(String(one ?? "").toLowerCase());
    case "!%":
      return (item) =>
        !text(item)
          .toLowerCase()
          .includes(String(one ?? "").toLowerCase());
    case "=%":
    case "%=":
      return (item) => like(text(item), String(one ?? ""));
    case "!=%":
    case "!%=":
      return (item) => !like(text(item), String(one ?? ""));
    default:
      return equals;
  }
}

export function sortItems(
  type: EntityType,
  items: Item[],
  order: Param | undefined,
  naming: Naming,
): Item[] {
  const keys: [FieldDef, number][] = [];
  if (isMap(order)) {
    for (const [name, dir] of Object.entries(order)) {
      const def = fieldOf(type, name, naming);
      if (!def) {
        if (naming === "upper") continue;
        throw invalidArg(`Invalid order: field '${name}' is not allowed in order`);
      }
      const direction = asText(dir)?.toUpperCase();
      if (direction !== "ASC" && direction !== "DESC") {
        if (naming === "upper") continue;
        const got = `But got '${asText(dir)}' for field '${name}'`;
        throw invalidArg(`Invalid order: allowed sort directions are ASC, DESC. ${got}`);
      }
      keys.push([def, direction === "DESC" ? -1 : 1]);
    }
  }
  if (keys.length === 0) return items;
  // Items are kept in id order already: the keyset walk needs no sort.
  if (keys.length === 1 && keys[0]?.[0].name === "id" && keys[0][1] === 1) return items;
  return items.slice().sort((a, b) => {
    for (const [def, dir] of keys) {
      const x = a.values[def.name] ?? null;
      const y = b.values[def.name] ?? null;
      if (x === y) continue;
      if (x === null) return -dir;
      if (y === null) return dir;
      const c =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      if (c !== 0) return c * dir;
    }
    return a.id - b.id;
  });
}

export interface Page {
  rows: Item[];
  total: number;
  next?: number;
}

/** One page of 50 from `start`; `start=-1` gives the first 50 with no count. */
export function page(items: Item[], start: Param | undefined): Page {
  const n = Number(asText(start) ?? 0);
  if (n === -1) return { rows: items.slice(0, PAGE_SIZE), total: 0 };
  const from = Number.isInteger(n) && n > 0 ? n : 0;
  const rows = items.slice(from, from + PAGE_SIZE);
  const next = from + PAGE_SIZE < items.length ? from + PAGE_SIZE : undefined;
  return next === undefined ? { rows, total: items.length } : { rows, total: items.length, next };
}
