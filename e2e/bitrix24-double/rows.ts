/**
 * List queries over plain UPPER_CASE rows (the bizproc lists): `SELECT`,
 * `FILTER` with the prefixes `= ! != > >= < <= @ !@`, `ORDER` and pages of
 * 50 with `start`. Unknown filter fields are ignored, as older modules do.
 */
import type { Json } from "./fields";
import { asList, asText, isMap, type Param } from "./params";
import { PAGE_SIZE } from "./query";

export type Row = { [key: string]: Json };

const OPS = [">=", "<=", "!=", "!@", "@", "=", "!", ">", "<"];

function scalar(v: Json | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "Y" : "N";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

function compare(a: string | number | null, b: string | number | null): number | null {
  if (a === null || b === null) return null;
  const na = Number(a);
  const nb = Number(b);
  if (String(a).trim() !== "" && String(b).trim() !== "" && !Number.isNaN(na) && !Number.isNaN(nb))
    return na - nb;
  const da = Date.parse(String(a));
  const db = Date.parse(String(b));
  if (!Number.isNaN(da) && !Number.isNaN(db) && /\d{4}-\d\d-\d\d/.test(String(a))) return da - db;
  return String(a).localeCompare(String(b));
}

export function filterRows(rows: Row[], filter: Param | undefined): Row[] {
  if (!isMap(filter)) return rows;
  const tests: ((row: Row) => boolean)[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    const op = OPS.find((o) => key.startsWith(o)) ?? "";
    const name = key.slice(op.length).toUpperCase();
    const wanted = (asList(raw) ?? [raw]).map((w) => asText(w as Param));
    const one = wanted[0] ?? null;
    tests.push((row) => {
      if (!(name in row)) return true;
      const have = scalar(row[name]);
      const equal = wanted.some((w) => (compare(have, w) ?? (have === w ? 0 : 1)) === 0);
      switch (op) {
        case "":
        case "=":
        case "@":
          return equal;
        case "!":
        case "!=":
        case "!@":
          return !equal;
        default: {
          const c = compare(have, one);
          if (c === null) return false;
          if (op === ">") return c > 0;
          if (op === ">=") return c >= 0;
          if (op === "<") return c < 0;
          return c <= 0;
        }
      }
    });
  }
  return rows.filter((row) => tests.every((t) => t(row)));
}

export function orderRows(rows: Row[], order: Param | undefined, fallback: Row = {}): Row[] {
  const spec = isMap(order) && Object.keys(order).length > 0 ? order : fallback;
  const keys = Object.entries(spec).map(
    ([k, d]) => [k.toUpperCase(), asText(d as Param)?.toUpperCase() === "DESC" ? -1 : 1] as const,
  );
  return rows.slice().sort((a, b) => {
    for (const [k, dir] of keys) {
      const c = compare(scalar(a[k]), scalar(b[k]));
      if (c !== null && c !== 0) return c * dir;
    }
    return 0;
  });
}

export function selectRows(rows: Row[], fields: string[]): Row[] {
  return rows.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null])));
}

export function pageRows(
  rows: Row[],
  start: Param | undefined,
): { result: Row[]; total: number; next?: number } {
  const from = Math.max(0, Number(asText(start) ?? 0) || 0);
  const result = rows.slice(from, from + PAGE_SIZE);
  const next = from + PAGE_SIZE < rows.length ? from + PAGE_SIZE : undefined;
  return { result, total: rows.length, ...(next === undefined ? {} : { next }) };
}

/** The names in `SELECT` (upper case), or the defaults. */
export function selected(raw: Param | undefined, defaults: string[]): string[] {
  const names = (asList(raw) ?? []).map((s) => (asText(s) ?? "").toUpperCase()).filter(Boolean);
  return names.length > 0 ? names : defaults;
}
